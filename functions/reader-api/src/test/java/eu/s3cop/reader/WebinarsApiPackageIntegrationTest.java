package eu.s3cop.reader;

import eu.s3cop.testing.LocalAws;

/**
 * The webinar routes again, from the deployment package.
 */
@LocalAws(packaged = "reader-api")
class WebinarsApiPackageIntegrationTest extends WebinarsApiIntegrationTest {
}
