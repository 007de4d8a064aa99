package eu.s3cop.publications;

import java.time.LocalDate;
import java.util.List;

/**
 * What a draft says about its publication, as the index keeps it.
 *
 * @param type the publication type's code ({@code policy-brief})
 */
public record Metadata(String title, String type, String workingGroup, List<String> authors, LocalDate date, String language,
        String summary, List<String> keywords) {

    public Metadata {
        authors = List.copyOf(authors);
        keywords = List.copyOf(keywords);
    }
}
