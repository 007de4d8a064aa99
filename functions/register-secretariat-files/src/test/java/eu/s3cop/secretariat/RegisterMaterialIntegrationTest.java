package eu.s3cop.secretariat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import eu.s3cop.stack.LocalCloud;
import eu.s3cop.stack.StackSettings;
import eu.s3cop.stack.lambda.Events;
import eu.s3cop.stack.lambda.Invocation;
import eu.s3cop.stack.s3.ObjectCreated;
import eu.s3cop.testing.LocalAws;
import eu.s3cop.testing.SampleMaterials;
import eu.s3cop.webinar.model.Material;
import eu.s3cop.webinar.model.MaterialKind;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.webinar.store.StoredWebinar;
import eu.s3cop.webinar.store.WebinarMaterials;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Materials uploaded through the S3 protocol are checked, listed on their event and reported on;
 * a file that cannot be listed gets a report that says why; removing a file takes it off; and
 * repeated or late events never bring back a file that is gone nor take off one that is there.
 */
@LocalAws
class RegisterMaterialIntegrationTest {

    private static final String FILE = """
            title: "Smart specialisation in practice"
            working_group: interregional-cooperation
            starts: 2024-06-12T14:00
            timezone: Europe/Brussels
            duration: PT2H
            """;

    private static LocalCloud stack;
    private static S3Client s3;
    private static DynamoDbWebinarStore webinars;
    private static WebinarMaterials materials;
    private static final List<Invocation> deliveries = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void connect(LocalCloud localCloud) {
        stack = localCloud;
        stack.onInvocation(deliveries::add);
        s3 = stack.s3Client();
        String table = stack.environment("register-secretariat-files").get("WEBINARS_TABLE");
        webinars = new DynamoDbWebinarStore(stack.dynamoDbClient(), table);
        materials = new WebinarMaterials(stack.dynamoDbClient(), table);
    }

    /** Registers the event's webinar file, which its materials need first. */
    private static void event(String id) throws Exception {
        upload("webinars/" + id + ".yaml", FILE.getBytes(StandardCharsets.UTF_8), "REGISTERED");
    }

    @Test
    void aMaterialOfEachKindIsListedOnItsEventWithItsKindAndSize() throws Exception {
        event("each-kind");
        byte[] pdf = SampleMaterials.pdf("Slides of the day");
        byte[] docx = SampleMaterials.docx("Notes of the day");
        byte[] odp = SampleMaterials.openDocument("application/vnd.oasis.opendocument.presentation", "Keynote");
        upload("webinars/each-kind/materials/Slides day 1.pdf", pdf, "LISTED");
        upload("webinars/each-kind/materials/notes.docx", docx, "LISTED");
        upload("webinars/each-kind/materials/keynote.odp", odp, "LISTED");

        assertThat(report("webinars/each-kind/materials/Slides day 1.pdf")).containsEntry("webinar", "each-kind")
                .containsEntry("name", "Slides day 1.pdf").containsEntry("kind", "pdf").containsEntry("size", pdf.length)
                .containsEntry("page", "/webinars/each-kind").containsEntry("download", "/webinars/each-kind/materials/Slides%20day%201.pdf");
        StoredWebinar stored = webinars.get("each-kind").orElseThrow();
        assertThat(stored.materials()).extracting(Material::name, Material::kind, Material::size).containsExactly(
                tuple("keynote.odp", MaterialKind.ODP, (long) odp.length),
                tuple("notes.docx", MaterialKind.DOCX, (long) docx.length),
                tuple("Slides day 1.pdf", MaterialKind.PDF, (long) pdf.length));
        assertThat(stored.materials()).allSatisfy(material -> assertThat(material.uploadedAt()).isBefore(Instant.now().plusSeconds(1)));
    }

    @Test
    void aFileThatCannotBeListedGetsAReportThatSaysWhatIsWrongAndWhatToDo() throws Exception {
        event("refusals");
        upload("webinars/refusals/materials/setup.exe", "MZ".getBytes(StandardCharsets.US_ASCII), "REJECTED");
        upload("webinars/refusals/materials/slides.pptx", SampleMaterials.pdf("Not a deck"), "REJECTED");
        upload("webinars/no-such-event/materials/slides.pdf", SampleMaterials.pdf("Orphan"), "REJECTED");

        assertThat(problems("webinars/refusals/materials/setup.exe")).singleElement().asString()
                .contains("'setup.exe' is not a kind of file an event lists", ".pdf");
        assertThat(problems("webinars/refusals/materials/slides.pptx")).singleElement().asString()
                .contains("'slides.pptx' ends in .pptx but its content is a PDF", "rename it with the extension .pdf");
        assertThat(problems("webinars/no-such-event/materials/slides.pdf")).singleElement().asString()
                .contains("there is no event 'no-such-event'", "webinars/no-such-event.yaml, first");
        assertThat(webinars.get("refusals").orElseThrow().materials()).isEmpty();
        assertThat(webinars.get("no-such-event")).isEmpty();
    }

    @Test
    void aFileOfFiftyMegabytesAndOneByteIsRejectedForItsSize() throws Exception {
        event("too-large");
        byte[] large = new byte[(int) MaterialReader.MAX_BYTES + 1];
        byte[] pdf = SampleMaterials.pdf("Large");
        System.arraycopy(pdf, 0, large, 0, pdf.length);
        upload("webinars/too-large/materials/recording.pdf", large, "REJECTED");

        assertThat(problems("webinars/too-large/materials/recording.pdf")).singleElement().asString()
                .contains("'recording.pdf' is 50,000,001 bytes", "at most 50 MB");
        assertThat(webinars.get("too-large").orElseThrow().materials()).isEmpty();
    }

    @Test
    void removingAFileTakesItOffItsEventAndAReplacementThatCannotBeListedTakesTheOldOneOff() throws Exception {
        event("removals");
        upload("webinars/removals/materials/slides.pdf", SampleMaterials.pdf("Slides"), "LISTED");
        upload("webinars/removals/materials/notes.docx", SampleMaterials.docx("Notes"), "LISTED");

        remove("webinars/removals/materials/slides.pdf", "REMOVED");
        assertThat(report("webinars/removals/materials/slides.pdf")).containsEntry("status", "REMOVED").containsEntry("webinar", "removals");
        assertThat(webinars.get("removals").orElseThrow().materials()).extracting(Material::name).containsExactly("notes.docx");

        // Its download would now fetch the replacement, which is no Word document.
        upload("webinars/removals/materials/notes.docx", "Plain text now".getBytes(StandardCharsets.UTF_8), "REJECTED");
        assertThat(webinars.get("removals").orElseThrow().materials()).isEmpty();
    }

    @Test
    void aSecondDeliveryOfAnUploadListsItOnceAndAReplacementUpdatesItsEntry() throws Exception {
        event("delivered-twice");
        Invocation first = upload("webinars/delivered-twice/materials/slides.pdf", SampleMaterials.pdf("First"), "LISTED");
        assertThat(LoggedResults.of(stack.invoke("register-secretariat-files", first.event()))).containsExactly("LISTED");
        assertThat(webinars.get("delivered-twice").orElseThrow().materials()).singleElement()
                .satisfies(material -> assertThat(material.size()).isEqualTo(SampleMaterials.pdf("First").length));

        byte[] longer = SampleMaterials.pdf("A second and longer version");
        upload("webinars/delivered-twice/materials/slides.pdf", longer, "LISTED");
        assertThat(webinars.get("delivered-twice").orElseThrow().materials()).singleElement()
                .satisfies(material -> assertThat(material.size()).isEqualTo(longer.length));
        // The first upload's event, delivered late, finds a newer file there and changes nothing.
        assertThat(LoggedResults.of(stack.invoke("register-secretariat-files", first.event()))).containsExactly("SUPERSEDED");
        assertThat(webinars.get("delivered-twice").orElseThrow().materials()).singleElement()
                .satisfies(material -> assertThat(material.size()).isEqualTo(longer.length));
    }

    @Test
    void anUploadsEventDeliveredAfterItsRemovalListsNothingAndALateRemovalLeavesANewerUpload() throws Exception {
        event("out-of-order");
        String key = "webinars/out-of-order/materials/slides.pdf";
        Invocation uploaded = upload(key, SampleMaterials.pdf("Slides"), "LISTED");
        Invocation removed = remove(key, "REMOVED");

        assertThat(LoggedResults.of(stack.invoke("register-secretariat-files", uploaded.event()))).containsExactly("SUPERSEDED");
        assertThat(webinars.get("out-of-order").orElseThrow().materials()).isEmpty();

        upload(key, SampleMaterials.pdf("Slides again"), "LISTED");
        assertThat(LoggedResults.of(stack.invoke("register-secretariat-files", removed.event()))).containsExactly("UNCHANGED");
        assertThat(webinars.get("out-of-order").orElseThrow().materials()).extracting(Material::name).containsExactly("slides.pdf");
    }

    /** What the store decides when the S3 checks cannot: which of two events on one name came last. */
    @Test
    void theStoreKeepsTheLatestUploadOfANameWhateverOrderItsEventsComeIn() throws Exception {
        event("sequenced");
        Material first = new Material("slides.pdf", MaterialKind.PDF, 100, Instant.parse("2024-06-01T10:00:00Z"));
        Material second = new Material("slides.pdf", MaterialKind.PDF, 200, Instant.parse("2024-06-01T10:05:00Z"));

        assertThat(materials.list("sequenced", second, "etag-2", "", "00660A")).isEqualTo(WebinarMaterials.Listing.LISTED);
        assertThat(materials.list("sequenced", first, "etag-1", "", "006609")).isEqualTo(WebinarMaterials.Listing.SUPERSEDED);
        assertThat(materials.list("sequenced", second, "etag-2", "", "00660A")).isEqualTo(WebinarMaterials.Listing.LISTED);
        assertThat(webinars.get("sequenced").orElseThrow().materials()).containsExactly(second);

        // A removal older than the listed upload leaves it; a later one takes it off, once.
        assertThat(materials.unlist("sequenced", "slides.pdf", "006609")).isFalse();
        assertThat(webinars.get("sequenced").orElseThrow().materials()).containsExactly(second);
        assertThat(materials.unlist("sequenced", "slides.pdf", "66610")).isTrue();
        assertThat(materials.unlist("sequenced", "slides.pdf", "66610")).isFalse();
        assertThat(webinars.get("sequenced").orElseThrow().materials()).isEmpty();
        assertThat(materials.list("missing-event", first, "etag-1", "", "1")).isEqualTo(WebinarMaterials.Listing.NO_WEBINAR);
        assertThat(webinars.get("missing-event")).isEmpty();
    }

    @Test
    void anEventListsFiftyMaterialsAndStillTakesAReplacementOfOne() throws Exception {
        event("fifty");
        for (int i = 1; i <= WebinarMaterials.MAX_PER_WEBINAR; i++) {
            Material material = new Material("part " + i + ".pdf", MaterialKind.PDF, i, Instant.EPOCH);
            assertThat(materials.list("fifty", material, "e" + i, "", Integer.toHexString(i))).isEqualTo(WebinarMaterials.Listing.LISTED);
        }
        Material another = new Material("part 51.pdf", MaterialKind.PDF, 51, Instant.EPOCH);
        assertThat(materials.list("fifty", another, "e51", "", "FF")).isEqualTo(WebinarMaterials.Listing.FULL);
        Material replaced = new Material("part 1.pdf", MaterialKind.PDF, 1_000, Instant.EPOCH);
        assertThat(materials.list("fifty", replaced, "e1b", "", "FF")).isEqualTo(WebinarMaterials.Listing.LISTED);
        assertThat(webinars.get("fifty").orElseThrow().materials()).hasSize(WebinarMaterials.MAX_PER_WEBINAR).contains(replaced);

        upload("webinars/fifty/materials/part 51.pdf", SampleMaterials.pdf("One too many"), "REJECTED");
        assertThat(problems("webinars/fifty/materials/part 51.pdf")).singleElement().asString()
                .contains("lists 50 materials already", "remove one from webinars/fifty/materials/");
    }

    /** The webinar's file and its materials are written apart: a changed file keeps them, and they never change its SEQUENCE. */
    @Test
    void aChangedWebinarFileKeepsItsMaterialsAndMaterialsDoNotRaiseItsSequence() throws Exception {
        event("kept");
        upload("webinars/kept/materials/slides.pdf", SampleMaterials.pdf("Slides"), "LISTED");
        assertThat(webinars.get("kept").orElseThrow().sequence()).isZero();

        upload("webinars/kept.yaml", FILE.replace("PT2H", "PT3H").getBytes(StandardCharsets.UTF_8), "UPDATED");
        StoredWebinar stored = webinars.get("kept").orElseThrow();
        assertThat(stored.sequence()).isEqualTo(1);
        assertThat(stored.webinar().duration()).hasHours(3);
        assertThat(stored.materials()).extracting(Material::name).containsExactly("slides.pdf");
        assertThat(report("webinars/kept.yaml")).containsEntry("status", "UPDATED");
    }

    /** The S3 console and desktop clients make a folder as an empty object whose key ends in "/": no file, and no report. */
    @Test
    void aFolderIsNoFile() throws Exception {
        event("folders");
        for (String folder : List.of("webinars/folders/materials/", "webinars/folders/")) {
            Invocation invocation = stack.invoke("register-secretariat-files", Events.s3(new ObjectCreated("s3cop-uploads", folder, 0,
                    "d41d8cd98f00b204e9800998ecf8427e", "ObjectCreated:Put", Instant.now()), StackSettings.REGION));
            assertThat(LoggedResults.of(invocation)).as(folder).containsExactly("IGNORED");
        }
        assertThat(s3.listObjectsV2(list -> list.bucket("s3cop-uploads").prefix("reports/webinars/folders/")).contents()).isEmpty();
    }

    /** Uploads and checks what its one delivery did, by its log line and its report; returns that delivery. */
    private static Invocation upload(String key, byte[] bytes, String expected) throws Exception {
        deliveries.clear();
        SecretariatFiles.upload(stack, s3, key, bytes);
        Invocation delivery = delivery(key);
        assertThat(LoggedResults.of(delivery)).as(key).containsExactly(expected);
        assertThat(report(key)).containsEntry("status", expected);
        return delivery;
    }

    private static Invocation remove(String key, String expected) throws Exception {
        deliveries.clear();
        s3.deleteObject(delete -> delete.bucket("s3cop-uploads").key(key));
        stack.awaitIdle(Duration.ofSeconds(60));
        Invocation delivery = delivery(key);
        assertThat(delivery.event()).contains("ObjectRemoved:Delete");
        assertThat(LoggedResults.of(delivery)).as("removal of " + key).containsExactly(expected);
        return delivery;
    }

    /** The one delivery of the key's event since the last upload or removal (refresh-catalogue's, from the stream, aside). */
    private static Invocation delivery(String key) {
        List<Invocation> ofKey = deliveries.stream().filter(invocation -> invocation.function().equals("register-secretariat-files")
                && invocation.trigger().endsWith("/" + key)).toList();
        assertThat(ofKey).as("deliveries of " + key).hasSize(1);
        return ofKey.get(0);
    }

    private static Map<String, Object> report(String key) throws Exception {
        return SecretariatFiles.report(s3, key);
    }

    @SuppressWarnings("unchecked")
    private static List<String> problems(String key) throws Exception {
        Map<String, Object> report = report(key);
        assertThat(report).containsEntry("status", "REJECTED");
        return ((List<Map<String, Object>>) report.get("problems")).stream().map(problem -> String.valueOf(problem.get("message"))).toList();
    }
}
