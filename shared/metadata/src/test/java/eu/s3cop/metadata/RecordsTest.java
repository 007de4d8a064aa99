package eu.s3cop.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.publications.Publication;
import eu.s3cop.testing.XmlSchemas;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class RecordsTest {

    private static final Publication BRIEF = new Publication("innovation-diffusion/bottlenecks", "Understanding the bottlenecks",
            "policy-brief", "innovation-diffusion", List.of("Alison Hunter", "Santiago Donat"), "2024-05-23", "en",
            "Why good practice travels slowly.", List.of("SMEs", "innovation diffusion"), 2, 3, 1234, "briefs/x/v2.pdf", "abc",
            "2024-06-01T10:00:00.123Z", "", "", Map.of(), "CC-BY-SA-4.0");
    private static final Publication TRANSLATION = new Publication("industrial-transition/skills-en", "Skills <for> transition & \u0001more",
            "concept-note", "industrial-transition", List.of("Alison Hunter"), "2024-03-01", "de", "", List.of(), 1, 2, 99,
            "briefs/y/v1.pdf", "def", "2024-03-02T08:00:00Z", "", "industrial-transition/skills", Map.of());
    private static final RecordLinks LINKS = new RecordLinks("https://s3cop.example/publications/innovation-diffusion/bottlenecks",
            "https://s3cop.example/publications/innovation-diffusion/bottlenecks/download", null);
    private static final RecordLinks TRANSLATED = new RecordLinks("https://s3cop.example/publications/industrial-transition/skills-en",
            "https://s3cop.example/publications/industrial-transition/skills-en/download",
            "https://s3cop.example/publications/industrial-transition/skills");

    @Test
    void dublinCoreIsValidAndSaysWhatHarvestersLookFor() throws XMLStreamException {
        String xml = write(OaiDc::write, BRIEF, LINKS);
        XmlSchemas.validate(XmlSchemas.oaiDc(), xml);
        Document dc = Jsoup.parse(xml, "", Parser.xmlParser());
        assertThat(dc.select("dc|creator").eachText()).containsExactly("Alison Hunter", "Santiago Donat");
        assertThat(dc.select("dc|type").eachText()).containsExactly("Text", "http://purl.org/coar/resource_type/c_186u", "Policy brief");
        assertThat(dc.select("dc|rights").eachText()).containsExactly("http://purl.org/coar/access_right/c_abf2",
                "https://creativecommons.org/licenses/by-sa/4.0/");
        assertThat(dc.select("dc|language").text()).isEqualTo("eng");
        assertThat(dc.select("dc|publisher").text()).isEqualTo("European Smart Specialisation Community of Practice (S3 CoP),"
                + " Innovation Diffusion working group");
        String translation = write(OaiDc::write, TRANSLATION, TRANSLATED);
        XmlSchemas.validate(XmlSchemas.oaiDc(), translation);
        assertThat(Jsoup.parse(translation, "", Parser.xmlParser()).select("dc|relation").text()).isEqualTo(TRANSLATED.original());
    }

    @Test
    void openAireIsValidWithItsCoarTypesAccessLicenceAndFile() throws XMLStreamException {
        String xml = write(OpenAire::write, BRIEF, LINKS);
        XmlSchemas.validate(XmlSchemas.openAire(), xml);
        Document record = Jsoup.parse(xml, "", Parser.xmlParser());
        assertThat(record.selectFirst("oaire|resourceType").attr("uri")).isEqualTo("http://purl.org/coar/resource_type/c_186u");
        assertThat(record.selectFirst("oaire|licenseCondition").attr("uri")).isEqualTo("https://creativecommons.org/licenses/by-sa/4.0/");
        assertThat(record.selectFirst("oaire|file").text()).isEqualTo(LINKS.pdf());
        assertThat(record.selectFirst("datacite|identifier").text()).isEqualTo(LINKS.page());
        String translation = write(OpenAire::write, TRANSLATION, TRANSLATED);
        XmlSchemas.validate(XmlSchemas.openAire(), translation);
        Document translated = Jsoup.parse(translation, "", Parser.xmlParser());
        assertThat(translated.selectFirst("datacite|relatedIdentifier").attr("relationType")).isEqualTo("IsVariantFormOf");
        assertThat(translated.select("dc|language").text()).isEqualTo("deu");
        // The text as written, escaped, with the control character XML cannot hold replaced.
        assertThat(translated.selectFirst("datacite|title").wholeText()).isEqualTo("Skills <for> transition &  more");
        assertThat(translation).contains("Skills &lt;for> transition &amp;  more");
    }

    @Test
    void dataCiteRecordsAreValidWithTheirRelations() {
        Dois dois = new Dois("10.12345");
        eu.s3cop.publications.PublicationVersion second = new eu.s3cop.publications.PublicationVersion(2, "Understanding the bottlenecks",
                "2024-05-23", 3, 1234, "briefs/x/v2.pdf", "abc", "2024-06-01T10:00:00Z", "");
        String version = DataCiteXml.version(BRIEF, second, new DataCiteXml.Relations(dois.version(BRIEF.id(), 2), true,
                dois.concept(BRIEF.id()), dois.version(BRIEF.id(), 1), null, null));
        XmlSchemas.validate(XmlSchemas.dataCite(), version);
        Document record = Jsoup.parse(version, "", Parser.xmlParser());
        assertThat(record.selectFirst("identifier").text()).isEqualTo("10.12345/s3cop.innovation-diffusion.bottlenecks.v2");
        assertThat(record.selectFirst("resourceType").attr("resourceTypeGeneral")).isEqualTo("Report");
        assertThat(record.select("relatedIdentifier").eachAttr("relationType")).containsExactly("IsVersionOf", "IsNewVersionOf");
        assertThat(record.selectFirst("rights[rightsIdentifier]").attr("rightsIdentifier")).isEqualTo("cc-by-sa-4.0");
        String concept = DataCiteXml.concept(TRANSLATION, new DataCiteXml.Relations(dois.concept(TRANSLATION.id()), true, null, null,
                List.of(dois.version(TRANSLATION.id(), 1)), dois.concept(TRANSLATION.translationOf())));
        XmlSchemas.validate(XmlSchemas.dataCite(), concept);
        assertThat(Jsoup.parse(concept, "", Parser.xmlParser()).select("relatedIdentifier").eachAttr("relationType"))
                .containsExactly("HasVersion", "IsTranslationOf");
        // Without a DOI prefix, the record (a citation format) is identified by its page.
        XmlSchemas.validate(XmlSchemas.dataCite(), DataCiteXml.version(BRIEF, second, new DataCiteXml.Relations(LINKS.page(), false,
                null, null, null, null)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Dois("11.1234")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSchemaRefusesWhatItShould() {
        String wrong = write(OaiDc::write, BRIEF, LINKS).replace("<dc:title>", "<dc:bogus>x</dc:bogus><dc:title>");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> XmlSchemas.validate(XmlSchemas.oaiDc(), wrong))
                .isInstanceOf(AssertionError.class).hasMessageContaining("bogus");
    }

    @FunctionalInterface
    interface Writer {
        void write(XMLStreamWriter xml, Publication publication, RecordLinks links) throws XMLStreamException;
    }

    private static String write(Writer writer, Publication publication, RecordLinks links) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            writer.write(xml, publication, links);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
