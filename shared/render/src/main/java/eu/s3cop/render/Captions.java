package eu.s3cop.render;

import eu.s3cop.draft.CrossReferences;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Numbers the brief's figures and tables and links the text's references to them, in the
 * syntax {@link CrossReferences} gives (checked, with lines, when the draft was read). An
 * image alone in its paragraph becomes a figure: the image keeps its alt text for screen
 * readers, and its title becomes the visible caption "Figure N: title". A {@code Table: ...}
 * paragraph beside a table becomes the table's caption, "Table N: ...", which the tagged PDF
 * carries as the table's Caption.
 */
final class Captions {

    /** Elements whose text is never a reference: code shows the syntax, and a link is already one. */
    private static final Set<String> LEFT_AS_WRITTEN = Set.of("code", "pre", "a");

    private final Map<String, String> names = new HashMap<>();

    private Captions() {
    }

    static void apply(Element content) {
        Captions captions = new Captions();
        captions.figures(content);
        captions.tables(content);
        captions.references(content);
    }

    private void figures(Element content) {
        int number = 0;
        for (Element paragraph : content.select("p")) {
            List<Element> images = paragraph.children().stream().filter(child -> child.tagName().equals("img")).toList();
            if (images.size() != 1 || paragraph.children().size() != 1) {
                continue;
            }
            Element image = images.get(0);
            String rest = paragraph.textNodes().stream().map(TextNode::getWholeText).reduce("", String::concat);
            Matcher label = CrossReferences.FIGURE_LABEL.matcher(rest);
            if (!rest.isBlank() && !label.matches()) {
                continue;
            }
            String name = CrossReferences.name("fig", ++number);
            Element figure = new Element("figure").addClass("figure");
            if (!rest.isBlank()) {
                figure.attr("id", CrossReferences.id("fig", label.group(1)));
                names.put("fig:" + label.group(1), name);
            }
            String title = image.attr("title").strip();
            image.removeAttr("title");
            figure.appendChild(image);
            // A caption element: the layout engine tags it Caption in the PDF, beside the Figure that holds the alt text.
            figure.appendElement("caption").addClass("figure-caption").text(title.isEmpty() ? name : name + ": " + title);
            paragraph.replaceWith(figure);
        }
    }

    private void tables(Element content) {
        int number = 0;
        for (Element table : content.select("table")) {
            String name = CrossReferences.name("tbl", ++number);
            Element paragraph = captionBeside(table);
            if (paragraph == null) {
                continue;
            }
            Element caption = new Element("caption").addClass("table-caption");
            caption.appendChildren(paragraph.childNodesCopy());
            trimOpening(caption);
            Matcher label = CrossReferences.CAPTION_LABEL.matcher(caption.wholeText());
            if (label.find()) {
                trimLabel(caption);
                table.attr("id", CrossReferences.id("tbl", label.group(1)));
                names.put("tbl:" + label.group(1), name);
            }
            caption.prependText(name + ": ");
            table.prependChild(caption);
            paragraph.remove();
        }
    }

    private static Element captionBeside(Element table) {
        for (Element candidate : new Element[] {table.nextElementSibling(), table.previousElementSibling()}) {
            if (candidate != null && candidate.tagName().equals("p") && CrossReferences.CAPTION.matcher(candidate.wholeText()).find()) {
                return candidate;
            }
        }
        return null;
    }

    /** Removes "Table:" or ":" from the caption's first text. */
    private static void trimOpening(Element caption) {
        Node first = caption.childNodeSize() == 0 ? null : caption.childNode(0);
        if (first instanceof TextNode text) {
            text.text(text.getWholeText().replaceFirst("^(?:Table)?:[ \\t]+", ""));
        }
    }

    /** Removes the label from the caption's last text. */
    private static void trimLabel(Element caption) {
        Node last = caption.childNodeSize() == 0 ? null : caption.childNode(caption.childNodeSize() - 1);
        if (last instanceof TextNode text) {
            text.text(CrossReferences.CAPTION_LABEL.matcher(text.getWholeText()).replaceFirst("").stripTrailing());
        }
    }

    /** Each known reference in the text becomes a link that names its figure or table; code is left as written. */
    private void references(Element content) {
        if (names.isEmpty()) {
            // Nothing is labelled, so no reference is known: the draft's checks reject any other.
            return;
        }
        List<TextNode> texts = new ArrayList<>();
        NodeTraversor.filter((node, depth) -> {
            if (node instanceof Element element && LEFT_AS_WRITTEN.contains(element.normalName())) {
                return NodeFilter.FilterResult.SKIP_ENTIRELY;
            }
            if (node instanceof TextNode text) {
                texts.add(text);
            }
            return NodeFilter.FilterResult.CONTINUE;
        }, content);
        texts.forEach(this::link);
    }

    private void link(TextNode text) {
        String whole = text.getWholeText();
        Matcher matcher = CrossReferences.REFERENCE.matcher(whole);
        Node at = text;
        int from = 0;
        boolean changed = false;
        while (matcher.find()) {
            String name = names.get(matcher.group(1) + ":" + matcher.group(2));
            if (name == null) {
                continue;
            }
            TextNode before = new TextNode(whole.substring(from, matcher.start()));
            Element link = new Element("a").addClass("cross-reference").attr("href", "#" + CrossReferences.id(matcher.group(1), matcher.group(2)))
                    .text(name);
            at.after(before);
            before.after(link);
            at = link;
            from = matcher.end();
            changed = true;
        }
        if (changed) {
            at.after(new TextNode(whole.substring(from)));
            text.remove();
        }
    }
}
