package eu.s3cop.catalogue;

import eu.s3cop.core.SiteAddresses;
import eu.s3cop.draft.Licence;
import eu.s3cop.draft.PublicationType;
import com.fasterxml.jackson.jr.ob.JSON;
import eu.s3cop.publications.Publication;
import eu.s3cop.publications.PublicationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A publication's own page, as the reader API answers a browser: what it is, the current
 * version's download and every earlier version's, and how to cite it, in words and in the
 * formats reference managers import. Its head carries Google Scholar's {@code citation_*} tags
 * and schema.org JSON-LD, so that indexes find the brief as a report with its authors and PDF.
 */
public final class PublicationPage {

    private final SiteLayout site;

    public PublicationPage(List<String> workingGroups) {
        this.site = new SiteLayout(workingGroups);
    }

    /**
     * The page of a publication.
     *
     * @param versions its published versions, newest first
     * @param siteUrl the site's absolute address ending in "/", or null when it is not known: then
     *     the page links only relatively, and the citations carry no address
     */
    public String page(Publication publication, List<PublicationVersion> versions, String siteUrl) {
        return page(publication, versions, siteUrl, publication);
    }

    /**
     * The page of a publication that is one language of a work: {@code original} names every
     * language's version, which the page lists ("Also in") and links as alternates by their
     * {@code hreflang}, each page the same set, with the original as {@code x-default}.
     *
     * @param original the work's original: the publication itself, or the one it translates
     */
    public String page(Publication publication, List<PublicationVersion> versions, String siteUrl, Publication original) {
        String pageUrl = siteUrl == null ? null : SiteAddresses.absolute(java.net.URI.create(siteUrl), SiteAddresses.publication(publication.id()));
        String pdf = siteUrl == null ? SiteAddresses.download(publication.id())
                : SiteAddresses.absolute(java.net.URI.create(siteUrl), SiteAddresses.download(publication.id()));
        Document page = site.page(publication.title(), null, publication.summary().isEmpty()
                ? PublicationType.labelOf(publication.type()) + " of the " + ListSections.byline(publication) + ", "
                        + publication.date() + "."
                : shorten(publication.summary()));
        // The DOIs DataCite has: the current version's, and the publication's for all its versions.
        String doi = versions.stream().filter(version -> version.version() == publication.latestVersion()).map(PublicationVersion::doi)
                .filter(found -> !found.isEmpty()).findFirst().orElse(null);
        String conceptDoi = versions.stream().map(PublicationVersion::conceptDoi).filter(found -> !found.isEmpty()).findFirst().orElse(null);
        scholarTags(page.head(), publication, pdf);
        if (doi != null) {
            page.head().appendElement("meta").attr("name", "citation_doi").attr("content", doi);
        }
        java.util.Map<String, String> work = new java.util.TreeMap<>(original.translations());
        work.put(original.language(), original.id());
        if (work.size() > 1) {
            for (java.util.Map.Entry<String, String> language : work.entrySet()) {
                alternate(page.head(), language.getKey(), SiteAddresses.publication(language.getValue()), siteUrl);
            }
            alternate(page.head(), "x-default", SiteAddresses.publication(original.id()), siteUrl);
        }
        page.head().appendElement("script").attr("type", "application/ld+json").appendChild(new DataNode(jsonLd(publication, pageUrl, pdf, doi)));

        Element main = page.getElementById("main");
        main.appendElement("h1").text(publication.title());
        ListSections.byline(main.appendElement("p").addClass("meta").text(PublicationType.labelOf(publication.type()) + " · "), publication)
                .appendText(" · " + publication.date() + " · " + Locale.forLanguageTag(publication.language()).getDisplayLanguage(Locale.UK));
        if (!publication.authors().isEmpty()) {
            main.appendElement("p").addClass("authors").text(String.join(", ", publication.authors()));
        }
        work.remove(publication.language());
        ListSections.languages(main, work);
        if (!publication.summary().isEmpty()) {
            main.appendElement("p").addClass("summary").text(publication.summary());
        }
        if (!publication.keywords().isEmpty()) {
            main.appendElement("p").addClass("meta").text("Keywords: " + String.join(", ", publication.keywords()));
        }
        Licence licence = Licence.orDefault(publication.licence());
        main.appendElement("p").addClass("meta licence").text("Licence: ")
                .appendElement("a").attr("rel", "license").attr("href", licence.url()).text(licence.shortName()).parent()
                .appendText(" (" + licence.title() + ")");
        Element actions = main.appendElement("p").addClass("actions");
        if (publication.readOnline()) {
            actions.appendElement("a").addClass("read").attr("href", SiteAddresses.reading(publication.id(), publication.latestVersion()))
                    .text("Read online").appendElement("span").addClass("visually-hidden").text(": " + publication.title());
            actions.appendText(" ");
        }
        actions.appendElement("a").addClass("download").attr("href", SiteAddresses.download(publication.id()))
                .text("Download PDF").appendElement("span").addClass("visually-hidden").text(": " + publication.title()).parent()
                .parent().appendText(" Version " + publication.latestVersion() + ", " + publication.pages() + " pages, " + size(publication.size()) + ".");
        if (doi != null || conceptDoi != null) {
            Element dois = main.appendElement("p").addClass("meta doi");
            if (doi != null) {
                dois.appendText("DOI: ").appendElement("a").attr("href", "https://doi.org/" + doi).text("https://doi.org/" + doi);
                dois.appendText(" (this version)");
            }
            if (conceptDoi != null) {
                dois.appendText(doi != null ? "; " : "DOI: ").appendElement("a").attr("href", "https://doi.org/" + conceptDoi)
                        .text("https://doi.org/" + conceptDoi);
                dois.appendText(" (every version, the newest first)");
            }
        }

        if (versions.size() > 1) {
            Element history = main.appendElement("section").attr("aria-labelledby", "versions-heading");
            history.appendElement("h2").attr("id", "versions-heading").text("Versions");
            Element list = history.appendElement("ol").addClass("versions").attr("reversed", "");
            for (PublicationVersion version : versions) {
                Element item = list.appendElement("li");
                item.appendElement("a").attr("href", SiteAddresses.download(publication.id(), version.version()))
                        .text("Version " + version.version()).appendElement("span").addClass("visually-hidden").text(" of " + publication.title());
                item.appendText(": " + version.title() + ", " + version.date() + ", " + version.pages() + " pages, published "
                        + version.publishedAt().substring(0, 10) + ".");
                if (version.readOnline()) {
                    item.appendText(" ").appendElement("a").attr("href", SiteAddresses.reading(publication.id(), version.version()))
                            .text("Read online").appendElement("span").addClass("visually-hidden").text(": version " + version.version());
                }
            }
        }

        Element cite = main.appendElement("section").attr("aria-labelledby", "cite-heading");
        cite.appendElement("h2").attr("id", "cite-heading").text("How to cite");
        cite.appendElement("p").addClass("citation").text(Citations.text(publication, pageUrl, doi));
        Element formats = cite.appendElement("ul").addClass("cite-formats");
        Map<Citations.Format, String> names = Map.of(Citations.Format.BIBTEX, "BibTeX", Citations.Format.RIS, "RIS (EndNote, Zotero, Mendeley)",
                Citations.Format.CSL_JSON, "CSL-JSON");
        for (Citations.Format format : Citations.Format.values()) {
            formats.appendElement("li").appendElement("a").attr("href", SiteAddresses.citation(publication.id(), format.parameter()))
                    .attr("download", publication.slug() + "." + format.extension()).text(names.get(format));
        }
        formats.appendElement("li").appendElement("a").attr("href", SiteAddresses.citation(publication.id(), DATACITE))
                .attr("download", publication.slug() + ".xml").text("DataCite XML");
        return page.outerHtml();
    }

    /** An alternate language's page, absolute where the site's address is known (as search engines read hreflang). */
    private static void alternate(Element head, String language, String address, String siteUrl) {
        head.appendElement("link").attr("rel", "alternate").attr("hreflang", language)
                .attr("href", siteUrl == null ? address : SiteAddresses.absolute(java.net.URI.create(siteUrl), address));
    }

    /** Google Scholar's inclusion guidelines: one citation_author per author, dates as yyyy/mm/dd. */
    private static void scholarTags(Element head, Publication publication, String pdf) {
        meta(head, "citation_title", publication.title());
        publication.authors().forEach(author -> meta(head, "citation_author", author));
        meta(head, "citation_publication_date", publication.date().replace('-', '/'));
        meta(head, "citation_technical_report_institution", Citations.publisher(publication));
        meta(head, "citation_language", publication.language());
        if (!publication.keywords().isEmpty()) {
            meta(head, "citation_keywords", String.join("; ", publication.keywords()));
        }
        meta(head, "citation_pdf_url", pdf);
    }

    private static void meta(Element head, String name, String content) {
        head.appendElement("meta").attr("name", name).attr("content", content);
    }

    /** schema.org's Report, as JSON-LD; "</" is escaped so that no text can close the script element. */
    /** The citation format the reader API answers with a version's DataCite record. */
    public static final String DATACITE = "datacite";

    private static String jsonLd(Publication publication, String pageUrl, String pdf, String doi) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("@context", "https://schema.org");
        report.put("@type", "Report");
        report.put("name", publication.title());
        report.put("author", publication.authors().stream().map(author -> Map.of("@type", "Person", "name", author)).toList());
        report.put("datePublished", publication.date());
        report.put("inLanguage", publication.language());
        report.put("genre", PublicationType.labelOf(publication.type()));
        report.put("version", String.valueOf(publication.latestVersion()));
        report.put("publisher", Map.of("@type", "Organization", "name", Citations.publisher(publication)));
        if (!publication.summary().isEmpty()) {
            report.put("abstract", publication.summary());
        }
        if (!publication.keywords().isEmpty()) {
            report.put("keywords", publication.keywords());
        }
        if (pageUrl != null) {
            report.put("url", pageUrl);
        }
        report.put("license", Licence.orDefault(publication.licence()).url());
        if (doi != null) {
            report.put("identifier", Map.of("@type", "PropertyValue", "propertyID", "DOI", "value", doi));
            report.put("sameAs", "https://doi.org/" + doi);
        }
        report.put("encoding", Map.of("@type", "MediaObject", "encodingFormat", "application/pdf", "contentUrl", pdf));
        try {
            return JSON.std.asString(report).replace("</", "<\\/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shorten(String text) {
        return text.length() > 160 ? text.substring(0, 157) + "..." : text;
    }

    private static String size(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.UK, "%.1f MB", bytes / (1024.0 * 1024)) : Math.max(1, bytes / 1024) + " KB";
    }
}
