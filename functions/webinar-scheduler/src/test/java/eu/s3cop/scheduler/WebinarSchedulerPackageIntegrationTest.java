package eu.s3cop.scheduler;

import eu.s3cop.testing.FunctionPackages;
import eu.s3cop.testing.LocalAws;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's tests again, from the deployment packages.
 */
@LocalAws(packaged = true)
class WebinarSchedulerPackageIntegrationTest extends WebinarSchedulerIntegrationTest {

    @Test
    void thePackageStaysWithinItsBudget() {
        FunctionPackages.assertWithinBudget("webinar-scheduler", 6);
    }
}
