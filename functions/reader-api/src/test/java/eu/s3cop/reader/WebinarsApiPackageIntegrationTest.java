package eu.s3cop.reader;

import eu.s3cop.testing.LocalAws;

/**
 * The webinar routes again, from the deployment package.
 */
@LocalAws(packaged = "reader-api", parameters = "RegistrationRequestsPerClientPerMinute=1000")
class WebinarsApiPackageIntegrationTest extends WebinarsApiIntegrationTest {
}
