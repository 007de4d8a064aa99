package eu.s3cop.reader;

import eu.s3cop.testing.LocalAws;

/**
 * The reader API's tests again, from the deployment package.
 */
@LocalAws(packaged = "reader-api")
class ReaderApiPackageIntegrationTest extends ReaderApiIntegrationTest {
}
