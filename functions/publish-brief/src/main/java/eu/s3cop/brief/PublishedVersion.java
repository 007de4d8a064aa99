package eu.s3cop.brief;

import eu.s3cop.draft.FrontMatter;
import java.time.Instant;

/**
 * A version of a publication, with what readers and the catalogue need of it.
 *
 * @param draftSha256 the SHA-256 of the draft's bytes: identical content is never published twice
 * @param pdfSha256 the SHA-256 of the PDF, for integrity checks
 */
public record PublishedVersion(
        String id,
        int version,
        FrontMatter meta,
        String pdfKey,
        int pages,
        long size,
        String pdfSha256,
        String draftSha256,
        String draftKey,
        Instant publishedAt) {
}
