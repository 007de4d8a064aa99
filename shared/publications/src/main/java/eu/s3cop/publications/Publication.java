package eu.s3cop.publications;

import java.util.List;

/**
 * A published publication as readers see it: its metadata and its latest published version.
 *
 * @param id {@code <working_group>/<slug>}
 * @param date the publication's own date, ISO ({@code 2024-05-23})
 * @param publishedAt when the latest version was published, ISO instant
 */
public record Publication(String id, String title, String type, String workingGroup, List<String> authors, String date,
        String language, String summary, List<String> keywords, int latestVersion, int pages, long size, String pdfKey,
        String pdfSha256, String publishedAt) {

    public Publication {
        authors = List.copyOf(authors);
        keywords = List.copyOf(keywords);
    }

    public String slug() {
        return id.substring(id.indexOf('/') + 1);
    }
}
