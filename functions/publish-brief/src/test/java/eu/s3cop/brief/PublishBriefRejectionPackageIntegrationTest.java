package eu.s3cop.brief;

import eu.s3cop.testing.FunctionPackages;
import eu.s3cop.testing.LocalAws;
import org.junit.jupiter.api.Test;

/**
 * Rejections again, from the deployment package: every report is still written.
 */
@LocalAws(packaged = "publish-brief")
class PublishBriefRejectionPackageIntegrationTest extends PublishBriefRejectionIntegrationTest {

    @Test
    void thePackageStaysWithinItsBudget() {
        FunctionPackages.assertWithinBudget("publish-brief", 15);
    }
}
