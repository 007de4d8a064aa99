package eu.s3cop.reader;

import eu.s3cop.testing.LocalAws;

/** Search again, with the index written by refresh-catalogue's package and read by the reader API's: Lucene's codecs found by name in both. */
@LocalAws(packaged = {"reader-api", "refresh-catalogue"})
class SearchApiPackageIntegrationTest extends SearchApiIntegrationTest {
}
