package eu.s3cop.webinar;

import eu.s3cop.testing.LocalAws;

/**
 * Webinar registration again, from the deployment package.
 */
@LocalAws(packaged = "register-webinar")
class RegisterWebinarPackageIntegrationTest extends RegisterWebinarIntegrationTest {
}
