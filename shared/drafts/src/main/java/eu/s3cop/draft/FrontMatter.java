package eu.s3cop.draft;

import java.time.LocalDate;
import java.util.List;

/**
 * The metadata at the top of a draft, checked.
 *
 * @param language an EU official language code, {@code en} when the draft names none
 * @param summary one paragraph for the catalogue, or empty
 * @param preview true for {@code status: draft}: a watermarked preview, never listed to readers
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
        boolean preview) {

    public FrontMatter {
        authors = List.copyOf(authors);
        keywords = List.copyOf(keywords);
    }
}
