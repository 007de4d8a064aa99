package eu.s3cop.draft;

import java.util.List;

/**
 * The Citation Style Language styles a draft may cite in, by their official ids: the renderer
 * ships exactly these from the official repository's release. Each is an in-text style (a
 * note style would put every citation in a footnote, which a brief does not need).
 */
public final class CitationStyles {

    /**
     * APA's seventh edition, author-date: the most widely read author-date style, and one that
     * prints every work's DOI as a link (the EU's interinstitutional style prints none).
     */
    public static final String DEFAULT = "apa";

    /** The default first, then the others a draft may name in {@code citation_style}. */
    public static final List<String> SHIPPED = List.of(DEFAULT, "chicago-author-date", "harvard-cite-them-right",
            "european-union-interinstitutional-style-guide-author-date", "ieee");

    private CitationStyles() {
    }
}
