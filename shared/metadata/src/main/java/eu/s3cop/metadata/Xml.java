package eu.s3cop.metadata;

import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The few steps every record writer takes with the JDK's streaming writer, which escapes all text and attribute values. */
final class Xml {

    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String DC = "http://purl.org/dc/elements/1.1/";

    private Xml() {
    }

    /** An element holding text, in a namespace already bound to {@code prefix}. */
    static void text(XMLStreamWriter xml, String prefix, String namespace, String name, String text) throws XMLStreamException {
        xml.writeStartElement(prefix, name, namespace);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    /** Text as XML 1.0 may hold it: characters it forbids (most controls) become spaces, where they can only have been mistakes. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF ? c : ' '));
        return out.toString();
    }

    /** ISO 639-3 (the terminology code of ISO 639-2, the same for the EU's languages), as OpenAIRE asks: "deu" for "de". */
    static String iso639_3(String language) {
        return Locale.forLanguageTag(language).getISO3Language();
    }
}
