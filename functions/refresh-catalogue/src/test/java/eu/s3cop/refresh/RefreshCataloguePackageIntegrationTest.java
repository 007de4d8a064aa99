package eu.s3cop.refresh;

import eu.s3cop.stack.LocalCloud;
import eu.s3cop.testing.FunctionPackages;
import eu.s3cop.testing.LocalAws;
import org.junit.jupiter.api.Test;

/** The refresh's tests again, with the function run from its deployment package in a class loader of its own. */
@LocalAws(packaged = "refresh-catalogue")
class RefreshCataloguePackageIntegrationTest extends RefreshCatalogueIntegrationTest {

    @Test
    void primesFromItsPackageAlone(LocalCloud stack) {
        FunctionPackages.assertPrimes(stack, "refresh-catalogue");
    }

    /** 8 MB: the S3 and DynamoDB clients are most of it, as in register-webinar's package. */
    @Test
    void thePackageStaysWithinItsBudget() {
        FunctionPackages.assertWithinBudget("refresh-catalogue", 8);
    }
}
