package eu.s3cop.render;

import java.util.Optional;

/**
 * The two parts of an author-date citation as the CSL processor formats it, "(Gianelle et al.,
 * 2016, p. 33)": the author, and the year with what follows. The processor formats citations
 * only in parentheses; from the parts the renderer makes pandoc's other forms, the author in
 * the sentence ({@code @key}: "Gianelle et al. (2016, p. 33)") and the year alone
 * ({@code [-@key]}: "(2016, p. 33)"). A citation with no such parts (a numeric style's "[1]",
 * a work without a year) keeps its one form.
 */
final class AuthorDate {

    record Parts(String author, String rest) {
    }

    private AuthorDate() {
    }

    /**
     * @param html one work's citation, in parentheses
     * @param year the work's year, which starts the part after the author
     */
    static Optional<Parts> split(String html, String year) {
        if (year.isEmpty() || !html.startsWith("(") || !html.endsWith(")")) {
            return Optional.empty();
        }
        int at = html.indexOf(year);
        if (at <= 1) {
            return Optional.empty();
        }
        String author = html.substring(1, at).replaceAll("[,\\s]+$", "");
        String rest = html.substring(at, html.length() - 1);
        // Both parts must hold whole elements: a year inside a formatted title is not the year that follows the author.
        if (author.isEmpty() || !balanced(author) || !balanced(rest)) {
            return Optional.empty();
        }
        return Optional.of(new Parts(author, rest));
    }

    private static boolean balanced(String html) {
        int open = 0;
        for (int i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
            open += html.startsWith("</", i) ? -1 : 1;
            if (open < 0) {
                return false;
            }
        }
        return open == 0;
    }
}
