package eu.s3cop.testing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.bootstrap.DOMImplementationRegistry;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

/**
 * The official schemas a test validates the records it reads against, loaded offline from this
 * jar: one schema set per OAI-PMH metadata prefix (their Dublin Core schemas differ and cannot
 * share one set, as the schemas' READMEs explain) and DataCite's on its own. The absolute
 * addresses the schemas import resolve to the copies here; a schema that reached for the
 * network would fail to load.
 */
public final class XmlSchemas {

    private static final String ROOT = "/eu/s3cop/testing/schemas/";

    private XmlSchemas() {
    }

    /** OAI-PMH 2.0 responses whose records are {@code oai_dc}. */
    public static Schema oaiDc() {
        return load(Map.of(
                "http://dublincore.org/schemas/xmls/simpledc20021212.xsd", "oai-pmh/simpledc20021212.xsd",
                "http://www.w3.org/2001/03/xml.xsd", "oai-pmh/xml.xsd",
                "http://www.w3.org/2001/xml.xsd", "oai-pmh/xml.xsd"),
                "oai-pmh/OAI-PMH.xsd", "oai-pmh/oai_dc.xsd");
    }

    /** OAI-PMH 2.0 responses whose records are {@code oai_openaire} (OpenAIRE Guidelines for Literature Repositories v4). */
    public static Schema openAire() {
        return load(Map.of(
                "http://www.w3.org/2009/01/xml.xsd", "openaire/xml.xsd",
                "http://www.w3.org/2001/03/xml.xsd", "openaire/xml.xsd",
                "http://www.w3.org/2001/xml.xsd", "openaire/xml.xsd"),
                "oai-pmh/OAI-PMH.xsd", "openaire/4.0/openaire.xsd");
    }

    /** DataCite Metadata Schema 4.7 records. */
    public static Schema dataCite() {
        return load(Map.of(), "datacite/metadata.xsd");
    }

    /** Validates {@code xml}, throwing with the validator's words (line, column, what is wrong) when it is not valid. */
    public static void validate(Schema schema, String xml) {
        try {
            schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new AssertionError("Not valid: " + e.getMessage() + "\n" + xml, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema load(Map<String, String> copies, String... files) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            DOMImplementationLS ls = (DOMImplementationLS) DOMImplementationRegistry.newInstance().getDOMImplementation("LS");
            factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
                String copy = systemId == null ? null : copies.get(systemId.replace("https://", "http://"));
                if (copy == null) {
                    // A relative include: the factory resolves it beside the schema that includes it, in this jar.
                    return null;
                }
                URL url = resource(copy);
                LSInput input = ls.createLSInput();
                input.setSystemId(url.toString());
                try {
                    input.setByteStream(url.openStream());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return input;
            });
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            Source[] sources = new Source[files.length];
            for (int i = 0; i < files.length; i++) {
                sources[i] = new StreamSource(resource(files[i]).toString());
            }
            return factory.newSchema(sources);
        } catch (SAXException | ReflectiveOperationException e) {
            throw new IllegalStateException("The bundled schemas do not load: " + e.getMessage(), e);
        }
    }

    private static URL resource(String path) {
        URL url = XmlSchemas.class.getResource(ROOT + path);
        if (url == null) {
            throw new IllegalStateException("Missing schema " + path + " in the testing jar");
        }
        return url;
    }
}
