package eu.s3cop.draft;

import java.util.List;

/**
 * The Citation Style Language styles a draft may cite in, by their official ids: the renderer
 * ships exactly these from the official repository's release. Each is an in-text style (a
 * note style would put every citation in a footnote, which a brief does not need).
 */
public final class CitationStyles {

    /** The EU Publications Office's style for documents of the institutions, author-date. */
    public static final String DEFAULT = "european-union-interinstitutional-style-guide-author-date";

    /** The default first, then the others a draft may name in {@code citation_style}. */
    public static final List<String> SHIPPED = List.of(DEFAULT, "apa", "chicago-author-date", "harvard-cite-them-right", "ieee");

    private CitationStyles() {
    }
}
