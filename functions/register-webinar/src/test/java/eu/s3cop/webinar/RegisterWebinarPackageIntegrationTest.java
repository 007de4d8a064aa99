package eu.s3cop.webinar;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.stack.LocalCloud;
import eu.s3cop.testing.FunctionPackages;
import eu.s3cop.testing.LocalAws;
import org.junit.jupiter.api.Test;

/**
 * Webinar registration again, from the deployment package.
 */
@LocalAws(packaged = "register-webinar")
class RegisterWebinarPackageIntegrationTest extends RegisterWebinarIntegrationTest {

    /**
     * 8 MB, not the 6 MB the reader API keeps to: this function writes S3, and the SDK's S3 client
     * alone is 2.0 MB after shrinking (its endpoint rules reference the model of every operation).
     */
    @Test
    void primesFromItsPackageAlone(LocalCloud stack) {
        FunctionPackages.assertPrimes(stack, "register-webinar");
    }

    @Test
    void thePackageStaysWithinItsBudget() {
        FunctionPackages.assertWithinBudget("register-webinar", 8);
        assertThat(FunctionPackages.contains("register-webinar", "org/apache/pdfbox/")).as("a PDF stack").isFalse();
    }
}
