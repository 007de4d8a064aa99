package eu.s3cop.system;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.stack.LocalCloud;
import eu.s3cop.testing.FunctionPackages;
import eu.s3cop.testing.LocalAws;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every deployment package, as Lambda gets it: within its budget, without the libraries it never
 * uses, and primed for SnapStart from its own classes alone. Each function's tests run again
 * from its package in that function's module (the {@code *PackageIntegrationTest} classes).
 */
@LocalAws(packaged = {"publish-brief", "refresh-catalogue", "register-secretariat-files", "webinar-scheduler", "registration-lists", "reader-api",
        "register-dois"})
class FunctionPackagesIntegrationTest {

    /**
     * Budgets in MB, each a little above what the package weighs. publish-brief carries the PDF
     * stack and its fonts. The functions that call S3 carry the SDK's S3 client, about 2 MB
     * after shrinking, since its endpoint rules reference the model of every operation; the
     * reader API and the scheduler carry none (a presigned link needs only the signer). The site's
     * writer and the reader API carry Lucene for search (about 3 MB after shrinking).
     */
    static Stream<Arguments> packages() {
        return Stream.of(
                Arguments.of("publish-brief", 15, List.of()),
                Arguments.of("refresh-catalogue", 11, List.of("org/apache/pdfbox/", "jakarta/mail/")),
                Arguments.of("register-secretariat-files", 7, List.of("org/apache/pdfbox/", "org/jsoup/", "jakarta/mail/")),
                Arguments.of("webinar-scheduler", 6, List.of("org/apache/pdfbox/", "org/jsoup/", "software/amazon/awssdk/services/s3/")),
                Arguments.of("registration-lists", 7, List.of("org/apache/pdfbox/", "org/jsoup/", "jakarta/mail/",
                        "software/amazon/awssdk/services/sesv2/")),
                Arguments.of("register-dois", 4, List.of("org/apache/pdfbox/", "org/jsoup/", "jakarta/mail/", "org/apache/lucene/",
                        "software/amazon/awssdk/services/s3/")),
                Arguments.of("reader-api", 10, List.of("org/apache/pdfbox/", "com/vladsch/flexmark/", "software/amazon/awssdk/services/s3/")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packages")
    void staysWithinItsBudgetAndCarriesNothingItNeverUses(String function, int megabytes, List<String> never) {
        FunctionPackages.assertWithinBudget(function, megabytes);
        for (String prefix : never) {
            assertThat(FunctionPackages.contains(function, prefix)).as(function + " carries " + prefix).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packages")
    void primesFromItsPackageAlone(String function, int megabytes, List<String> never, LocalCloud stack) {
        assertThat(FunctionPackages.assertPrimes(stack, function)).isNotNegative();
    }
}
