package eu.s3cop.reader;

import eu.s3cop.core.SiteAddresses;
import eu.s3cop.publications.Harvest;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * One OAI-PMH response document: the envelope, the request as understood, then the verb's
 * element or an error, written with the JDK's streaming writer.
 */
final class OaiResponse {

    private static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final URI site;
    private final StringWriter out = new StringWriter();
    private final XMLStreamWriter xml;

    OaiResponse(URI site, Instant now) {
        this.site = site;
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("OAI-PMH");
            xml.writeDefaultNamespace(OAI);
            xml.writeNamespace("xsi", XSI);
            xml.writeAttribute("xsi", XSI, "schemaLocation", OAI + " http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd");
            OaiPmh.text(xml, "responseDate", Harvest.datestamp(now));
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    URI site() {
        return site;
    }

    String baseUrl() {
        return SiteAddresses.absolute(site, SiteAddresses.OAI);
    }

    /** The request element, then the verb's, left open for its content. */
    XMLStreamWriter start(String verb, Map<String, String> arguments) throws XMLStreamException {
        request(verb, arguments);
        xml.writeStartElement(verb);
        return xml;
    }

    /** The request element and the error; for badVerb and badArgument the request carries no arguments, as the protocol says. */
    void error(String verb, Map<String, String> arguments, String code, String message) throws XMLStreamException {
        boolean echo = verb != null && !code.equals("badArgument") && !code.equals("badVerb");
        request(echo ? verb : null, echo ? arguments : Map.of());
        xml.writeStartElement("error");
        xml.writeAttribute("code", code);
        xml.writeCharacters(message);
        xml.writeEndElement();
    }

    private void request(String verb, Map<String, String> arguments) throws XMLStreamException {
        xml.writeStartElement("request");
        if (verb != null) {
            xml.writeAttribute("verb", verb);
            for (Map.Entry<String, String> argument : new LinkedHashMap<>(arguments).entrySet()) {
                xml.writeAttribute(argument.getKey(), OaiRequest.printable(argument.getValue()));
            }
        }
        xml.writeCharacters(baseUrl());
        xml.writeEndElement();
    }

    String finish() throws XMLStreamException {
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return out.toString();
    }
}
