package eu.s3cop.secretariat;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.stack.LocalCloud;
import eu.s3cop.stack.lambda.Invocation;
import eu.s3cop.testing.LocalAws;
import eu.s3cop.testing.ProjectFiles;
import eu.s3cop.webinar.model.Format;
import eu.s3cop.webinar.model.Venue;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** Webinar files uploaded through the S3 protocol are registered, versioned by SEQUENCE, and given a valid invite. */
@LocalAws
class RegisterWebinarIntegrationTest {

    private static LocalCloud stack;
    private static final List<Invocation> deliveries = new CopyOnWriteArrayList<>();
    private static S3Client s3;
    private static DynamoDbWebinarStore webinars;

    private static final String FILE = """
            title: "Green steel: what regions can do"
            working_group: industrial-transition
            starts: %s
            timezone: Europe/Brussels
            duration: PT1H
            description: A short webinar.
            speakers:
              - {name: Νίκος Παπαδόπουλος, role: Rapporteur}
            join_url: https://example.org/join/secret-room
            registration: {capacity: 2}
            status: %s
            """;

    @BeforeAll
    static void connect(LocalCloud localCloud) {
        stack = localCloud;
        stack.onInvocation(deliveries::add);
        s3 = stack.s3Client();
        webinars = new DynamoDbWebinarStore(stack.dynamoDbClient(), "s3cop-webinars");
    }

    @Test
    void theSampleWebinarIsRegisteredWithAValidPublicInvite() throws Exception {
        byte[] sample = Files.readAllBytes(ProjectFiles.root().resolve("events/webinars/bottlenecks-innovation-diffusion-2024.yaml"));
        upload("webinars/bottlenecks-innovation-diffusion-2024.yaml", sample);

        assertThat(report("webinars/bottlenecks-innovation-diffusion-2024.yaml")).containsEntry("status", "REGISTERED")
                .containsEntry("sequence", 0).containsEntry("invite", "/webinars/bottlenecks-innovation-diffusion-2024/invite.ics");
        String ics = invite("bottlenecks-innovation-diffusion-2024");
        VEvent event = event(ics);
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo("webinar-bottlenecks-innovation-diffusion-2024@s3cop.eu");
        assertThat(ics).contains("DTSTART:20240523T080000Z", "DTEND:20240523T093000Z", "SEQUENCE:0", "METHOD:PUBLISH", "DTSTAMP:");
        assertThat(ics.replace("\r\n ", "")).doesNotContain("example.org/join");
        assertThat(webinars.get("bottlenecks-innovation-diffusion-2024").orElseThrow().webinar().start())
                .isEqualTo(Instant.parse("2024-05-23T08:00:00Z"));
        assertThat(webinars.all()).extracting(stored -> stored.webinar().id()).contains("bottlenecks-innovation-diffusion-2024");
    }

    /**
     * The samples of events in a room are stored with their venue and agenda and read back whole;
     * and an event moved online loses them, as a save sets only the attributes it writes.
     */
    @Test
    void theSampleEventsInARoomKeepTheirVenueAndAgendaUntilMovedOnline() throws Exception {
        for (String id : List.of("s3-forum-2023", "s3-conference-2023")) {
            upload("webinars/" + id + ".yaml", Files.readAllBytes(ProjectFiles.event("webinars/" + id + ".yaml")), "REGISTERED");
        }
        Webinar forum = webinars.get("s3-forum-2023").orElseThrow().webinar();
        assertThat(forum.format()).isEqualTo(Format.IN_PERSON);
        assertThat(forum.venue()).isEqualTo(new Venue("Forum venue", "", "Barcelona", "ES"));
        assertThat(forum.agenda()).hasSize(5).first().isEqualTo(new Webinar.Session(LocalTime.of(9, 0), LocalTime.of(9, 30), "Welcome", List.of()));
        assertThat(forum.agenda().get(1).speakers()).containsExactly("European Commission");
        assertThat(invite("s3-forum-2023").replace("\r\n ", "")).contains("LOCATION:Forum venue\\, Barcelona\\, Spain");
        Webinar conference = webinars.get("s3-conference-2023").orElseThrow().webinar();
        assertThat(conference.format()).isEqualTo(Format.HYBRID);
        assertThat(conference.capacity()).isEqualTo(500);
        assertThat(conference.inPersonCapacity()).isEqualTo(150);

        upload("webinars/s3-forum-2023.yaml", ("title: S3 Forum 2023\nworking_group: industrial-transition\nstarts: 2023-11-28T09:00\n"
                + "timezone: Europe/Madrid\nduration: PT8H\n").getBytes(StandardCharsets.UTF_8), "UPDATED");
        Webinar online = webinars.get("s3-forum-2023").orElseThrow().webinar();
        assertThat(online.format()).isEqualTo(Format.ONLINE);
        assertThat(online.venue()).isNull();
        assertThat(online.agenda()).isEmpty();
        assertThat(invite("s3-forum-2023")).doesNotContain("LOCATION");
    }

    @Test
    void changesRaiseTheSequenceAndIdenticalUploadsChangeNothing() throws Exception {
        String key = "webinars/green-steel.yml";
        upload(key, String.format(FILE, "2024-11-21T10:00", "scheduled").getBytes(), "REGISTERED");
        assertThat(report(key)).containsEntry("sequence", 0);
        assertThat(invite("green-steel")).contains("DTSTART:20241121T090000Z", "SEQUENCE:0");

        upload(key, String.format(FILE, "2024-11-21T10:00", "scheduled").getBytes(), "UNCHANGED");
        assertThat(report(key)).containsEntry("status", "UNCHANGED").containsEntry("sequence", 0);

        upload(key, String.format(FILE, "2024-03-21T10:00", "scheduled").getBytes(), "UPDATED");
        assertThat(report(key)).containsEntry("sequence", 1);
        assertThat(invite("green-steel")).contains("DTSTART:20240321T090000Z", "SEQUENCE:1", "STATUS:CONFIRMED");

        upload(key, String.format(FILE, "2024-03-21T10:00", "cancelled").getBytes(), "UPDATED");
        assertThat(report(key)).containsEntry("sequence", 2).containsEntry("cancelled", true);
        assertThat(invite("green-steel")).contains("SEQUENCE:2", "STATUS:CANCELLED");
        event(invite("green-steel"));
    }

    /** Uploads and checks what its one delivery did, by its log line and its report. */
    private static void upload(String key, byte[] bytes, String expected) throws Exception {
        deliveries.clear();
        upload(key, bytes);
        assertThat(deliveries).as("deliveries of " + key).filteredOn(invocation -> invocation.trigger().endsWith("/" + key))
                .singleElement().satisfies(invocation -> assertThat(LoggedResults.of(invocation)).containsExactly(expected));
        assertThat(report(key)).containsEntry("status", expected);
    }

    @Test
    void aSecondDeliveryOfOneUploadReportsWhatTheFirstDidAndANewIdenticalUploadIsUnchanged() throws Exception {
        String key = "webinars/delivered-twice.yaml";
        byte[] file = String.format(FILE, "2024-10-10T10:00", "scheduled").getBytes();
        upload(key, file, "REGISTERED");
        Invocation first = deliveries.get(0);

        Invocation again = stack.invoke("register-secretariat-files", first.event());
        assertThat(LoggedResults.of(again)).containsExactly("REGISTERED");
        assertThat(report(key)).containsEntry("status", "REGISTERED").containsEntry("sequence", 0);

        upload(key, file, "UNCHANGED");
        assertThat(webinars.get("delivered-twice").orElseThrow().sequence()).isEqualTo(0);

        byte[] changed = String.format(FILE, "2024-10-11T10:00", "scheduled").getBytes();
        upload(key, changed, "UPDATED");
        Invocation update = deliveries.get(0);
        assertThat(LoggedResults.of(stack.invoke("register-secretariat-files", update.event()))).containsExactly("UPDATED");
        assertThat(report(key)).containsEntry("status", "UPDATED").containsEntry("sequence", 1);
        assertThat(webinars.get("delivered-twice").orElseThrow().sequence()).isEqualTo(1);
    }

    @Test
    void aBadWebinarFileIsRejectedWithItsLinesAndChangesNothing() throws Exception {
        String key = "webinars/broken-webinar.yaml";
        byte[] bad = "title: A webinar\nworking_group: blue-economy\nstarts: tomorrow\nduration: PT10H\njoin_url: http://x.org\n".getBytes();
        upload(key, bad);

        Map<String, Object> report = report(key);
        assertThat(report).containsEntry("status", "REJECTED");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> problems = (List<Map<String, Object>>) report.get("problems");
        assertThat(problems).extracting(problem -> problem.get("field") + ":" + problem.get("line"))
                .containsExactlyInAnyOrder("working_group:2", "starts:3", "duration:4", "join_url:5");
        assertThat(webinars.get("broken-webinar")).isEmpty();
        assertThat(s3.listObjectsV2(list -> list.bucket("s3cop-publications").prefix("webinars/broken-webinar")).contents()).isEmpty();
        assertThat(s3.getObjectAsBytes(get -> get.bucket("s3cop-uploads").key(key)).asByteArray()).isEqualTo(bad);
    }

    @Test
    void aWebinarFileNestedThousandsDeepOrWithAControlCharacterIsRejectedWithAReport() throws Exception {
        String sample = Files.readString(ProjectFiles.event("webinars/bottlenecks-innovation-diffusion-2024.yaml"));
        String deep = "webinars/deep-webinar.yaml";
        upload(deep, (sample + "speakers: " + "[".repeat(5000) + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(report(deep)).containsEntry("status", "REJECTED").extractingByKey("problems").asString().contains("nests lists or mappings");

        String control = "webinars/control-webinar.yaml";
        upload(control, sample.replace("title: \"Understanding", "title: \"Regions\\rSUMMARY:Fake. Understanding").getBytes(StandardCharsets.UTF_8));
        assertThat(report(control)).containsEntry("status", "REJECTED").extractingByKey("problems").asString().contains("U+000D");
        assertThat(webinars.get("deep-webinar")).isEmpty();
        assertThat(webinars.get("control-webinar")).isEmpty();
        assertThat(s3.listObjectsV2(list -> list.bucket("s3cop-publications").prefix("webinars/control-webinar")).contents()).isEmpty();
    }

    private static void upload(String key, byte[] bytes) {
        SecretariatFiles.upload(stack, s3, key, bytes);
    }

    private static Map<String, Object> report(String key) throws Exception {
        return SecretariatFiles.report(s3, key);
    }

    private static String invite(String id) {
        return SecretariatFiles.invite(stack, id);
    }

    private static VEvent event(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.validate().getEntries()).as("iCalendar validation").isEmpty();
        return calendar.<VEvent>getComponents("VEVENT").get(0);
    }
}
