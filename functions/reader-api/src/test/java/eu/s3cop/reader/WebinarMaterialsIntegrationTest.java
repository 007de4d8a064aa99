package eu.s3cop.reader;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.testing.LocalAws;
import eu.s3cop.testing.SampleMaterials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The secretariat uploads an event's file and then its materials with an S3 client, as they would:
 * the event's page lists exactly the files that could be listed, with their kind and size; each
 * link answers with a short-lived link that downloads the same bytes under the file's own name
 * and type; and a file removed from S3 leaves the page.
 */
@LocalAws
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebinarMaterialsIntegrationTest {

    private static final String UPLOADS = "s3cop-uploads";
    private static final String EVENT = "materials-day";
    private static final byte[] SLIDES = SampleMaterials.pdf("Slides of the materials day");
    private static final byte[] NOTES = SampleMaterials.docx("Notes of the materials day");
    private static final HttpClient http = HttpClient.newHttpClient();

    private static LocalCloud stack;
    private static S3Client s3;

    @BeforeAll
    static void upload(LocalCloud localCloud) {
        stack = localCloud;
        stack.onInvocation(invocation -> invocation.failure().ifPresent(error -> error.printStackTrace(System.out)));
        s3 = stack.s3Client();
        LocalDateTime starts = LocalDateTime.now(ZoneId.of("Europe/Brussels")).plusDays(5).truncatedTo(ChronoUnit.HOURS);
        put("webinars/" + EVENT + ".yaml", ("title: A day of materials\nworking_group: innovation-diffusion\nstarts: " + starts
                + "\ntimezone: Europe/Brussels\nduration: PT2H\n").getBytes(StandardCharsets.UTF_8));
        stack.awaitIdle(Duration.ofSeconds(60));
        put("webinars/" + EVENT + "/materials/Slides day 1.pdf", SLIDES);
        put("webinars/" + EVENT + "/materials/notes.docx", NOTES);
        put("webinars/" + EVENT + "/materials/setup.exe", "MZ, not a document".getBytes(StandardCharsets.US_ASCII));
        put("webinars/no-such-event/materials/slides.pdf", SampleMaterials.pdf("For no event"));
        byte[] large = new byte[50_000_001];
        System.arraycopy(SLIDES, 0, large, 0, SLIDES.length);
        put("webinars/" + EVENT + "/materials/recording.pdf", large);
        stack.awaitIdle(Duration.ofSeconds(120));
    }

    private static void put(String key, byte[] bytes) {
        s3.putObject(put -> put.bucket(UPLOADS).key(key), RequestBody.fromBytes(bytes));
    }

    @Test
    @Order(1)
    void thePageListsExactlyTheFilesThatCouldBeListedWithTheirKindAndSize() throws Exception {
        Document page = page();
        assertThat(page.select("section.materials h2").text()).isEqualTo("Slides and materials");
        assertThat(page.select("section.materials li").eachText()).containsExactly(
                "notes.docx (Word document, " + shown(NOTES.length) + ")", "Slides day 1.pdf (PDF, " + shown(SLIDES.length) + ")");
        assertThat(page.select("section.materials a").eachAttr("href")).containsExactly("/webinars/" + EVENT + "/materials/notes.docx",
                "/webinars/" + EVENT + "/materials/Slides%20day%201.pdf");

        Map<String, Object> json = JSON.std.mapFrom(send("/webinars/" + EVENT, "application/json").body());
        assertThat(json.get("materials")).isEqualTo(List.of(
                Map.of("name", "notes.docx", "kind", "docx", "size", NOTES.length,
                        "links", Map.of("download", "/webinars/" + EVENT + "/materials/notes.docx")),
                Map.of("name", "Slides day 1.pdf", "kind", "pdf", "size", SLIDES.length,
                        "links", Map.of("download", "/webinars/" + EVENT + "/materials/Slides%20day%201.pdf"))));
    }

    @Test
    @Order(2)
    void eachFileThatCouldNotBeListedHasAReportThatSaysWhy() throws Exception {
        assertThat(report("webinars/" + EVENT + "/materials/setup.exe")).containsEntry("status", "REJECTED").extractingByKey("problems")
                .asString().contains("'setup.exe' is not a kind of file an event lists");
        assertThat(report("webinars/" + EVENT + "/materials/recording.pdf")).containsEntry("status", "REJECTED").extractingByKey("problems")
                .asString().contains("50,000,001 bytes");
        assertThat(report("webinars/no-such-event/materials/slides.pdf")).containsEntry("status", "REJECTED").extractingByKey("problems")
                .asString().contains("there is no event 'no-such-event'");
        assertThat(report("webinars/" + EVENT + "/materials/Slides day 1.pdf")).containsEntry("status", "LISTED")
                .containsEntry("download", "/webinars/" + EVENT + "/materials/Slides%20day%201.pdf");
    }

    @Test
    @Order(3)
    void aLinkAnswersWithAShortLivedLinkThatDownloadsTheSameBytesUnderTheFilesNameAndType() throws Exception {
        HttpResponse<String> redirect = send("/webinars/" + EVENT + "/materials/Slides%20day%201.pdf", "text/html");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Cache-Control")).hasValue("no-store");
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(stack.s3Endpoint().toString()).contains("X-Amz-Expires=900", "X-Amz-Signature=");

        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(SLIDES);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"Slides day 1.pdf\"");
        try (PDDocument pdf = Loader.loadPDF(download.body())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(pdf)).contains("Slides of the materials day");
        }

        HttpResponse<byte[]> notes = http.send(HttpRequest.newBuilder(URI.create(send("/webinars/" + EVENT + "/materials/notes.docx", "text/html")
                .headers().firstValue("Location").orElseThrow())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(notes.body()).isEqualTo(NOTES);
        assertThat(notes.headers().firstValue("Content-Type")).hasValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    /** Only a listed file is signed: a rejected one in the same folder, a name never uploaded and another event's are not. */
    @Test
    @Order(4)
    void onlyAListedFileHasALink() throws Exception {
        for (String path : List.of("/webinars/" + EVENT + "/materials/setup.exe", "/webinars/" + EVENT + "/materials/recording.pdf",
                "/webinars/" + EVENT + "/materials/never.pdf", "/webinars/" + EVENT + "/materials/slides%20day%201.pdf",
                "/webinars/" + EVENT + "/materials/..%2F..%2F" + EVENT + ".yaml", "/webinars/no-such-event/materials/slides.pdf")) {
            HttpResponse<String> answer = send(path, "application/json");
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.headers().firstValue("Location")).as(path).isEmpty();
        }
        assertThat(send("/webinars/Not_An_Id/materials/slides.pdf", "application/json").statusCode()).isEqualTo(400);
    }

    @Test
    @Order(5)
    void aFileRemovedFromS3LeavesThePage() throws Exception {
        s3.deleteObject(delete -> delete.bucket(UPLOADS).key("webinars/" + EVENT + "/materials/Slides day 1.pdf"));
        stack.awaitIdle(Duration.ofSeconds(60));

        assertThat(page().select("section.materials li").eachText()).containsExactly("notes.docx (Word document, " + shown(NOTES.length) + ")");
        assertThat(send("/webinars/" + EVENT + "/materials/Slides%20day%201.pdf", "text/html").statusCode()).isEqualTo(404);
        assertThat(report("webinars/" + EVENT + "/materials/Slides day 1.pdf")).containsEntry("status", "REMOVED");

        s3.deleteObject(delete -> delete.bucket(UPLOADS).key("webinars/" + EVENT + "/materials/notes.docx"));
        stack.awaitIdle(Duration.ofSeconds(60));
        assertThat(page().select("section.materials")).isEmpty();
    }

    private static Document page() throws Exception {
        HttpResponse<String> page = send("/webinars/" + EVENT, "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        return Jsoup.parse(page.body());
    }

    private static HttpResponse<String> send(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(stack.httpEndpoint().orElseThrow().resolve(path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> report(String key) throws Exception {
        return JSON.std.mapFrom(s3.getObjectAsBytes(get -> get.bucket(UPLOADS).key("reports/" + key + ".json")).asUtf8String());
    }

    /** The samples are small: a size below a thousand bytes reads in bytes, a larger one in whole kilobytes. */
    private static String shown(int bytes) {
        return bytes < 1_000 ? bytes + " bytes" : Math.round(bytes / 1_000.0) + " kB";
    }
}
