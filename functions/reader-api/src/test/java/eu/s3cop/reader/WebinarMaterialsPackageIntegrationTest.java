package eu.s3cop.reader;

import eu.s3cop.testing.LocalAws;

/**
 * The materials' journey again, with the reader API from its deployment package.
 */
@LocalAws(packaged = "reader-api")
class WebinarMaterialsPackageIntegrationTest extends WebinarMaterialsIntegrationTest {
}
