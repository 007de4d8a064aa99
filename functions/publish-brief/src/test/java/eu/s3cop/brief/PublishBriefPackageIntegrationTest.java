package eu.s3cop.brief;

import eu.s3cop.stack.LocalCloud;
import eu.s3cop.testing.FunctionPackages;
import eu.s3cop.testing.LocalAws;
import org.junit.jupiter.api.Test;

/**
 * The publishing tests again, with publish-brief run from its deployment package in a class
 * loader of its own: what the package lacks fails here as it would on Lambda.
 */
@LocalAws(packaged = "publish-brief")
class PublishBriefPackageIntegrationTest extends PublishBriefIntegrationTest {

    @Test
    void primesFromItsPackageAlone(LocalCloud stack) {
        FunctionPackages.assertPrimes(stack, "publish-brief");
    }

    @Test
    void thePackageStaysWithinItsBudget() {
        FunctionPackages.assertWithinBudget("publish-brief", 15);
    }
}
