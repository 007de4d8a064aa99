package eu.s3cop.reader;

import eu.s3cop.testing.FunctionPackages;
import eu.s3cop.testing.LocalAws;
import org.junit.jupiter.api.Test;

/**
 * The webinar routes again, from the deployment package.
 */
@LocalAws(packaged = "reader-api")
class WebinarsApiPackageIntegrationTest extends WebinarsApiIntegrationTest {

    @Test
    void thePackageStaysWithinItsBudget() {
        FunctionPackages.assertWithinBudget("reader-api", 6);
    }
}
