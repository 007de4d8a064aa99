package eu.s3cop.catalogue;

import eu.s3cop.core.SiteAddresses;
import eu.s3cop.draft.LanguageNames;
import eu.s3cop.draft.PublicationType;
import eu.s3cop.publications.Publication;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * A version's "Read online" page: the site's shell around the brief's article (its contents,
 * headings with anchors, numbered figures and tables, footnotes), which publishing made from the
 * same syntax tree as the PDF. The title, authors, summary and article are marked with the
 * brief's language; the site's own words stay English. It links to the PDF of the same version
 * and to the publication's page, which lists every version. No script.
 */
final class ReadingPage {

    private final SiteLayout site;

    ReadingPage(List<String> workingGroups) {
        this.site = new SiteLayout(workingGroups);
    }

    /**
     * @param version the listing of the version the page shows, as it was listed when published
     * @param article the body of the version's article as publishing stored it, parsed; its content moves into the page
     */
    String page(Publication version, Element article) {
        String description = version.summary().isEmpty()
                ? PublicationType.labelOf(version.type()) + " of the " + ListSections.byline(version) + "."
                : version.summary();
        Document page = site.page(version.title(), version.workingGroup(), description.length() > 160 ? description.substring(0, 157) + "..." : description);
        page.selectFirst("a.skip").text("Skip to the text");
        Element main = page.getElementById("main").addClass("reading");
        Element header = main.appendElement("div").addClass("brief-header");
        ListSections.byline(header.appendElement("p").addClass("meta").text(PublicationType.labelOf(version.type()) + " · "), version)
                .appendText(" · " + version.date() + " · version " + version.latestVersion() + " · " + LanguageNames.of(version.language()));
        header.appendElement("h1").attr("lang", version.language()).text(version.title());
        if (!version.authors().isEmpty()) {
            header.appendElement("p").addClass("authors").attr("lang", version.language()).text(String.join(", ", version.authors()));
        }
        if (!version.summary().isEmpty()) {
            header.appendElement("p").addClass("summary").attr("lang", version.language()).text(version.summary());
        }
        Element actions = header.appendElement("p").addClass("actions");
        actions.appendElement("a").addClass("download").attr("href", SiteAddresses.download(version.id(), version.latestVersion()))
                .text("Download PDF").appendElement("span").addClass("visually-hidden").text(": " + version.title() + ", version " + version.latestVersion());
        actions.appendText(" ");
        actions.appendElement("a").attr("href", SiteAddresses.publication(version.id())).text("All versions and how to cite");
        for (Node node : article.childNodes().stream().toList()) {
            main.appendChild(node);
        }
        return page.outerHtml();
    }
}
