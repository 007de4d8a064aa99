package eu.s3cop.draft;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Markdown dialect of drafts: CommonMark with GFM tables, strikethrough, autolinks, task
 * lists and footnotes, and typography from plain text as pandoc's smart extension makes it
 * (quotes in the draft's language's style, {@code --} an en dash, {@code ---} an em dash,
 * {@code ...} an ellipsis). Raw HTML is never passed through: it is escaped and prints as text.
 * Parsers (one per language, for its quotes) and the renderer are immutable and built once.
 */
public final class Markdown {

    private static final DataHolder OPTIONS = new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(
                    TypographicExtension.create(),
                    TablesExtension.create(),
                    StrikethroughExtension.create(),
                    AutolinkExtension.create(),
                    TaskListExtension.create(),
                    FootnoteExtension.create()))
            // GFM tables: a header row, no column spans, missing cells filled, extra cells dropped.
            .set(TablesExtension.COLUMN_SPANS, false)
            .set(TablesExtension.APPEND_MISSING_COLUMNS, true)
            .set(TablesExtension.DISCARD_EXTRA_COLUMNS, true)
            .set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true)
            .set(TablesExtension.MIN_SEPARATOR_DASHES, 1)
            .set(HtmlRenderer.ESCAPE_HTML, true)
            .set(HtmlRenderer.GENERATE_HEADER_ID, true)
            .set(HtmlRenderer.RENDER_HEADER_ID, true)
            .set(HtmlRenderer.SOFT_BREAK, "\n")
            .toImmutable();

    /** Opening and closing double quotes, then single ones, as each official EU language prints them; English's otherwise. */
    private static final Map<String, String> QUOTES = Map.ofEntries(
            Map.entry("bg", "„“‚‘"), Map.entry("cs", "„“‚‘"), Map.entry("da", "„“‚‘"), Map.entry("de", "„“‚‘"),
            Map.entry("et", "„“‚‘"), Map.entry("lt", "„“‚‘"), Map.entry("sk", "„“‚‘"), Map.entry("sl", "„“‚‘"),
            Map.entry("hr", "„”‚’"), Map.entry("hu", "„”‚’"), Map.entry("nl", "„”‚’"), Map.entry("pl", "„”‚’"), Map.entry("ro", "„”‚’"),
            Map.entry("el", "«»“”"), Map.entry("es", "«»“”"), Map.entry("fr", "«»“”"), Map.entry("it", "«»“”"),
            Map.entry("lv", "«»“”"), Map.entry("pt", "«»“”"),
            Map.entry("fi", "””’’"), Map.entry("sv", "””’’"));
    private static final String ENGLISH = "“”‘’";

    private static final Map<String, Parser> PARSERS = new ConcurrentHashMap<>();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder(withCitations(OPTIONS)).build();

    private Markdown() {
    }

    /** Parses English text. */
    public static Document parse(String markdown) {
        return parse(markdown, "en");
    }

    /** @param language the draft's language code, which says how its quotes print */
    public static Document parse(String markdown, String language) {
        return parse(markdown, language, false);
    }

    /**
     * @param citations whether the draft names a bibliography, so that {@code [@key]} and
     *     {@code @key} are citations ({@link CitationSyntax}); otherwise they are text
     */
    public static Document parse(String markdown, String language, boolean citations) {
        String quotes = QUOTES.getOrDefault(language, ENGLISH);
        return PARSERS.computeIfAbsent(quotes + (citations ? "@" : ""), key -> parser(quotes, citations)).parse(markdown);
    }

    /** The class of the element a citation renders as, which the renderer fills with the formatted citation. */
    public static final String CITATION_CLASS = CitationSyntax.HTML_CLASS;
    /** The element's attribute holding the citation's offset in the body, {@link Citation#getStartOffset()}. */
    public static final String CITATION_OFFSET = CitationSyntax.OFFSET_ATTRIBUTE;

    /** The citations of a draft parsed with them, in the order they are read. */
    public static List<Citation> citations(Document document) {
        return CitationSyntax.in(document);
    }

    private static DataHolder withCitations(DataHolder options) {
        List<com.vladsch.flexmark.util.misc.Extension> extensions = new java.util.ArrayList<>(Parser.EXTENSIONS.get(options));
        extensions.add(new CitationSyntax());
        return new MutableDataSet(options).set(Parser.EXTENSIONS, extensions).toImmutable();
    }

    private static Parser parser(String quotes, boolean citations) {
        return Parser.builder(new MutableDataSet(citations ? withCitations(OPTIONS) : OPTIONS)
                .set(TypographicExtension.DOUBLE_QUOTE_OPEN, quotes.substring(0, 1))
                .set(TypographicExtension.DOUBLE_QUOTE_CLOSE, quotes.substring(1, 2))
                .set(TypographicExtension.SINGLE_QUOTE_OPEN, quotes.substring(2, 3))
                .set(TypographicExtension.SINGLE_QUOTE_CLOSE, quotes.substring(3, 4))
                // An apostrophe, as in "region's", is a closing single quote in English; in the other languages too.
                .set(TypographicExtension.SINGLE_QUOTE_UNMATCHED, "’")
                .toImmutable()).build();
    }

    public static String html(Document document) {
        return RENDERER.render(document);
    }
}
