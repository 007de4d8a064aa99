package eu.s3cop.draft;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pandoc's citation syntax in a draft's Markdown, read into {@link Citation} nodes as the text is
 * parsed (so code, links and escapes keep their meaning): a group in brackets,
 * {@code [see @a, pp. 12--14; -@b]}, each item with words before it, a locator after a comma and
 * words after that; or a key in the sentence, {@code @a}, with an optional locator in brackets
 * after it, {@code @a [p. 3]}. Keys are pandoc's: a letter, digit or underscore, then those and
 * internal punctuation. Cross-references ({@code @fig:x}, {@code @tbl:x}) are not citations.
 * Only a draft that names a bibliography has citations: elsewhere "@" is only a character.
 */
final class CitationSyntax implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private static final String KEY = "[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_]|[:.#$%&+?<>~/-](?=[\\p{L}\\p{N}_])){0,199}";
    /** A bracketed group: no brackets inside, and not a link's text (no address or reference after it). */
    private static final Pattern GROUP = Pattern.compile("^\\[([^\\[\\]\\n]{0,1000}?@[^\\[\\]\\n]{0,1000}?)\\](?![(\\[:])");
    private static final Pattern ITEM = Pattern.compile("^(.*?)(-?)@(" + KEY + ")(.*)$", Pattern.DOTALL);
    private static final Pattern NARRATIVE = Pattern.compile("^@(" + KEY + ")(?:[ \\t]?\\[([^\\[\\]@\\n]{1,200})\\](?![(\\[:]))?");
    private static final Pattern CROSS_REFERENCE = Pattern.compile("(?:fig|tbl):.*");
    private static final Pattern LABEL = Pattern.compile("^(pp?|pages?|chaps?|ch|chapters?|secs?|sections?|§§?|paras?|paragraphs?|¶¶?"
            + "|figs?|figures?|vols?|volumes?|ll?|lines?|nn?|notes?)\\.?\\s*(?=[\\dIVXLCDMivxlcdm])");
    private static final String NUMBER = "[\\dIVXLCDMivxlcdm]+(?:\\s*(?:-{1,3}|[–—])\\s*[\\dIVXLCDMivxlcdm]+)?";
    private static final Pattern LOCATOR = Pattern.compile("^" + NUMBER + "(?:\\s*,\\s*" + NUMBER + ")*(?![\\p{L}\\p{N}])");
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("p", "page"), Map.entry("pp", "page"), Map.entry("page", "page"), Map.entry("pages", "page"),
            Map.entry("chap", "chapter"), Map.entry("chaps", "chapter"), Map.entry("ch", "chapter"), Map.entry("chapter", "chapter"),
            Map.entry("chapters", "chapter"), Map.entry("sec", "section"), Map.entry("secs", "section"), Map.entry("section", "section"),
            Map.entry("sections", "section"), Map.entry("§", "section"), Map.entry("§§", "section"), Map.entry("para", "paragraph"),
            Map.entry("paras", "paragraph"), Map.entry("paragraph", "paragraph"), Map.entry("paragraphs", "paragraph"),
            Map.entry("¶", "paragraph"), Map.entry("¶¶", "paragraph"), Map.entry("fig", "figure"), Map.entry("figs", "figure"),
            Map.entry("figure", "figure"), Map.entry("figures", "figure"), Map.entry("vol", "volume"), Map.entry("vols", "volume"),
            Map.entry("volume", "volume"), Map.entry("volumes", "volume"), Map.entry("l", "line"), Map.entry("ll", "line"),
            Map.entry("line", "line"), Map.entry("lines", "line"), Map.entry("n", "note"), Map.entry("nn", "note"),
            Map.entry("note", "note"), Map.entry("notes", "note"));

    /** The class and attribute of the element a citation renders as, for the renderer to find and fill. */
    static final String HTML_CLASS = "citation";
    static final String OFFSET_ATTRIBUTE = "data-citation";

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customInlineParserExtensionFactory(new Factory());
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(options -> new CitationRenderer());
    }

    /** The citations of a parsed draft, in the order they are read. */
    static List<Citation> in(Document document) {
        List<Citation> found = new ArrayList<>();
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(document);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node instanceof Citation citation) {
                found.add(citation);
            }
            for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                pending.push(child);
            }
        }
        return found;
    }

    /** A citation renders as its typed text in an element the renderer finds by the citation's offset in the body. */
    private static final class CitationRenderer implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(Citation.class, (node, context, html) -> html
                    .attr("class", HTML_CLASS).attr(OFFSET_ATTRIBUTE, String.valueOf(node.getStartOffset()))
                    .withAttr().tag("span").text(node.getChars().toString()).closeTag("span")));
        }
    }

    private static final class Factory implements InlineParserExtensionFactory {
        @Override
        public CharSequence getCharacters() {
            return "[@";
        }

        @Override
        public InlineParserExtension apply(LightInlineParser parser) {
            return new Reader();
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }

    private static final class Reader implements InlineParserExtension {
        @Override
        public void finalizeDocument(InlineParser parser) {
        }

        @Override
        public void finalizeBlock(InlineParser parser) {
        }

        @Override
        public boolean parse(LightInlineParser parser) {
            BasedSequence input = parser.getInput();
            int start = parser.getIndex();
            BasedSequence rest = input.subSequence(start);
            if (parser.peek() == '[') {
                Matcher group = GROUP.matcher(rest);
                if (!group.find()) {
                    return false;
                }
                Optional<List<Citation.Source>> sources = group(group.group(1));
                return sources.isPresent() && append(parser, input, start, start + group.end(), sources.get(), false);
            }
            if (start > 0 && (Character.isLetterOrDigit(input.charAt(start - 1)) || input.charAt(start - 1) == '_')) {
                return false;
            }
            Matcher narrative = NARRATIVE.matcher(rest);
            if (!narrative.find() || CROSS_REFERENCE.matcher(narrative.group(1)).matches()) {
                return false;
            }
            Citation.Source source = narrative.group(2) == null
                    ? new Citation.Source(narrative.group(1), "", "", "", "", false)
                    : item("", narrative.group(1), ", " + narrative.group(2).strip(), false);
            return append(parser, input, start, start + narrative.end(), List.of(source), true);
        }

        private static boolean append(LightInlineParser parser, BasedSequence input, int start, int end, List<Citation.Source> sources,
                boolean narrative) {
            parser.flushTextNode();
            parser.getBlock().appendChild(new Citation(input.subSequence(start, end), sources, narrative));
            parser.setIndex(end);
            return true;
        }
    }

    /** The items of a bracketed group, or empty when one of them cites nothing (then the brackets are only text). */
    static Optional<List<Citation.Source>> group(String content) {
        List<Citation.Source> sources = new ArrayList<>();
        for (String part : content.split(";", -1)) {
            Matcher item = ITEM.matcher(part);
            if (!item.matches() || CROSS_REFERENCE.matcher(item.group(3)).matches()) {
                return Optional.empty();
            }
            String prefix = item.group(1);
            if (!prefix.isEmpty() && !Character.isWhitespace(prefix.charAt(prefix.length() - 1))) {
                return Optional.empty();
            }
            sources.add(item(prefix.strip(), item.group(3), item.group(4), !item.group(2).isEmpty()));
        }
        return Optional.of(sources);
    }

    /** One cited work: a locator after a comma (a page when no label says otherwise), and what follows it as the suffix. */
    private static Citation.Source item(String prefix, String key, String after, boolean suppressAuthor) {
        String label = "";
        String locator = "";
        String suffix = after;
        if (after.startsWith(",")) {
            String text = after.substring(1).stripLeading();
            Matcher labelled = LABEL.matcher(text);
            String value = text;
            if (labelled.find()) {
                label = LABELS.get(labelled.group(1));
                value = text.substring(labelled.end());
            }
            Matcher number = LOCATOR.matcher(value);
            if (number.find()) {
                locator = number.group().replaceAll("\\s*(?:-{1,3}|[–—])\\s*", "–");
                label = label.isEmpty() ? "page" : label;
                suffix = value.substring(number.end());
            } else {
                label = "";
            }
        }
        return new Citation.Source(key, prefix, label, locator, suffix.strip(), suppressAuthor);
    }
}
