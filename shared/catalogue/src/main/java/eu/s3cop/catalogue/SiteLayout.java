package eu.s3cop.catalogue;

import eu.s3cop.core.SiteAddresses;
import eu.s3cop.draft.WorkingGroupNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;

/**
 * The shell every page of the site shares (head, header with the working groups' menu, main
 * landmark, footer, the stylesheet inside) and the parts pages are built of: a labelled
 * section, the search form, a labelled choice.
 */
final class SiteLayout {

    /**
     * The stylesheet, in each page rather than in a file of its own: two kilobytes, so a first
     * visit needs one request instead of two, and a publication writes one object fewer, with no
     * moment when a page and its stylesheet disagree.
     */
    private static final String CSS = stylesheet();

    /** The community's mark: its initials in white on the catalogue's blue. */
    private static final String FAVICON = "data:image/svg+xml," + java.net.URLEncoder.encode(
            "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><rect width='32' height='32' rx='4' fill='#003a70'/>"
                    + "<text x='16' y='22' font-family='Arial,sans-serif' font-size='15' font-weight='bold' fill='#fff' text-anchor='middle'>S3</text></svg>",
            StandardCharsets.UTF_8).replace("+", "%20");

    private final List<String> workingGroups;

    SiteLayout(List<String> workingGroups) {
        this.workingGroups = List.copyOf(workingGroups);
    }

    /**
     * A page of the site's shell: its header, navigation and footer around an empty main landmark.
     *
     * @param description what search engines and link previews say of the page
     */
    Document page(String title, String current, String description) {
        Document document = Document.createShell("");
        // Without it a browser lays the page out in quirks mode and validators reject it.
        document.prependChild(new DocumentType("html", "", ""));
        document.outputSettings().prettyPrint(true).charset("UTF-8");
        document.selectFirst("html").attr("lang", "en");
        Element head = document.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("title").text(title + " · S3 CoP");
        head.appendElement("meta").attr("name", "description").attr("content", description);
        // In the page, as the stylesheet is: no request of its own, and nothing to keep in step.
        head.appendElement("link").attr("rel", "icon").attr("type", "image/svg+xml").attr("href", FAVICON);
        head.appendElement("style").appendChild(new DataNode(CSS));
        head.appendElement("link").attr("rel", "alternate").attr("type", "application/atom+xml").attr("href", SiteAddresses.FEED)
                .attr("title", "New S3 CoP publications");
        Element body = document.body();
        body.appendElement("a").addClass("skip").attr("href", "#main").text("Skip to the publications");
        Element header = body.appendElement("header");
        header.appendElement("p").addClass("community").appendElement("a").attr("href", SiteAddresses.HOME).text(SitePages.COMMUNITY + " (S3 CoP)");
        Element nav = header.appendElement("nav").attr("aria-label", "Working groups");
        Element menu = nav.appendElement("ul");
        Element all = menu.appendElement("li").appendElement("a").attr("href", SiteAddresses.HOME).text("All publications");
        if (current == null) {
            all.attr("aria-current", "page");
        }
        for (String group : workingGroups) {
            Element link = menu.appendElement("li").appendElement("a").attr("href", SiteAddresses.workingGroup(group)).text(WorkingGroupNames.of(group));
            if (group.equals(current)) {
                link.attr("aria-current", "page");
            }
        }
        body.appendElement("main").attr("id", "main");
        Element footer = body.appendElement("footer");
        footer.appendElement("p").text("Briefs are accessible PDF (PDF/UA) and archival PDF (PDF/A). ")
                .appendElement("a").attr("href", SiteAddresses.FEED).text("Follow new publications (Atom feed)");
        return document;
    }

    static Element search(Element main, String query) {
        Element form = main.appendElement("form").attr("role", "search").attr("action", SiteAddresses.SEARCH).attr("method", "get");
        form.appendElement("label").attr("for", "q").text("Search publications");
        form.appendElement("input").attr("type", "search").attr("id", "q").attr("name", "q").attr("value", query)
                .attr("maxlength", "200");
        form.appendElement("button").attr("type", "submit").text("Search");
        return form;
    }

    /** A labelled choice, placed before {@code anchor}: "Any" (sent as nothing) or one of the codes, shown by their names. */
    static void select(Element anchor, String name, String label, List<String> codes, String chosen,
            java.util.function.Function<String, String> shown) {
        anchor.before(new Element("label").attr("for", name).text(label));
        Element select = new Element("select").attr("id", name).attr("name", name);
        select.appendElement("option").attr("value", "").text("Any");
        for (String code : codes) {
            Element option = select.appendElement("option").attr("value", code).text(shown.apply(code));
            if (code.equals(chosen)) {
                option.attr("selected", "");
            }
        }
        anchor.before(select);
    }

    /** A labelled section of the page, its heading an h2; the section, for its content. */
    static Element section(Element main, String id, String heading) {
        Element section = main.appendElement("section").attr("aria-labelledby", id + "-heading");
        section.appendElement("h2").attr("id", id + "-heading").text(heading);
        return section;
    }

    private static String stylesheet() {
        try (InputStream in = SiteLayout.class.getResourceAsStream("/eu/s3cop/catalogue/site.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("The catalogue's stylesheet is missing from its jar", e);
        }
    }
}
