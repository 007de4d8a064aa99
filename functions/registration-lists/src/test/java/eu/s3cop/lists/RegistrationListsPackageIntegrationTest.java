package eu.s3cop.lists;

import eu.s3cop.testing.LocalAws;

/**
 * The lists' tests again, with registration-lists from its deployment package.
 */
@LocalAws(packaged = "registration-lists", parameters = "RegistrationRequestsPerClientPerMinute=1000")
class RegistrationListsPackageIntegrationTest extends RegistrationListsIntegrationTest {
}
