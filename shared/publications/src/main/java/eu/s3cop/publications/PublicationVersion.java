package eu.s3cop.publications;

/**
 * One published version of a publication, with the title and date it was published under.
 *
 * @param articleKey its article for its web page in the publications bucket, or "" where it has none
 */
public record PublicationVersion(int version, String title, String date, int pages, long size, String pdfKey, String pdfSha256,
        String publishedAt, String articleKey) {

    public boolean readOnline() {
        return !articleKey.isEmpty();
    }
}
