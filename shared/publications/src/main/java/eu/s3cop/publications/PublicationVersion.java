package eu.s3cop.publications;

/**
 * One published version of a publication, with the title and date it was published under.
 *
 * @param articleKey its article for its web page in the publications bucket, or "" where it has none
 * @param doi its DOI once DataCite has registered it, or ""
 * @param conceptDoi the publication's DOI (for all its versions) once registered with this version among them, or ""
 */
public record PublicationVersion(int version, String title, String date, int pages, long size, String pdfKey, String pdfSha256,
        String publishedAt, String articleKey, String doi, String conceptDoi) {

    public PublicationVersion {
        doi = doi == null ? "" : doi;
        conceptDoi = conceptDoi == null ? "" : conceptDoi;
    }

    /** A version without a registered DOI. */
    public PublicationVersion(int version, String title, String date, int pages, long size, String pdfKey, String pdfSha256,
            String publishedAt, String articleKey) {
        this(version, title, date, pages, size, pdfKey, pdfSha256, publishedAt, articleKey, "", "");
    }

    public boolean readOnline() {
        return !articleKey.isEmpty();
    }
}
