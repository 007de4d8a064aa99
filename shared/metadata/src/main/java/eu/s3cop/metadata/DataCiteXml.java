package eu.s3cop.metadata;

import eu.s3cop.draft.Licence;
import eu.s3cop.draft.PublicationType;
import eu.s3cop.draft.WorkingGroupNames;
import eu.s3cop.publications.Publication;
import eu.s3cop.publications.PublicationVersion;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A publication or one of its versions as DataCite's Metadata Schema 4.x describes it, for
 * registering its DOI and as a citation format: creators, title, publisher, year, type (a report,
 * or text, named by its kind), language, subjects, abstract, licence, and how it relates to the
 * rest: a version is a version of its publication and the next of the version before; the
 * publication has its versions; a translation is a translation of its original.
 */
public final class DataCiteXml {

    public static final String NAMESPACE = "http://datacite.org/schema/kernel-4";
    private static final String SCHEMA = "https://schema.datacite.org/meta/kernel-4/metadata.xsd";
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    /**
     * What a record is identified by and related to: its DOI (or, where the catalogue has no DOIs,
     * its page's address) and the DOIs it relates to, each empty or null where there is none.
     *
     * @param identifier the DOI, or the address of the page where the catalogue has no DOI prefix
     * @param doi whether {@code identifier} is a DOI
     * @param isVersionOf a version's publication's DOI
     * @param isNewVersionOf the DOI of the version before
     * @param hasVersions a publication's versions' DOIs
     * @param isTranslationOf the original's DOI, for a translation
     */
    public record Relations(String identifier, boolean doi, String isVersionOf, String isNewVersionOf, List<String> hasVersions,
            String isTranslationOf) {

        public Relations {
            hasVersions = hasVersions == null ? List.of() : List.copyOf(hasVersions);
        }
    }

    private DataCiteXml() {
    }

    /** A version's record: its title and date, the publication's other metadata. */
    public static String version(Publication publication, PublicationVersion version, Relations relations) {
        return write(publication, version.title(), version.date(), String.valueOf(version.version()), version.pages(), relations);
    }

    /** The publication's record, as its newest version describes it. */
    public static String concept(Publication publication, Relations relations) {
        return write(publication, publication.title(), publication.date(), null, publication.pages(), relations);
    }

    private static String write(Publication publication, String title, String date, String version, int pages, Relations relations) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("resource");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeNamespace("xsi", Xml.XSI);
            xml.writeAttribute("xsi", Xml.XSI, "schemaLocation", NAMESPACE + " " + SCHEMA);

            xml.writeStartElement("identifier");
            xml.writeAttribute("identifierType", relations.doi() ? "DOI" : "URL");
            xml.writeCharacters(relations.identifier());
            xml.writeEndElement();

            xml.writeStartElement("creators");
            for (String author : publication.authors()) {
                xml.writeStartElement("creator");
                // Names as the draft gives them: no split into given and family names is guessed.
                text(xml, "creatorName", author);
                xml.writeEndElement();
            }
            xml.writeEndElement();

            xml.writeStartElement("titles");
            xml.writeStartElement("title");
            xml.writeAttribute("xml", XML_NS, "lang", publication.language());
            xml.writeCharacters(Xml.clean(title));
            xml.writeEndElement();
            xml.writeEndElement();

            text(xml, "publisher", WorkingGroupNames.publisher(publication.workingGroup()));
            text(xml, "publicationYear", date.substring(0, 4));

            xml.writeStartElement("resourceType");
            xml.writeAttribute("resourceTypeGeneral", ResourceTypes.dataCiteGeneral(publication.type()));
            xml.writeCharacters(PublicationType.labelOf(publication.type()));
            xml.writeEndElement();

            if (!publication.keywords().isEmpty()) {
                xml.writeStartElement("subjects");
                for (String keyword : publication.keywords()) {
                    xml.writeStartElement("subject");
                    xml.writeAttribute("xml", XML_NS, "lang", publication.language());
                    xml.writeCharacters(Xml.clean(keyword));
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }

            xml.writeStartElement("dates");
            xml.writeStartElement("date");
            xml.writeAttribute("dateType", "Issued");
            xml.writeCharacters(date);
            xml.writeEndElement();
            xml.writeEndElement();

            text(xml, "language", publication.language());
            relations(xml, relations);
            if (version != null) {
                text(xml, "version", version);
            }

            Licence licence = Licence.orDefault(publication.licence());
            xml.writeStartElement("rightsList");
            xml.writeStartElement("rights");
            xml.writeAttribute("xml", XML_NS, "lang", "en");
            xml.writeAttribute("rightsURI", licence.url());
            xml.writeAttribute("rightsIdentifier", licence.id().toLowerCase(Locale.ROOT));
            xml.writeAttribute("rightsIdentifierScheme", "SPDX");
            xml.writeAttribute("schemeURI", "https://spdx.org/licenses/");
            xml.writeCharacters(licence.title());
            xml.writeEndElement();
            xml.writeStartElement("rights");
            xml.writeAttribute("rightsURI", ResourceTypes.OPEN_ACCESS.uri());
            xml.writeCharacters("Open access");
            xml.writeEndElement();
            xml.writeEndElement();

            if (!publication.summary().isEmpty()) {
                xml.writeStartElement("descriptions");
                xml.writeStartElement("description");
                xml.writeAttribute("xml", XML_NS, "lang", publication.language());
                xml.writeAttribute("descriptionType", "Abstract");
                xml.writeCharacters(Xml.clean(publication.summary()));
                xml.writeEndElement();
                xml.writeEndElement();
            }

            xml.writeStartElement("formats");
            text(xml, "format", "application/pdf");
            xml.writeEndElement();
            xml.writeStartElement("sizes");
            text(xml, "size", pages + (pages == 1 ? " page" : " pages"));
            xml.writeEndElement();

            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The DataCite record could not be written", e);
        }
        return out.toString();
    }

    private static void relations(XMLStreamWriter xml, Relations relations) throws XMLStreamException {
        boolean any = relations.isVersionOf() != null || relations.isNewVersionOf() != null || !relations.hasVersions().isEmpty()
                || relations.isTranslationOf() != null;
        if (!any) {
            return;
        }
        xml.writeStartElement("relatedIdentifiers");
        related(xml, "IsVersionOf", relations.isVersionOf());
        related(xml, "IsNewVersionOf", relations.isNewVersionOf());
        for (String version : relations.hasVersions()) {
            related(xml, "HasVersion", version);
        }
        related(xml, "IsTranslationOf", relations.isTranslationOf());
        xml.writeEndElement();
    }

    private static void related(XMLStreamWriter xml, String relation, String doi) throws XMLStreamException {
        if (doi == null) {
            return;
        }
        xml.writeStartElement("relatedIdentifier");
        xml.writeAttribute("relatedIdentifierType", "DOI");
        xml.writeAttribute("relationType", relation);
        xml.writeCharacters(doi);
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(Xml.clean(text));
        xml.writeEndElement();
    }
}
