package eu.s3cop.metadata;

import eu.s3cop.draft.Licence;
import eu.s3cop.draft.WorkingGroupNames;
import eu.s3cop.publications.Publication;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A publication as the OpenAIRE Guidelines for Literature Repositories v4 describe one
 * ({@code oai_openaire}), which OpenAIRE's graph and the Commission's open-science monitoring
 * harvest: DataCite's titles, creators, identifier and dates, a COAR resource type, open access
 * with its licence, the full text's file, the version of record, subjects and description.
 */
public final class OpenAire {

    public static final String PREFIX = "oai_openaire";
    public static final String NAMESPACE = "http://namespace.openaire.eu/schema/oaire/";
    public static final String SCHEMA = "https://www.openaire.eu/schema/repo-lit/4.0/openaire.xsd";
    private static final String DATACITE = "http://datacite.org/schema/kernel-4";

    private OpenAire() {
    }

    public static void write(XMLStreamWriter xml, Publication publication, RecordLinks links) throws XMLStreamException {
        xml.writeStartElement("oaire", "resource", NAMESPACE);
        xml.writeNamespace("oaire", NAMESPACE);
        xml.writeNamespace("datacite", DATACITE);
        xml.writeNamespace("dc", Xml.DC);
        xml.writeNamespace("xsi", Xml.XSI);
        xml.writeAttribute("xsi", Xml.XSI, "schemaLocation", NAMESPACE + " " + SCHEMA);

        xml.writeStartElement("datacite", "titles", DATACITE);
        xml.writeStartElement("datacite", "title", DATACITE);
        xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", publication.language());
        xml.writeCharacters(Xml.clean(publication.title()));
        xml.writeEndElement();
        xml.writeEndElement();

        xml.writeStartElement("datacite", "creators", DATACITE);
        for (String author : publication.authors()) {
            xml.writeStartElement("datacite", "creator", DATACITE);
            xml.writeStartElement("datacite", "creatorName", DATACITE);
            xml.writeAttribute("nameType", "Personal");
            xml.writeCharacters(Xml.clean(author));
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();

        if (links.original() != null) {
            xml.writeStartElement("datacite", "relatedIdentifiers", DATACITE);
            xml.writeStartElement("datacite", "relatedIdentifier", DATACITE);
            // DataCite 4.1's relations, which OpenAIRE v4 takes, have no translation: a translation is a variant form of its original.
            xml.writeAttribute("relatedIdentifierType", "URL");
            xml.writeAttribute("relationType", "IsVariantFormOf");
            xml.writeCharacters(links.original());
            xml.writeEndElement();
            xml.writeEndElement();
        }

        xml.writeStartElement("datacite", "dates", DATACITE);
        xml.writeStartElement("datacite", "date", DATACITE);
        xml.writeAttribute("dateType", "Issued");
        xml.writeCharacters(publication.date());
        xml.writeEndElement();
        xml.writeEndElement();

        Xml.text(xml, "dc", Xml.DC, "language", Xml.iso639_3(publication.language()));
        Xml.text(xml, "dc", Xml.DC, "publisher", WorkingGroupNames.publisher(publication.workingGroup()));

        ResourceTypes.Coar type = ResourceTypes.coar(publication.type());
        xml.writeStartElement("oaire", "resourceType", NAMESPACE);
        xml.writeAttribute("resourceTypeGeneral", "literature");
        xml.writeAttribute("uri", type.uri());
        xml.writeCharacters(type.label());
        xml.writeEndElement();

        if (!publication.summary().isEmpty()) {
            Xml.text(xml, "dc", Xml.DC, "description", publication.summary());
        }
        Xml.text(xml, "dc", Xml.DC, "format", "application/pdf");

        xml.writeStartElement("datacite", "identifier", DATACITE);
        xml.writeAttribute("identifierType", "URL");
        xml.writeCharacters(links.page());
        xml.writeEndElement();

        xml.writeStartElement("datacite", "rights", DATACITE);
        xml.writeAttribute("rightsURI", ResourceTypes.OPEN_ACCESS.uri());
        xml.writeCharacters(ResourceTypes.OPEN_ACCESS.label());
        xml.writeEndElement();

        if (!publication.keywords().isEmpty()) {
            xml.writeStartElement("datacite", "subjects", DATACITE);
            for (String keyword : publication.keywords()) {
                Xml.text(xml, "datacite", DATACITE, "subject", keyword);
            }
            xml.writeEndElement();
        }

        xml.writeStartElement("oaire", "version", NAMESPACE);
        xml.writeAttribute("uri", ResourceTypes.VERSION_OF_RECORD.uri());
        xml.writeCharacters(ResourceTypes.VERSION_OF_RECORD.label());
        xml.writeEndElement();

        xml.writeStartElement("oaire", "file", NAMESPACE);
        xml.writeAttribute("accessRightsURI", ResourceTypes.OPEN_ACCESS.uri());
        xml.writeAttribute("mimeType", "application/pdf");
        xml.writeAttribute("objectType", "fulltext");
        xml.writeCharacters(links.pdf());
        xml.writeEndElement();

        Licence licence = Licence.orDefault(publication.licence());
        xml.writeStartElement("oaire", "licenseCondition", NAMESPACE);
        xml.writeAttribute("startDate", publication.date());
        xml.writeAttribute("uri", licence.url());
        xml.writeCharacters(licence.shortName());
        xml.writeEndElement();

        xml.writeEndElement();
    }
}
