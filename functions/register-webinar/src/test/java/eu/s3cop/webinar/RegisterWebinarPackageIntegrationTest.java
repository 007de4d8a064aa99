package eu.s3cop.webinar;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.testing.FunctionPackages;
import eu.s3cop.testing.LocalAws;
import org.junit.jupiter.api.Test;

/**
 * Webinar registration again, from the deployment package.
 */
@LocalAws(packaged = true)
class RegisterWebinarPackageIntegrationTest extends RegisterWebinarIntegrationTest {

    @Test
    void thePackageStaysWithinItsBudget() {
        FunctionPackages.assertWithinBudget("register-webinar", 6);
        assertThat(FunctionPackages.contains("register-webinar", "org/apache/pdfbox/")).as("a PDF stack").isFalse();
    }
}
