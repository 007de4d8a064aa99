/**
 * The catalogue's full-text search: a Lucene index of every published brief's metadata and the
 * full text of its current version, each analysed in the brief's own language. The site's writer
 * ({@link eu.s3cop.search.SearchIndexWriter}) keeps it up to date a batch of changes at a time and
 * stores each commit's new files in S3; the reader API ({@link eu.s3cop.search.CatalogueSearch})
 * keeps a copy on its disk, opened once per container and brought up to date within a minute.
 */
package eu.s3cop.search;
