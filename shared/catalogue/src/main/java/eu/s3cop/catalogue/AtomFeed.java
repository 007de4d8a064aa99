package eu.s3cop.catalogue;

import eu.s3cop.draft.LanguageNames;
import eu.s3cop.draft.WorkingGroupNames;
import eu.s3cop.core.SiteAddresses;
import eu.s3cop.publications.Publication;
import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** An Atom feed (RFC 4287) of the newest publications, written with the JDK's XML writer. */
final class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeed() {
    }

    /** @param siteUrl the site's address, which makes every link absolute, as feed readers need; null for relative links */
    static String of(List<Publication> listings, String updated, java.net.URI siteUrl) {
        return of(listings, updated, siteUrl, "tag:s3cop.europa.eu,2024:publications", "S3 CoP publications", SiteAddresses.FEED, SiteAddresses.HOME);
    }

    /** The feed of one working group's newest publications, beside its page. */
    static String ofGroup(String workingGroup, List<Publication> listings, String updated, java.net.URI siteUrl) {
        return of(listings, updated, siteUrl, "tag:s3cop.europa.eu,2024:publications:" + workingGroup,
                "S3 CoP publications: " + WorkingGroupNames.of(workingGroup) + " working group", SiteAddresses.workingGroupFeed(workingGroup),
                SiteAddresses.workingGroup(workingGroup));
    }

    /**
     * @param self the feed's address on the site
     * @param page the address of the page the feed follows
     */
    private static String of(List<Publication> listings, String updated, java.net.URI siteUrl, String id, String title, String self, String page) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "id", id);
            element(xml, "title", title);
            element(xml, "updated", updated);
            xml.writeStartElement("author");
            element(xml, "name", SitePages.COMMUNITY);
            xml.writeEndElement();
            link(xml, "self", address(siteUrl, self));
            link(xml, "alternate", address(siteUrl, page));
            for (Publication listing : listings.subList(0, Math.min(50, listings.size()))) {
                xml.writeStartElement("entry");
                element(xml, "id", "tag:s3cop.europa.eu,2024:publication:" + listing.id() + ":v" + listing.latestVersion());
                // A translation is announced as such, in its own language, beside the original it translates.
                element(xml, "title", listing.translation() ? listing.title() + " (" + LanguageNames.of(listing.language()) + " translation)"
                        : listing.title());
                element(xml, "updated", listing.publishedAt().isEmpty() ? updated : listing.publishedAt());
                // The publication's own date: a new version updates the entry, it does not republish it.
                element(xml, "published", listing.date() + "T00:00:00Z");
                for (String author : listing.authors()) {
                    xml.writeStartElement("author");
                    element(xml, "name", author);
                    xml.writeEndElement();
                }
                xml.writeStartElement("category");
                xml.writeAttribute("term", listing.workingGroup());
                xml.writeEndElement();
                link(xml, "alternate", address(siteUrl, SiteAddresses.publication(listing.id())));
                if (listing.translation()) {
                    xml.writeStartElement("category");
                    xml.writeAttribute("term", "translation");
                    xml.writeAttribute("label", "Translation");
                    xml.writeEndElement();
                    link(xml, "related", address(siteUrl, SiteAddresses.publication(listing.translationOf())));
                }
                xml.writeStartElement("link");
                xml.writeAttribute("rel", "enclosure");
                xml.writeAttribute("type", "application/pdf");
                xml.writeAttribute("href", address(siteUrl, SiteAddresses.download(listing.id())));
                xml.writeEndElement();
                if (!listing.summary().isEmpty()) {
                    element(xml, "summary", listing.summary());
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The Atom feed could not be written", e);
        }
        return out.toString();
    }

    /** Absolute under the site's address when it is known, as feed readers need; else from the root. */
    private static String address(java.net.URI siteUrl, String address) {
        return siteUrl == null ? address : SiteAddresses.absolute(siteUrl, address);
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeStartElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeEndElement();
    }
}
