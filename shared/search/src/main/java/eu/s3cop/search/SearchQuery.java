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

    /** How deep results go: past it, a reader is asked to narrow the search (each page costs what came before it). */
    public static final int DEEPEST = 1000;

    /** The token a page of results gives for the one after it, which starts at {@code offset}. */
    public static String next(int offset) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("search " + offset).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /**
     * Where the page a token names starts.
     *
     * @throws IllegalArgumentException when the token is not one a page of results gave out
     */
    public static int offset(String token) {
        try {
            String decoded = new String(java.util.Base64.getUrlDecoder().decode(token), java.nio.charset.StandardCharsets.US_ASCII);
            if (decoded.matches("search [0-9]{1,4}") && Integer.parseInt(decoded.substring(7)) < DEEPEST) {
                return Integer.parseInt(decoded.substring(7));
            }
        } catch (IllegalArgumentException malformed) {
            // Answered below, as any other token this search did not give out.
        }
        throw new IllegalArgumentException("The next token is not one a page of these results gave out; start the search again.");
    }
}
