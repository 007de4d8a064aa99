package eu.s3cop.render;

import eu.s3cop.draft.Markdown;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Puts a draft's formatted citations where it cites, and its reference list at the end of its
 * text, before the footnotes: under the draft's own last heading when the draft ends with one
 * (a rapporteur who writes "## References" as pandoc users do), under a heading of the
 * draft's section level in its language otherwise. The list is a list, so a screen reader
 * announces how many works it holds, and the PDF tags it as one.
 */
final class ReferenceList {

    private ReferenceList() {
    }

    static void apply(Element content, References references) {
        for (Element citation : content.select("span." + Markdown.CITATION_CLASS + "[" + Markdown.CITATION_OFFSET + "]")) {
            int offset = Integer.parseInt(citation.attr(Markdown.CITATION_OFFSET));
            references.citation(offset).ifPresent(text -> citation.html(text));
            citation.removeAttr(Markdown.CITATION_OFFSET);
        }
        if (references.entries().isEmpty()) {
            return;
        }
        Element list = new Element("ul").addClass("references");
        references.entries().forEach(entry -> list.appendElement("li").html(entry));
        Element footnotes = content.selectFirst("div.footnotes");
        Element last = footnotes == null ? content.children().last() : footnotes.previousElementSibling();
        if (last != null && last.tagName().matches("h[1-6]")) {
            last.after(list);
            return;
        }
        Element section = new Element("section").addClass("references");
        section.appendElement("h" + level(content)).text(references.heading());
        section.appendChild(list);
        if (footnotes != null) {
            footnotes.before(section);
        } else {
            content.appendChild(section);
        }
    }

    /** The level of the draft's sections: its highest, or the one below a title that is its only heading of that level. */
    private static int level(Element content) {
        Elements headings = content.select("h1, h2, h3, h4, h5, h6");
        if (headings.isEmpty()) {
            return 1;
        }
        int top = headings.stream().mapToInt(heading -> heading.tagName().charAt(1) - '0').min().orElse(1);
        long atTop = headings.stream().filter(heading -> heading.tagName().charAt(1) - '0' == top).count();
        boolean title = atTop == 1 && headings.first().tagName().charAt(1) - '0' == top && headings.size() > 1;
        return Math.min(6, title ? top + 1 : top);
    }
}
