package eu.s3cop.draft;

import java.util.regex.Pattern;

/**
 * How a draft numbers and refers to its figures and tables, in pandoc-crossref's syntax: an
 * image alone in its paragraph is a figure, {@code {#fig:label}} after it labels it; a
 * paragraph {@code Table: caption} (or {@code : caption}) beside a table is its caption, and
 * {@code {#tbl:label}} at the caption's end labels it; {@code @fig:label} or
 * {@code [@tbl:label]} in the text refers to one, printed "Figure 2" or "Table 1". The draft's
 * checks and the renderer both read the syntax here.
 */
public final class CrossReferences {

    /** A label at the end of a figure's paragraph or a caption: group 1 the kind, group 2 the name. */
    public static final Pattern LABEL = Pattern.compile("\\{#(fig|tbl):([A-Za-z0-9_-]{1,60})\\}");
    /** A label alone, all the text of a figure's paragraph beside its image. */
    public static final Pattern FIGURE_LABEL = Pattern.compile("\\s*\\{#fig:([A-Za-z0-9_-]{1,60})\\}\\s*");
    /** A caption paragraph's opening, "Table:" or ":", then its text. */
    public static final Pattern CAPTION = Pattern.compile("^(?:Table)?:[ \\t]+(\\S.*)", Pattern.DOTALL);
    /**
     * A label ending a caption: group 1 the name. It starts at the brace, not at the spaces before
     * it: a search that began at every space of a long run would read the run again from each one.
     */
    public static final Pattern CAPTION_LABEL = Pattern.compile("\\{#tbl:([A-Za-z0-9_-]{1,60})\\}\\s*+$");
    /** A reference in the text, with or without pandoc's brackets: group 1 the kind, group 2 the name. */
    public static final Pattern REFERENCE = Pattern.compile("\\[?@(fig|tbl):([A-Za-z0-9_-]{1,60})\\]?");

    private CrossReferences() {
    }

    /** What a reference to the {@code number}th figure or table prints. */
    public static String name(String kind, int number) {
        return ("fig".equals(kind) ? "Figure " : "Table ") + number;
    }

    /** The id the renderer gives a labelled figure or table: XML ids cannot hold the label's colon. */
    public static String id(String kind, String label) {
        return kind + "-" + label;
    }
}
