package eu.s3cop.search;

import eu.s3cop.publications.Publication;
import java.util.List;
import java.util.Map;

/**
 * A page of results, with how many matched in all and the counts beside them.
 *
 * @param facets for each facet (working_group, type, year, language), its values with the number
 *     of matches each would give, most first; each facet's counts leave out its own chosen value,
 *     so a reader who chose one group still sees what the others hold
 */
public record SearchResults(long total, List<Hit> hits, Map<String, List<FacetCount>> facets) {

    public SearchResults {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }

    /** A matching brief, with where the words matched in its text, when they did. */
    public record Hit(Publication publication, List<Snippet> snippet) {

        public Hit {
            snippet = List.copyOf(snippet);
        }
    }

    /** A piece of a snippet: the reader's words are the pieces that {@code match}. */
    public record Snippet(String text, boolean match) {
    }

    public record FacetCount(String value, int count) {
    }
}
