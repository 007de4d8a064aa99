package eu.s3cop.publications;

/** One published version of a publication, with the title and date it was published under. */
public record PublicationVersion(int version, String title, String date, int pages, long size, String pdfKey, String pdfSha256,
        String publishedAt) {
}
