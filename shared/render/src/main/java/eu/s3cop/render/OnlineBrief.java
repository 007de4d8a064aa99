package eu.s3cop.render;

import eu.s3cop.draft.Draft;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The brief as a web page's article, made from the same syntax tree as its PDF (the same
 * numbering of figures and tables, the same links and anchors), for the catalogue's "Read
 * online" page: its contents, then its body, in the draft's language. The site's pages use h1
 * for the brief's title, so the draft's headings come one level down; figure captions are
 * {@code figcaption}s, and a table scrolls on its own where the screen is narrower than it.
 * Images are named by their order ({@code 1.png}, {@code 2.jpg}) in a folder beside the page.
 */
public final class OnlineBrief {

    /**
     * @param html the article, an HTML fragment whose images point at {@code <folder>/<name>}
     * @param figures the images by those names, in the order the brief shows them
     */
    public record Article(String html, Map<String, byte[]> figures) {
        public Article {
            figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        }
    }

    private OnlineBrief() {
    }

    /**
     * @param images the draft's local images, fetched and checked by {@link Images#resolve}
     * @param folder the images' folder relative to the page, such as {@code v3}
     */
    public static Article of(Draft draft, Map<String, byte[]> images, String folder) {
        return of(draft, images, References.NONE, folder);
    }

    /**
     * @param images the draft's local images, fetched and checked by {@link Images#resolve}
     * @param references its citations and reference list, formatted by {@link References#resolve}
     * @param folder the images' folder relative to the page, such as {@code v3}
     */
    public static Article of(Draft draft, Map<String, byte[]> images, References references, String folder) {
        Document document = Document.createShell("");
        document.outputSettings().prettyPrint(false).charset("UTF-8");
        Element article = document.body().appendElement("article").addClass("brief").attr("lang", draft.meta().language());
        Element contents = article.appendElement("nav").addClass("toc").attr("aria-labelledby", "contents-heading");
        Element content = article.appendElement("div").addClass("content");
        Map<String, byte[]> figures = new LinkedHashMap<>();
        BriefHtml.body(draft, content, images, references, src -> {
            String name = (BriefHtml.index(images, src) + 1) + (Images.isPng(images.get(src)) ? ".png" : ".jpg");
            figures.put(name, images.get(src));
            return folder + "/" + name;
        });
        BriefHtml.contents(null, contents, content);
        Element title = contents.selectFirst("h2");
        if (title != null) {
            title.attr("id", "contents-heading");
        }
        for (Element heading : content.select("h1, h2, h3, h4, h5, h6")) {
            heading.tagName("h" + Math.min(6, heading.tagName().charAt(1) - '0' + 1));
        }
        for (Element caption : content.select("figure > caption")) {
            caption.tagName("figcaption");
        }
        for (Element table : content.select("table")) {
            // A region a keyboard can reach and scroll, named as the table is.
            Element caption = table.selectFirst("caption");
            Element region = new Element("div").addClass("table-scroll").attr("role", "region").attr("tabindex", "0")
                    .attr("aria-label", caption != null ? caption.text() : "Table");
            table.replaceWith(region);
            region.appendChild(table);
        }
        for (Element image : content.select("img")) {
            image.attr("loading", "lazy");
        }
        // A column's alignment as the draft set it (| ---: |), by the site's stylesheet: HTML has no align attribute any more.
        for (Element cell : content.select("th[align], td[align]")) {
            cell.addClass("align-" + cell.attr("align").toLowerCase(java.util.Locale.ROOT)).removeAttr("align");
        }
        return new Article(article.outerHtml(), figures);
    }
}
