package eu.s3cop.brief;

import static eu.s3cop.brief.Briefs.UPLOADS;
import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.publications.RecordedStatus;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.stack.lambda.Invocation;
import eu.s3cop.testing.HostilePngs;
import eu.s3cop.testing.LocalAws;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Every class of bad draft gets a REJECTED report that names the problem, and nothing else: no
 * PDF, no index entry, the function does not fail, and the upload is left exactly as it was.
 */
@LocalAws
class PublishBriefRejectionIntegrationTest {

    private static LocalCloud stack;
    private static Briefs briefs;
    private static S3Client s3;
    private static final List<Invocation> invocations = new CopyOnWriteArrayList<>();

    private static final String FRONT = "---\ntitle: A brief\ntype: policy-brief\nworking_group: innovation-diffusion\n"
            + "authors: [Test Author]\ndate: 2024-05-23\n---\n\n";

    @BeforeAll
    static void connect(LocalCloud localCloud) {
        stack = localCloud;
        briefs = new Briefs(stack);
        s3 = briefs.s3;
        stack.onInvocation(invocations::add);
    }

    static Stream<Arguments> badDrafts() {
        return Stream.of(
                bad("no-front-matter", () -> text("# A brief\n\nText.\n"), null, 1, "no front matter"),
                bad("malformed-yaml", () -> text(FRONT.replace("type: policy-brief", "type: [policy-brief") + "Text.\n"), null, 3, "not valid YAML"),
                bad("missing-field", () -> text(FRONT.replace("authors: [Test Author]\n", "") + "Text.\n"), "authors", 1, "missing"),
                bad("empty-field", () -> text(FRONT.replace("title: A brief", "title:") + "Text.\n"), "title", 2, "empty"),
                bad("unknown-type", () -> text(FRONT.replace("policy-brief", "white-paper") + "Text.\n"), "type", 3, "white-paper"),
                bad("unknown-working-group", () -> text(FRONT.replace("working_group: innovation-diffusion", "working_group: blue-economy") + "Text.\n"),
                        "working_group", 4, "blue-economy"),
                bad("invalid-date", () -> text(FRONT.replace("2024-05-23", "2024-02-30") + "Text.\n"), "date", 6, "not a real calendar date"),
                bad("Bad_Slug", () -> text(FRONT + "Text.\n"), null, 0, "slug"),
                bad("empty-file", () -> new byte[0], null, 0, "empty"),
                bad("over-the-limit", () -> text(FRONT + "word ".repeat(500_000)), null, 0, "limit"),
                bad("not-utf8", () -> (FRONT + "Région Île-de-France\n").getBytes(StandardCharsets.ISO_8859_1), null, 9, "not UTF-8"),
                bad("binary-renamed", PublishBriefRejectionIntegrationTest::png, null, 0, "binary"),
                bad("nested-lists", () -> text(FRONT + "- ".repeat(5000) + "deep\n"), null, 9, "nest"),
                bad("nested-quotes", () -> text(FRONT + "> ".repeat(5000) + "deep\n"), null, 9, "nest"),
                bad("wide-table", () -> text(FRONT + "|" + "c|".repeat(3000) + "\n|" + "-|".repeat(3000) + "\n"), null, 9, "3000 columns"),
                bad("megabyte-line", () -> text(FRONT + "x".repeat(1_500_000) + "\n"), null, 9, "characters long"),
                bad("deep-front-matter", () -> text(FRONT.replace("---\n\n", "keywords: " + "[".repeat(5000) + "\n---\n\n") + "Text.\n"),
                        null, 7, "nests lists or mappings"),
                bad("carriage-return-in-title", () -> text(FRONT.replace("title: A brief", "title: \"A brief\\rFrom: the secretariat\"") + "Text.\n"),
                        "title", 2, "U+000D"),
                bad("control-character-in-text", () -> text(FRONT + "A line that the feed would carry \u0001 as it is.\n"), null, 9, "U+0001"),
                bad("missing-image", () -> text(FRONT + "![Chart](figures/chart.png)\n"), null, 9, "was not found"),
                bad("malformed-image-path", () -> text(FRONT + "Text.\n\n![A chart](%zz.png)\n"), null, 11, "percent sign"),
                bad("image-path-ending-in-percent", () -> text(FRONT + "![A chart](chart%.png)\n"), null, 9, "percent sign"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDrafts")
    void aBadDraftIsRejectedWithAReportAndNothingElse(String slug, Supplier<byte[]> content, String field, int line, String message) {
        String key = "drafts/innovation-diffusion/" + slug + ".md";
        byte[] bytes = content.get();
        s3.putObject(put -> put.bucket(UPLOADS).key(key), RequestBody.fromBytes(bytes));
        String eTag = s3.headObject(head -> head.bucket(UPLOADS).key(key)).eTag();
        stack.awaitIdle(Briefs.SETTLE);

        // Delivery is at least once (a client may send a PUT again): every delivery must succeed.
        assertThat(invocations).filteredOn(invocation -> invocation.trigger().endsWith(key)).isNotEmpty()
                .allSatisfy(invocation -> assertThat(invocation.succeeded()).as(String.valueOf(invocation.error())).isTrue());
        Map<String, Object> report = briefs.report(key);
        assertThat(report).containsEntry("status", "REJECTED").containsEntry("upload", key);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> problems = (List<Map<String, Object>>) report.get("problems");
        assertThat(problems).anySatisfy(problem -> {
            assertThat((String) problem.get("message")).contains(message);
            if (field != null) {
                assertThat(problem.get("field")).isEqualTo(field);
            }
            if (line > 0) {
                assertThat(problem.get("line")).isEqualTo(line);
            }
        });

        assertThat(s3.getObjectAsBytes(get -> get.bucket(UPLOADS).key(key)).asByteArray()).as("the upload is unchanged").isEqualTo(bytes);
        assertThat(s3.headObject(head -> head.bucket(UPLOADS).key(key)).eTag()).isEqualTo(eTag);
        assertThat(briefs.keys(Briefs.PUBLICATIONS, "briefs/innovation-diffusion/" + slug)).isEmpty();
        assertThat(briefs.keys(Briefs.PUBLICATIONS, "previews/innovation-diffusion/" + slug)).isEmpty();
        assertThat(briefs.store.latestClaimed("innovation-diffusion/" + slug)).as("no version is claimed").isZero();
        assertThat(briefs.store.publication("innovation-diffusion/" + slug)).isEmpty();
        RecordedStatus status = briefs.statuses.uploadStatus(UPLOADS, key).orElseThrow();
        assertThat(status.status().status()).isEqualTo("REJECTED");
        // Operators' bookkeeping expires through the table's time to live; the report next to the upload stays.
        assertThat(status.expiresAt()).isBetween(java.time.Instant.now().plus(java.time.Duration.ofDays(89)),
                java.time.Instant.now().plus(java.time.Duration.ofDays(91)));
    }

    @Test
    void anImageClaimingBillionsOfBytesOfPixelsIsRejectedAtItsLineWithoutBeingDecoded() {
        String folder = "drafts/innovation-diffusion/";
        byte[] huge = HostilePngs.claiming(16_000, 16_000, true);
        s3.putObject(put -> put.bucket(UPLOADS).key(folder + "figures/huge.png"), RequestBody.fromBytes(huge));
        String key = folder + "huge-figure.md";
        briefs.upload(key, text(FRONT + "Text.\n\n![Regional adoption](figures/huge.png)\n"));

        assertThat(invocations).filteredOn(invocation -> invocation.trigger().endsWith(key)).isNotEmpty()
                .allSatisfy(invocation -> assertThat(invocation.succeeded()).as(String.valueOf(invocation.error())).isTrue());
        Map<String, Object> report = briefs.report(key);
        assertThat(report).containsEntry("status", "REJECTED");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> problems = (List<Map<String, Object>>) report.get("problems");
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.get("line")).isEqualTo(11);
            assertThat((String) problem.get("message")).contains("16000 x 16000 pixels");
        });
        assertThat(briefs.keys(Briefs.PUBLICATIONS, "briefs/innovation-diffusion/huge-figure")).isEmpty();
        assertThat(s3.getObjectAsBytes(get -> get.bucket(UPLOADS).key(folder + "figures/huge.png")).asByteArray()).isEqualTo(huge);
    }

    @Test
    void everyProblemOfADraftIsReportedAtOnce() {
        String key = "drafts/innovation-diffusion/many-problems.md";
        briefs.upload(key, text("---\ntitle:\ntype: white-paper\nworking_group: blue-economy\ndate: 23/05/2024\n---\n\nText.\n"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> problems = (List<Map<String, Object>>) briefs.report(key).get("problems");
        assertThat(problems).extracting(problem -> problem.get("field")).containsExactlyInAnyOrder("title", "type", "working_group", "authors", "date");
    }

    @Test
    void aDraftPublishesOnlyFromTheFolderOfTheGroupItNames() {
        String own = "drafts/innovation-diffusion/folder-authority.md";
        briefs.upload(own, text(FRONT.replace("A brief", "The group's own brief") + "The group's text.\n"));
        assertThat(briefs.versions("innovation-diffusion/folder-authority")).containsExactly(1);

        byte[] forged = text(FRONT.replace("A brief", "Replaced") + "Someone else's text.\n");
        Map<String, String> answers = Map.of(
                "drafts/mallory/folder-authority.md", "outside innovation-diffusion's folder",
                "drafts/folder-authority.md", "outside innovation-diffusion's folder",
                "drafts/innovation-diffusion/old/folder-authority.md", "outside innovation-diffusion's folder",
                "drafts/industrial-transition/folder-authority.md", "in industrial-transition's folder");
        answers.forEach((key, where) -> {
            briefs.upload(key, forged);
            Map<String, Object> report = briefs.report(key);
            assertThat(report).as(key).containsEntry("status", "REJECTED");
            assertThat(report.get("problems")).as(key).asList().singleElement().asString()
                    .contains("field=working_group", "line=4", where, "upload it as " + own);
            assertThat(s3.getObjectAsBytes(get -> get.bucket(UPLOADS).key(key)).asByteArray()).isEqualTo(forged);
        });

        assertThat(briefs.versions("innovation-diffusion/folder-authority")).containsExactly(1);
        assertThat(briefs.versions("industrial-transition/folder-authority")).isEmpty();
        assertThat(Briefs.text(briefs.object(Briefs.PUBLICATIONS, "briefs/innovation-diffusion/folder-authority/v1.pdf")))
                .contains("The group’s text.").doesNotContain("Someone else’s text.");
    }

    @Test
    void aDraftOutsideEveryGroupsFolderIsToldWhereDraftsGoEvenWhenItNamesNoGroup() {
        String key = "drafts/mallory/no-group.md";
        briefs.upload(key, text("# A brief\n\nNo front matter.\n"));
        assertThat(briefs.report(key).get("problems")).asList().extracting(problem -> ((Map<?, ?>) problem).get("message")).asString()
                .contains("no front matter", "not in a working group's folder",
                        "drafts/<working_group>/<slug>.md, where <working_group> is one of: industrial-transition, innovation-diffusion,"
                                + " interregional-cooperation");
    }

    @Test
    void theReportIsSafeToShowInABrowser() {
        String key = "drafts/innovation-diffusion/hostile-values.md";
        briefs.upload(key, text(FRONT.replace("type: policy-brief", "type: \"<script>alert('x')</script>\"") + "Text.\n"));
        String report = new String(briefs.object(UPLOADS, "reports/" + key + ".json"), StandardCharsets.UTF_8);
        assertThat(report).contains("\\u003Cscript\\u003E").doesNotContain("<").doesNotContain(">").doesNotContain("'");
    }

    private static Arguments bad(String slug, Supplier<byte[]> content, String field, int line, String message) {
        return Arguments.of(slug, content, field, line, message);
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] png() {
        byte[] png = new byte[4096];
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(header, 0, png, 0, header.length);
        Arrays.fill(png, header.length, png.length, (byte) 7);
        return png;
    }
}
