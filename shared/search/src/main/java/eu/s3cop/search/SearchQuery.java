package eu.s3cop.search;

/**
 * What a reader asks: words (empty for every brief), the facets' values chosen (null for any),
 * the order, and which page.
 *
 * @param text the reader's words; "quoted words" are a phrase, {@code -word} excludes, {@code a | b} is either
 * @param byDate newest first instead of most relevant first (always newest first without words)
 */
public record SearchQuery(String text, String workingGroup, String type, String year, String language, boolean byDate, int offset, int limit) {

    public SearchQuery {
        text = text == null ? "" : text.strip();
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset " + offset + " and limit " + limit + " name no page");
        }
    }
}
