package eu.s3cop.secretariat;

import eu.s3cop.testing.LocalAws;

/**
 * Webinar registration again, from the deployment package.
 */
@LocalAws(packaged = "register-secretariat-files")
class RegisterWebinarPackageIntegrationTest extends RegisterWebinarIntegrationTest {
}
