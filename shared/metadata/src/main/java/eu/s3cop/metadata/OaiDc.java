package eu.s3cop.metadata;

import eu.s3cop.draft.Licence;
import eu.s3cop.draft.PublicationType;
import eu.s3cop.draft.WorkingGroupNames;
import eu.s3cop.publications.Publication;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A publication as OAI-PMH's unqualified Dublin Core ({@code oai_dc}), the format every
 * harvester reads: title, creators, subjects, description, publisher, date, types (DCMI's
 * "Text", the COAR type and the kind of brief), format, identifier (its page), language,
 * rights (its licence) and, for a translation, the original it relates to.
 */
public final class OaiDc {

    public static final String PREFIX = "oai_dc";
    public static final String NAMESPACE = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    public static final String SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";

    private OaiDc() {
    }

    public static void write(XMLStreamWriter xml, Publication publication, RecordLinks links) throws XMLStreamException {
        xml.writeStartElement(PREFIX, "dc", NAMESPACE);
        xml.writeNamespace(PREFIX, NAMESPACE);
        xml.writeNamespace("dc", Xml.DC);
        xml.writeNamespace("xsi", Xml.XSI);
        xml.writeAttribute("xsi", Xml.XSI, "schemaLocation", NAMESPACE + " " + SCHEMA);
        dc(xml, "title", publication.title());
        for (String author : publication.authors()) {
            dc(xml, "creator", author);
        }
        for (String keyword : publication.keywords()) {
            dc(xml, "subject", keyword);
        }
        if (!publication.summary().isEmpty()) {
            dc(xml, "description", publication.summary());
        }
        dc(xml, "publisher", WorkingGroupNames.publisher(publication.workingGroup()));
        dc(xml, "date", publication.date());
        dc(xml, "type", "Text");
        dc(xml, "type", ResourceTypes.coar(publication.type()).uri());
        dc(xml, "type", PublicationType.labelOf(publication.type()));
        dc(xml, "format", "application/pdf");
        dc(xml, "identifier", links.page());
        dc(xml, "language", Xml.iso639_3(publication.language()));
        if (links.original() != null) {
            dc(xml, "relation", links.original());
        }
        Licence licence = Licence.orDefault(publication.licence());
        dc(xml, "rights", ResourceTypes.OPEN_ACCESS.uri());
        dc(xml, "rights", licence.url());
        xml.writeEndElement();
    }

    private static void dc(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        Xml.text(xml, "dc", Xml.DC, name, text);
    }
}
