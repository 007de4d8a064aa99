package eu.s3cop.system;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.testing.FunctionPackages;
import eu.s3cop.testing.LocalAws;
import org.junit.jupiter.api.Test;

/**
 * The webinar journey again, with the scheduler run from its deployment package.
 */
@LocalAws(packaged = "webinar-scheduler")
class WebinarJourneyPackageIntegrationTest extends WebinarJourneyIntegrationTest {

    /**
     * 10 MB, not the 6 MB the reader API keeps to: this function writes S3 and sends through SES,
     * and those SDK clients are 2.0 MB and 1.0 MB after shrinking (their endpoint rules reference
     * the model of every operation); Jakarta Mail, which builds the messages, is 0.6 MB more.
     */
    @Test
    void thePackageStaysWithinItsBudget() {
        FunctionPackages.assertWithinBudget("webinar-scheduler", 10);
        assertThat(FunctionPackages.contains("webinar-scheduler", "org/apache/pdfbox/")).as("a PDF stack").isFalse();
    }
}
