package eu.s3cop.publications;

import java.time.LocalDate;
import java.util.List;

/**
 * What a draft says about its publication, as the index keeps it.
 *
 * @param type the publication type's code ({@code policy-brief})
 * @param translationOf the id of the publication this one translates, checked to be published in
 *     another language; "" for an original
 * @param licence the SPDX id of its licence ({@code CC-BY-4.0}); "" for the default
 * @param workingGroups the working groups whose pages list it: its own group's, or those a secretariat's
 *     publication speaks for (none for the whole community's)
 */
public record Metadata(String title, String type, String workingGroup, List<String> authors, LocalDate date, String language,
        String summary, List<String> keywords, String translationOf, String licence, List<String> workingGroups) {

    public Metadata {
        authors = List.copyOf(authors);
        keywords = List.copyOf(keywords);
        translationOf = translationOf == null ? "" : translationOf;
        licence = licence == null ? "" : licence;
        workingGroups = workingGroups == null ? List.of(workingGroup) : List.copyOf(workingGroups);
    }

    /** A group's own publication's metadata, listed on its group's page. */
    public Metadata(String title, String type, String workingGroup, List<String> authors, LocalDate date, String language,
            String summary, List<String> keywords, String translationOf, String licence) {
        this(title, type, workingGroup, authors, date, language, summary, keywords, translationOf, licence, null);
    }

    /** Metadata under the default licence. */
    public Metadata(String title, String type, String workingGroup, List<String> authors, LocalDate date, String language,
            String summary, List<String> keywords, String translationOf) {
        this(title, type, workingGroup, authors, date, language, summary, keywords, translationOf, "");
    }

    /** An original's metadata. */
    public Metadata(String title, String type, String workingGroup, List<String> authors, LocalDate date, String language,
            String summary, List<String> keywords) {
        this(title, type, workingGroup, authors, date, language, summary, keywords, "");
    }
}
