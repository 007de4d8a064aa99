package eu.s3cop.reader;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.stack.LocalCloud;
import eu.s3cop.testing.FunctionPackages;
import eu.s3cop.testing.LocalAws;
import org.junit.jupiter.api.Test;

/**
 * The reader API's tests again, from the deployment package.
 */
@LocalAws(packaged = "reader-api")
class ReaderApiPackageIntegrationTest extends ReaderApiIntegrationTest {

    @Test
    void primesFromItsPackageAlone(LocalCloud stack) {
        FunctionPackages.assertPrimes(stack, "reader-api");
    }

    @Test
    void thePackageStaysWithinItsBudget() {
        FunctionPackages.assertWithinBudget("reader-api", 6);
        assertThat(FunctionPackages.contains("reader-api", "org/apache/pdfbox/")).as("a PDF stack").isFalse();
        assertThat(FunctionPackages.contains("reader-api", "software/amazon/awssdk/services/s3/")).as("an S3 client: links need only the signer").isFalse();
    }
}
