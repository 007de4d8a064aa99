package eu.s3cop.publications;

/**
 * Where a published version's files lie in the publications bucket: its PDF, and its words as
 * plain text, which publishing stores beside it for the search index.
 */
public final class BriefFiles {

    private BriefFiles() {
    }

    public static String pdf(String publicationId, int version) {
        return "briefs/" + publicationId + "/v" + version + ".pdf";
    }

    public static String text(String publicationId, int version) {
        return "briefs/" + publicationId + "/v" + version + ".txt";
    }
}
