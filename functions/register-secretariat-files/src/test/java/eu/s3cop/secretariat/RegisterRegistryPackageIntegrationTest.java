package eu.s3cop.secretariat;

import eu.s3cop.testing.LocalAws;

/** Working groups' registries again, from the deployment package: what shrinking keeps is what a registry needs. */
@LocalAws(packaged = "register-secretariat-files")
class RegisterRegistryPackageIntegrationTest extends RegisterRegistryIntegrationTest {
}
