package eu.s3cop.secretariat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.stack.lambda.Invocation;
import eu.s3cop.testing.FaultInjector;
import eu.s3cop.testing.FaultInjector.When;
import eu.s3cop.testing.LocalAws;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.webinar.store.StoredWebinar;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Every AWS call of registering a new webinar, and of updating one, fails once, in turn:
 * before it is sent, after it succeeded with its answer lost, and throttled. Lambda's retry
 * then runs. After each scenario the upload is untouched, the webinar is stored once at the
 * right SEQUENCE (an update raises it by exactly one), its invite and the catalogue show it,
 * and the report says what happened: REGISTERED or UPDATED, never UNCHANGED.
 */
@LocalAws
class RegisterWebinarFaultIntegrationTest {

    private static final String UPLOADS = "s3cop-uploads";
    private static final String FILE = """
            title: "%s"
            working_group: industrial-transition
            starts: %s
            timezone: Europe/Brussels
            duration: PT1H
            description: Registered while its calls fail.
            speakers:
              - {name: Ana Novak, role: Rapporteur}
            join_url: https://example.org/join/fault-room
            registration: {capacity: 20}
            """;

    private static LocalCloud stack;
    private static S3Client s3;
    private static DynamoDbWebinarStore webinars;
    private static final List<Invocation> invocations = new CopyOnWriteArrayList<>();

    /** A webinar file's upload, what it should make of the webinar, and what its report should say. */
    private record Expected(String id, String title, String dtStart, int sequence, String status) {
    }

    @BeforeAll
    static void connect(LocalCloud localCloud) {
        stack = localCloud;
        s3 = stack.s3Client();
        webinars = new DynamoDbWebinarStore(stack.dynamoDbClient(), stack.environment("register-secretariat-files").get("WEBINARS_TABLE"));
        stack.onInvocation(invocations::add);
    }

    @AfterEach
    void disarm() {
        FaultInjector.disarm();
    }

    @Test
    void aFaultAtAnyStepOfRegisteringOrUpdatingIsMadeGoodByTheRetry() throws Exception {
        List<String> registering = rehearse("rehearsal-new", false);
        List<String> updating = rehearse("rehearsal-update", true);
        assertThat(registering).as("the calls of a registration")
                .contains("S3.GetObject", "DynamoDb.GetItem", "DynamoDb.PutItem", "S3.PutObject").doesNotContain("DynamoDb.Query");
        assertThat(updating).as("the calls of an update").contains("DynamoDb.UpdateItem");

        List<String> problems = new ArrayList<>();
        int scenarios = 0;
        for (boolean update : new boolean[] {false, true}) {
            List<String> steps = update ? updating : registering;
            for (int step = 1; step <= steps.size(); step++) {
                for (When when : When.values()) {
                    String id = "fault-" + (update ? "update-" : "new-") + step + "-" + when.name().toLowerCase().replace('_', '-');
                    String scenario = (update ? "updating: " : "registering: ") + steps.get(step - 1) + " (call " + step + ") " + when;
                    Expected expected = prepare(id, update);
                    byte[] file = file(expected);
                    invocations.clear();
                    FaultInjector.arm("register-secretariat-files", step, when);
                    upload(id, file);
                    FaultInjector.disarm();
                    problems.addAll(check(scenario, expected, file));
                    scenarios++;
                }
            }
        }
        System.out.printf("webinar registration faults: %d scenarios (%d calls to register, %d to update, each failing %s), %d problems%n",
                scenarios, registering.size(), updating.size(), Arrays.toString(When.values()), problems.size());
        assertThat(problems).isEmpty();
    }

    /** Registers (or registers, then updates) a webinar with the injector counting, and lists the calls of the last upload. */
    private static List<String> rehearse(String id, boolean update) {
        Expected expected = prepare(id, update);
        FaultInjector.arm("register-secretariat-files", 0, When.BEFORE_SENDING);
        upload(id, file(expected));
        return FaultInjector.operations();
    }

    /** For an update, registers the webinar's first version without faults, so the next upload changes it. */
    private static Expected prepare(String id, boolean update) {
        if (update) {
            upload(id, file(new Expected(id, "First version of " + id, "2031-03-20T10:00", 0, "REGISTERED")));
            return new Expected(id, "Moved: " + id, "2031-03-27T10:00", 1, "UPDATED");
        }
        return new Expected(id, "Webinar " + id, "2031-03-20T10:00", 0, "REGISTERED");
    }

    private static byte[] file(Expected expected) {
        return String.format(FILE, expected.title(), expected.dtStart()).getBytes(StandardCharsets.UTF_8);
    }

    private static void upload(String id, byte[] file) {
        s3.putObject(put -> put.bucket(UPLOADS).key(key(id)), RequestBody.fromBytes(file));
        stack.awaitIdle(Duration.ofSeconds(60));
    }

    private static String key(String id) {
        return "webinars/" + id + ".yaml";
    }

    private List<String> check(String scenario, Expected expected, byte[] file) throws Exception {
        List<String> problems = new ArrayList<>();
        String key = key(expected.id());
        problems.addAll(FaultInjector.deliveryProblems(scenario, invocations, key));
        if (!Arrays.equals(s3.getObjectAsBytes(get -> get.bucket(UPLOADS).key(key)).asByteArray(), file)) {
            problems.add(scenario + ": the upload changed");
        }
        Optional<StoredWebinar> stored = webinars.get(expected.id());
        if (stored.isEmpty() || stored.get().sequence() != expected.sequence()) {
            problems.add(scenario + ": stored at SEQUENCE " + stored.map(webinar -> String.valueOf(webinar.sequence())).orElse("none")
                    + ", not " + expected.sequence());
        } else if (!expected.title().equals(stored.get().webinar().title())) {
            problems.add(scenario + ": stored with the title " + stored.get().webinar().title());
        }
        String invite = SecretariatFiles.invite(stack, expected.id());
        if (!invite.contains("SEQUENCE:" + expected.sequence()) || !invite.contains("DTSTART:" + utc(expected.dtStart()))) {
            problems.add(scenario + ": the invite is not the webinar's: " + invite.lines().filter(line -> line.startsWith("DTSTART") || line.startsWith("SEQUENCE")).toList());
        }
        String index = object(stack.bucket("SiteBucket"), "index.html");
        if (!index.contains(expected.title())) {
            problems.add(scenario + ": the catalogue does not list the webinar");
        }
        String reportJson = object(UPLOADS, "reports/" + key + ".json");
        Map<String, Object> report = reportJson.isEmpty() ? Map.of() : JSON.std.mapFrom(reportJson);
        if (!expected.status().equals(report.get("status")) || !Integer.valueOf(expected.sequence()).equals(report.get("sequence"))) {
            problems.add(scenario + ": the report says " + reportJson);
        }
        return problems;
    }

    /** A Brussels wall-clock time as the invite's UTC DTSTART. */
    private static String utc(String local) {
        return DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
                .format(LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Brussels")).withZoneSameInstant(ZoneOffset.UTC));
    }

    private static String object(String bucket, String key) {
        try {
            return s3.getObjectAsBytes(get -> get.bucket(bucket).key(key)).asUtf8String();
        } catch (NoSuchKeyException e) {
            return "";
        }
    }
}
