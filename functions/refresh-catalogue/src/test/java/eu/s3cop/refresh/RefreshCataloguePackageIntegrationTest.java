package eu.s3cop.refresh;

import eu.s3cop.testing.LocalAws;

/** The refresh's tests again, with the function run from its deployment package in a class loader of its own. */
@LocalAws(packaged = "refresh-catalogue")
class RefreshCataloguePackageIntegrationTest extends RefreshCatalogueIntegrationTest {
}
