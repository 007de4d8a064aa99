package eu.s3cop.publications;

import java.time.Instant;

/**
 * A version whose PDF is stored, as publishing completes it.
 *
 * @param draftSha256 the SHA-256 of the draft's bytes: identical content is never published twice
 * @param pdfSha256 the SHA-256 of the PDF, for integrity checks
 * @param uploadedBy the principal that uploaded the draft, as its S3 event names it; kept on the
 *     version's item for operators and never shown to readers
 * @param articleKey the version's article, from which the site makes its web page; "" for none
 */
public record PublishedVersion(
        String id,
        int version,
        Metadata meta,
        String pdfKey,
        int pages,
        long size,
        String pdfSha256,
        String draftSha256,
        String draftKey,
        String uploadedBy,
        Instant publishedAt,
        String articleKey) {

    public PublishedVersion(String id, int version, Metadata meta, String pdfKey, int pages, long size, String pdfSha256, String draftSha256,
            String draftKey, String uploadedBy, Instant publishedAt) {
        this(id, version, meta, pdfKey, pages, size, pdfSha256, draftSha256, draftKey, uploadedBy, publishedAt, "");
    }
}
