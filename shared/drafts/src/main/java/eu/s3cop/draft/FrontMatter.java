package eu.s3cop.draft;

import java.time.LocalDate;
import java.util.List;

/**
 * The metadata at the top of a draft, checked.
 *
 * @param language an EU official language code, {@code en} when the draft names none
 * @param summary one paragraph for the catalogue, or empty
 * @param preview true for {@code status: draft}: a watermarked preview, never listed to readers
 * @param translationOf the slug of the publication of the same group that this draft translates,
 *     or empty; publishing checks that it is published, in another language
 * @param translationOfLine the line that names it, for a problem publishing finds with it; 0 when none
 */
public record FrontMatter(
        String title,
        PublicationType type,
        String workingGroup,
        List<String> authors,
        LocalDate date,
        String language,
        String summary,
        List<String> keywords,
        boolean preview,
        String translationOf,
        int translationOfLine) {

    public FrontMatter {
        authors = List.copyOf(authors);
        keywords = List.copyOf(keywords);
        translationOf = translationOf == null ? "" : translationOf;
    }

    /** A draft that translates nothing. */
    public FrontMatter(String title, PublicationType type, String workingGroup, List<String> authors, LocalDate date, String language,
            String summary, List<String> keywords, boolean preview) {
        this(title, type, workingGroup, authors, date, language, summary, keywords, preview, "", 0);
    }

    public boolean translation() {
        return !translationOf.isEmpty();
    }
}
