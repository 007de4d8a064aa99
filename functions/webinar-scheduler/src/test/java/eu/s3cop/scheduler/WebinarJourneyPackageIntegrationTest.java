package eu.s3cop.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.testing.FunctionPackages;
import eu.s3cop.testing.LocalAws;
import org.junit.jupiter.api.Test;

/**
 * The webinar journey again, with register-webinar, reader-api and the scheduler run from their
 * deployment packages.
 */
@LocalAws(packaged = true)
class WebinarJourneyPackageIntegrationTest extends WebinarJourneyIntegrationTest {

    @Test
    void thePackageStaysWithinItsBudget() {
        FunctionPackages.assertWithinBudget("webinar-scheduler", 6);
        assertThat(FunctionPackages.contains("webinar-scheduler", "org/apache/pdfbox/")).as("a PDF stack").isFalse();
    }
}
