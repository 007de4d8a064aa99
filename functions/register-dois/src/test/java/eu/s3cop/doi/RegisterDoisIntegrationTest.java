package eu.s3cop.doi;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.stack.LocalCloud;
import eu.s3cop.stack.StackSettings;
import eu.s3cop.testing.LocalDataCite;
import eu.s3cop.testing.ProjectFiles;
import eu.s3cop.testing.XmlSchemas;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javax.xml.validation.Schema;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * With a DataCite repository configured against a local server that answers as DataCite's REST
 * API does, publishing a version registers its DOI and its publication's, and the page shows
 * them once registered; a DataCite that fails is tried again by the next run, and publishing
 * never waits for it.
 */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class RegisterDoisIntegrationTest {

    private static final String PREFIX = "10.12345";
    private static final String ID = "innovation-diffusion/doi-brief";
    private static final String CONCEPT = PREFIX + "/s3cop.innovation-diffusion.doi-brief";
    private static final Schema DATACITE = XmlSchemas.dataCite();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static LocalDataCite dataCite;
    private static LocalCloud stack;

    @BeforeAll
    void start() {
        dataCite = LocalDataCite.start();
        stack = LocalCloud.start(ProjectFiles.template(), code(StackSettings.ephemeral().withRunSchedules(false)
                .withParameters(Map.of("DataCitePrefix", PREFIX, "DataCiteApi", dataCite.api().toString()))));
    }

    /** Where the functions' code comes from: the test class path here, the deployment package in the package test. */
    StackSettings code(StackSettings settings) {
        return settings;
    }

    @AfterAll
    void stop() {
        stack.close();
        dataCite.close();
    }

    @Test
    void publishingAVersionRegistersItsDoiAndThePageShowsItOnceRegistered() throws Exception {
        upload("First text.");
        // The PDF names its version's DOI from the start: it follows from the publication's id.
        try (PDDocument pdf = Loader.loadPDF(object(stack.bucket("PublicationsBucket"), "briefs/" + ID + "/v1.pdf"))) {
            assertThat(new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8))
                    .contains("<dc:identifier>doi:" + CONCEPT + ".v1</dc:identifier>");
        }
        assertThat(page().select("p.doi")).as("no DOI before DataCite has it").isEmpty();

        // DataCite fails: nothing is recorded, and the next run tries again.
        dataCite.failNext(1);
        stack.runSchedule("register-dois");
        assertThat(dataCite.registered()).isEmpty();
        stack.runSchedule("register-dois");
        assertThat(dataCite.registered()).containsOnlyKeys(CONCEPT + ".v1", CONCEPT);
        LocalDataCite.Registered version = dataCite.registered().get(CONCEPT + ".v1");
        assertThat(version.event()).isEqualTo("publish");
        assertThat(version.url()).endsWith("/read/" + ID + "/v1.html");
        XmlSchemas.validate(DATACITE, version.xml());
        Document record = Jsoup.parse(version.xml(), "", Parser.xmlParser());
        assertThat(record.selectFirst("identifier").text()).isEqualTo(CONCEPT + ".v1");
        assertThat(record.selectFirst("relatedIdentifier[relationType=IsVersionOf]").text()).isEqualTo(CONCEPT);
        assertThat(record.selectFirst("rights[rightsIdentifier]").attr("rightsURI")).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        XmlSchemas.validate(DATACITE, dataCite.registered().get(CONCEPT).xml());
        assertThat(dataCite.registered().get(CONCEPT).url()).endsWith("/publications/" + ID);

        Document page = page();
        assertThat(page.select("p.doi a").eachAttr("href")).containsExactly("https://doi.org/" + CONCEPT + ".v1", "https://doi.org/" + CONCEPT);
        assertThat(page.select("meta[name=citation_doi]").attr("content")).isEqualTo(CONCEPT + ".v1");
        assertThat(page.select(".citation").text()).endsWith("https://doi.org/" + CONCEPT + ".v1");
        assertThat(get("/publications/" + ID + "/citation?format=bibtex").body()).contains("doi = {" + CONCEPT + ".v1}");
        assertThat(get("/publications/" + ID + "/citation?format=ris").body()).contains("DO  - " + CONCEPT + ".v1");
        assertThat(get("/publications/" + ID + "/citation?format=csl-json").body()).containsPattern("\"DOI\" ?: ?\"" + java.util.regex.Pattern.quote(CONCEPT + ".v1") + "\"");
        String citation = get("/publications/" + ID + "/citation?format=datacite").body();
        XmlSchemas.validate(DATACITE, citation);
        assertThat(citation).contains("<identifier identifierType=\"DOI\">" + CONCEPT + ".v1</identifier>");

        // A second version: its own DOI, the next of the first, and the publication's DOI (which exists) updated with both.
        upload("Second text, corrected.");
        stack.runSchedule("register-dois");
        Document second = Jsoup.parse(dataCite.registered().get(CONCEPT + ".v2").xml(), "", Parser.xmlParser());
        assertThat(second.selectFirst("relatedIdentifier[relationType=IsNewVersionOf]").text()).isEqualTo(CONCEPT + ".v1");
        assertThat(Jsoup.parse(dataCite.registered().get(CONCEPT).xml(), "", Parser.xmlParser()).select("relatedIdentifier[relationType=HasVersion]")
                .eachText()).containsExactly(CONCEPT + ".v1", CONCEPT + ".v2");
        assertThat(dataCite.requests()).contains("PUT /dois/" + CONCEPT);
        // Nothing new: the next run registers nothing again.
        int before = dataCite.requests().size();
        stack.runSchedule("register-dois");
        assertThat(dataCite.requests()).hasSize(before);
    }

    private static void upload(String text) {
        try (S3Client s3 = stack.s3Client()) {
            s3.putObject(put -> put.bucket(stack.bucket("UploadsBucket")).key("drafts/" + ID + ".md"), RequestBody.fromString(
                    "---\ntitle: A brief with a DOI\ntype: policy-brief\nworking_group: innovation-diffusion\nauthors: [Alison Hunter]\n"
                            + "date: 2024-05-23\nsummary: Why it has a DOI.\nkeywords: [DOI]\n---\n\n" + text + "\n"));
        }
        stack.awaitIdle(Duration.ofMinutes(2));
    }

    private static byte[] object(String bucket, String key) {
        try (S3Client s3 = stack.s3Client()) {
            return s3.getObjectAsBytes(get -> get.bucket(bucket).key(key)).asByteArray();
        }
    }

    private static Document page() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.httpEndpoint().orElseThrow() + "/publications/" + ID))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stack.httpEndpoint().orElseThrow() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
