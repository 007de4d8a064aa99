package eu.s3cop.publications;

/**
 * Where a published version's files lie in the publications bucket: its PDF; its words as plain
 * text, for the search index; and its article with its figures, from which the site makes the
 * version's web page.
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

    /** The version's article, an HTML fragment whose images point at {@link #figureFolder}'s name, relative to it. */
    public static String article(String publicationId, int version) {
        return "briefs/" + publicationId + "/v" + version + ".html";
    }

    /** The folder of the article's figures, as the article names it: {@code v3}. */
    public static String figureFolder(int version) {
        return "v" + version;
    }

    public static String figure(String publicationId, int version, String name) {
        return "briefs/" + publicationId + "/" + figureFolder(version) + "/" + name;
    }
}
