package eu.s3cop.metadata;

/**
 * Where a record's publication is on the web, absolute, as the catalogue addresses it: the
 * records name the publication by its page and link its file.
 *
 * @param page the publication's page
 * @param pdf its latest version's download
 * @param original the page of the publication it translates, or null for an original
 */
public record RecordLinks(String page, String pdf, String original) {
}
