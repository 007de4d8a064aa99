package eu.s3cop.publications;

import java.util.List;

/**
 * A published publication as readers see it: its metadata and its latest published version.
 *
 * @param id {@code <working_group>/<slug>}
 * @param date the publication's own date, ISO ({@code 2024-05-23})
 * @param publishedAt when the latest version was published, ISO instant
 * @param articleKey the latest version's article for its web page in the publications bucket, or "" where it has none
 * @param translationOf the id of the publication this one translates; "" for an original
 * @param translations an original's translations, their ids by language code
 * @param licence the SPDX id of its licence; "" where the index names none (stored before licences were: the default)
 * @param workingGroups the working groups whose pages list it: its own group's, or those a secretariat's
 *     publication speaks for (none for the whole community's); its own group where the index names none
 */
public record Publication(String id, String title, String type, String workingGroup, List<String> authors, String date,
        String language, String summary, List<String> keywords, int latestVersion, int pages, long size, String pdfKey,
        String pdfSha256, String publishedAt, String articleKey, String translationOf, java.util.Map<String, String> translations,
        String licence, List<String> workingGroups) {

    public Publication {
        authors = List.copyOf(authors);
        keywords = List.copyOf(keywords);
        articleKey = articleKey == null ? "" : articleKey;
        translationOf = translationOf == null ? "" : translationOf;
        translations = translations == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(translations));
        licence = licence == null ? "" : licence;
        workingGroups = workingGroups == null ? List.of(workingGroup) : List.copyOf(workingGroups);
    }

    /** A group's own publication. */
    public Publication(String id, String title, String type, String workingGroup, List<String> authors, String date, String language,
            String summary, List<String> keywords, int latestVersion, int pages, long size, String pdfKey, String pdfSha256, String publishedAt,
            String articleKey, String translationOf, java.util.Map<String, String> translations, String licence) {
        this(id, title, type, workingGroup, authors, date, language, summary, keywords, latestVersion, pages, size, pdfKey, pdfSha256,
                publishedAt, articleKey, translationOf, translations, licence, null);
    }

    /** A publication whose licence the index does not name. */
    public Publication(String id, String title, String type, String workingGroup, List<String> authors, String date, String language,
            String summary, List<String> keywords, int latestVersion, int pages, long size, String pdfKey, String pdfSha256, String publishedAt,
            String articleKey, String translationOf, java.util.Map<String, String> translations) {
        this(id, title, type, workingGroup, authors, date, language, summary, keywords, latestVersion, pages, size, pdfKey, pdfSha256,
                publishedAt, articleKey, translationOf, translations, "");
    }

    /** A publication whose latest version has no web page (published before versions had one). */
    public Publication(String id, String title, String type, String workingGroup, List<String> authors, String date, String language,
            String summary, List<String> keywords, int latestVersion, int pages, long size, String pdfKey, String pdfSha256, String publishedAt) {
        this(id, title, type, workingGroup, authors, date, language, summary, keywords, latestVersion, pages, size, pdfKey, pdfSha256,
                publishedAt, "", "", java.util.Map.of());
    }

    public boolean translation() {
        return !translationOf.isEmpty();
    }

    /** Whether the latest version can be read online: its article is stored, so the site has its page. */
    public boolean readOnline() {
        return !articleKey.isEmpty();
    }

    public String slug() {
        return id.substring(id.indexOf('/') + 1);
    }
}
