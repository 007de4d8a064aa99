package eu.s3cop.reader;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.publications.DynamoDbPublicationStore;
import eu.s3cop.publications.Harvest;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.testing.LocalAws;
import eu.s3cop.testing.PublishedSamples;
import eu.s3cop.testing.XmlSchemas;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.validation.Schema;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Harvesters collect the catalogue over OAI-PMH 2.0 as the protocol has them do it, every
 * answer checked against the official schemas: OAI-PMH's with oai_dc's, or with OpenAIRE's.
 */
@LocalAws
class OaiPmhIntegrationTest {

    private static LocalCloud stack;
    private static OaiPmh smallPages;
    private static URI site;
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final Schema DC = XmlSchemas.oaiDc();
    private static final Schema OPENAIRE = XmlSchemas.openAire();

    @BeforeAll
    static void publish(LocalCloud localCloud) throws IOException {
        stack = localCloud;
        PublishedSamples.publish(stack, PublishedSamples.GENERATED);
        String table = stack.table("PublicationsTable");
        smallPages = new OaiPmh(new DynamoDbPublicationStore(stack.dynamoDbClient(), table), new Harvest(stack.dynamoDbClient(), table),
                List.of("innovation-diffusion", "industrial-transition", "interregional-cooperation"), "secretariat@s3cop.example",
                Clock.systemUTC(), 7);
        site = URI.create(stack.httpEndpoint().orElseThrow() + "/");
    }

    @ParameterizedTest
    @CsvSource({"oai_dc", "oai_openaire"})
    void aHarvesterFollowingResumptionTokensCollectsEveryPublicationOnce(String prefix) {
        List<String> identifiers = new ArrayList<>();
        String form = "verb=ListRecords&metadataPrefix=" + prefix;
        int pages = 0;
        while (form != null) {
            Document page = valid(smallPages.answer(form, site), prefix);
            pages++;
            page.select("record > header > identifier").forEach(identifier -> identifiers.add(identifier.text()));
            assertThat(page.select("record > metadata")).hasSize(page.select("record").size());
            String token = page.select("resumptionToken").text();
            form = token.isEmpty() ? null : "verb=ListRecords&resumptionToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        }
        // Every published publication, translations included, and no preview: the generated briefs, the samples, the hostile title.
        int expected = PublishedSamples.GENERATED + PublishedSamples.LISTED_BESIDE_GENERATED + 1;
        assertThat(identifiers).doesNotHaveDuplicates().hasSize(expected)
                .contains(OaiPmh.identifier(site, "innovation-diffusion/bottlenecks-to-innovation-diffusion"),
                        OaiPmh.identifier(site, "industrial-transition/transition-skills-en"))
                .noneMatch(identifier -> identifier.contains("green-steel-preview"));
        assertThat(pages).isEqualTo((expected + 6) / 7);
    }

    @Test
    void getRecordDescribesOnePublicationInBothFormats() {
        String identifier = OaiPmh.identifier(site, "innovation-diffusion/bottlenecks-to-innovation-diffusion");
        Document dc = valid(smallPages.answer("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + identifier, site), "oai_dc");
        assertThat(dc.select("dc|title").text()).isEqualTo("Understanding the bottlenecks to innovation diffusion");
        assertThat(dc.select("header > setSpec").eachText()).containsExactly("wg:innovation-diffusion", "type:policy-brief");
        assertThat(dc.select("dc|identifier").text()).isEqualTo(site + "publications/innovation-diffusion/bottlenecks-to-innovation-diffusion");
        Document openAire = valid(smallPages.answer("verb=GetRecord&metadataPrefix=oai_openaire&identifier=" + identifier, site), "oai_openaire");
        assertThat(openAire.selectFirst("oaire|licenseCondition").attr("uri")).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(openAire.selectFirst("oaire|resourceType").attr("uri")).isEqualTo("http://purl.org/coar/resource_type/c_186u");
        Document translation = valid(smallPages.answer("verb=GetRecord&metadataPrefix=oai_dc&identifier="
                + OaiPmh.identifier(site, "industrial-transition/transition-skills-en"), site), "oai_dc");
        assertThat(translation.select("dc|relation").text()).isEqualTo(site + "publications/industrial-transition/skills-for-industrial-transition");
    }

    @Test
    void setsAndDatesNarrowTheList() {
        Document sets = valid(smallPages.answer("verb=ListSets", site), "oai_dc");
        assertThat(sets.select("set > setSpec").eachText()).contains("wg", "wg:industrial-transition", "type", "type:policy-brief");
        Set<String> group = identifiers("verb=ListIdentifiers&metadataPrefix=oai_dc&set=wg:interregional-cooperation");
        // The group's own, and the secretariat's document that speaks for it.
        String secretariat = OaiPmh.identifier(site, "secretariat/enabling-condition-lessons");
        assertThat(group).contains(secretariat, OaiPmh.identifier(site, "interregional-cooperation/partnerships-across-borders"))
                .allMatch(identifier -> identifier.contains(":interregional-cooperation/") || identifier.equals(secretariat));
        Set<String> briefs = identifiers("verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:policy-brief");
        assertThat(briefs).contains(OaiPmh.identifier(site, "innovation-diffusion/bottlenecks-to-innovation-diffusion"))
                .doesNotContain(OaiPmh.identifier(site, "innovation-diffusion/cloud-adoption-in-regions"));
        Set<String> all = identifiers("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2000-01-01&until=2999-12-31");
        assertThat(all).hasSize(PublishedSamples.GENERATED + PublishedSamples.LISTED_BESIDE_GENERATED + 1);
        assertThat(error("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2999-01-01")).isEqualTo("noRecordsMatch");
        assertThat(error("verb=ListIdentifiers&metadataPrefix=oai_dc&set=wg:no-such-group")).isEqualTo("noRecordsMatch");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "|badVerb",
        "verb=Frobnicate|badVerb",
        "verb=Identify&verb=Identify|badVerb",
        "verb=Identify&extra=1|badArgument",
        "verb=GetRecord&metadataPrefix=oai_dc|badArgument",
        "verb=ListRecords|badArgument",
        "verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc|badArgument",
        "verb=ListRecords&metadataPrefix=oai_dc&from=2024-13-01|badArgument",
        "verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01&until=2024-01-01T00:00:00Z|badArgument",
        "verb=ListRecords&metadataPrefix=oai_dc&from=2024-02-01&until=2024-01-01|badArgument",
        "verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=x|badArgument",
        "verb=ListRecords&metadataPrefix=marc21|cannotDisseminateFormat",
        "verb=GetRecord&metadataPrefix=marc21&identifier=oai:s3cop.localhost:innovation-diffusion/x|cannotDisseminateFormat",
        "verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:s3cop.localhost:innovation-diffusion/no-such-brief|idDoesNotExist",
        "verb=GetRecord&metadataPrefix=oai_dc&identifier=<script>|idDoesNotExist",
        "verb=ListMetadataFormats&identifier=oai:elsewhere.example:a/b|idDoesNotExist",
        "verb=ListRecords&resumptionToken=not-a-token|badResumptionToken",
        "verb=ListRecords&resumptionToken=eyJtIjoib2FpX2RjIiwiYSI6Inh4eCIsImMiOjB9|badResumptionToken",
        "verb=ListSets&resumptionToken=x|badResumptionToken",
        "verb=ListRecords&metadataPrefix=oai_dc&set=type:no-such-type|noRecordsMatch",
        "verb=%ZZ|badArgument"})
    void everyErrorTheProtocolNamesIsAnsweredAsItSays(String form, String code) {
        assertThat(error(form == null ? "" : form)).isEqualTo(code);
    }

    @Test
    void identifyAndFormatsAnswerThroughTheApiByGetAndByPost() throws Exception {
        HttpResponse<String> identify = http.send(HttpRequest.newBuilder(site.resolve("oai?verb=Identify")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(identify.statusCode()).isEqualTo(200);
        assertThat(identify.headers().firstValue("Content-Type")).hasValue("text/xml; charset=utf-8");
        Document document = valid(identify.body(), "oai_dc");
        assertThat(document.select("Identify > baseURL").text()).isEqualTo(stack.httpEndpoint().orElseThrow() + "/oai");
        assertThat(document.select("Identify > deletedRecord").text()).isEqualTo("no");
        assertThat(document.select("Identify > granularity").text()).isEqualTo("YYYY-MM-DDThh:mm:ssZ");
        assertThat(document.select("Identify > earliestDatestamp").text()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        HttpResponse<String> formats = http.send(HttpRequest.newBuilder(site.resolve("oai"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("verb=ListMetadataFormats"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(valid(formats.body(), "oai_dc").select("metadataPrefix").eachText()).containsExactly("oai_dc", "oai_openaire");
        HttpResponse<String> records = http.send(HttpRequest.newBuilder(site.resolve("oai?verb=ListRecords&metadataPrefix=oai_openaire")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(valid(records.body(), "oai_openaire").select("record")).hasSize(PublishedSamples.GENERATED + PublishedSamples.LISTED_BESIDE_GENERATED + 1);
    }

    private static Set<String> identifiers(String form) {
        Set<String> found = new HashSet<>();
        while (form != null) {
            Document page = valid(smallPages.answer(form, site), "oai_dc");
            page.select("header > identifier").forEach(identifier -> assertThat(found.add(identifier.text())).isTrue());
            String token = page.select("resumptionToken").text();
            form = token.isEmpty() ? null : "verb=ListIdentifiers&resumptionToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        }
        return found;
    }

    private static String error(String form) {
        Document answer = valid(smallPages.answer(form, site), "oai_dc");
        if (answer.selectFirst("error") == null) {
            return "none";
        }
        if (List.of("badVerb", "badArgument").contains(answer.selectFirst("error").attr("code"))) {
            assertThat(answer.selectFirst("request").attributes().size()).as("the request of a bad one echoes no argument").isZero();
        }
        return answer.selectFirst("error").attr("code");
    }

    private static Document valid(String xml, String prefix) {
        XmlSchemas.validate(prefix.equals("oai_openaire") ? OPENAIRE : DC, xml);
        return Jsoup.parse(xml, "", Parser.xmlParser());
    }
}
