package eu.s3cop.scheduler;

import static eu.s3cop.scheduler.WebinarSchedulerIntegrationTest.BRUSSELS;
import static eu.s3cop.scheduler.WebinarSchedulerIntegrationTest.KEEP;
import static eu.s3cop.scheduler.WebinarSchedulerIntegrationTest.START;
import static eu.s3cop.scheduler.WebinarSchedulerIntegrationTest.STARTS;
import static eu.s3cop.scheduler.WebinarSchedulerIntegrationTest.messages;
import static eu.s3cop.scheduler.WebinarSchedulerIntegrationTest.registered;
import static eu.s3cop.scheduler.WebinarSchedulerIntegrationTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.stack.LocalCloud;
import eu.s3cop.testing.FaultInjector;
import eu.s3cop.testing.FaultInjector.When;
import eu.s3cop.testing.LocalAws;
import eu.s3cop.testing.SentEmails;
import eu.s3cop.webinar.model.Format;
import eu.s3cop.webinar.model.Notice;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.webinar.store.EmailClaims;
import eu.s3cop.webinar.store.Registrations;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Each kind of AWS call of sending at once what a confirmation makes due (through the table's
 * stream), and of a scheduler run, fails once (its first and second occurrence), before it is
 * sent, after it succeeded with its answer lost, and throttled; then the stream's retries and
 * the schedule run on. Whatever failed, every registrant ends with exactly one link, one
 * confirmation and one day-before reminder: no email is lost, none is sent twice. And SES
 * refusing one registrant's emails run after run stops no one else's, and is given up after
 * three attempts. Every registration comes from this machine's one address, so the bound per
 * client is lifted here.
 */
@LocalAws(parameters = "RegistrationRequestsPerClientPerMinute=1000")
class WebinarSchedulerFaultIntegrationTest {

    private static final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void disarm() {
        FaultInjector.disarm();
    }

    @Test
    void aFaultAtAnyCallLosesNoEmailAndSendsNoneTwice(LocalCloud stack) throws Exception {
        List<String> titles = new ArrayList<>();
        String rehearsal = webinarWithARequest(stack, 0, titles);
        FaultInjector.arm("webinar-scheduler", 0, When.BEFORE_SENDING);
        confirm(stack, 0, rehearsal);
        Map<String, Integer> atOnce = kinds();
        FaultInjector.arm("webinar-scheduler", 0, When.BEFORE_SENDING);
        remind(stack);
        Map<String, Integer> scheduled = kinds();
        assertThat(atOnce).containsKeys("SesV2.SendEmail", "DynamoDb.UpdateItem", "DynamoDb.GetItem");
        // Email and nothing else: the site is refresh-catalogue's.
        assertThat(scheduled).containsKeys("SesV2.SendEmail", "DynamoDb.UpdateItem", "DynamoDb.Query").doesNotContainKey("S3.PutObject");

        int scenarios = 0;
        for (boolean stream : List.of(true, false)) {
            for (Map.Entry<String, Integer> kind : (stream ? atOnce : scheduled).entrySet()) {
                // The new webinar's own writes (its state, then each email's claim) are where a lost answer hurts: target them.
                boolean ownWrites = kind.getKey().equals("DynamoDb.UpdateItem");
                for (int occurrence = 1; occurrence <= (ownWrites ? 3 : Math.min(2, kind.getValue())); occurrence++) {
                    for (When when : When.values()) {
                        int n = titles.size();
                        String token = webinarWithARequest(stack, n, titles);
                        if (stream) {
                            FaultInjector.arm("webinar-scheduler", kind.getKey(), ownWrites ? "fault-" + n : null, occurrence, when);
                            confirm(stack, n, token);
                        } else {
                            confirm(stack, n, token);
                            FaultInjector.arm("webinar-scheduler", kind.getKey(), ownWrites ? "fault-" + n : null, occurrence, when);
                            stack.invoke("webinar-scheduler", WebinarSchedulerIntegrationTest.event(Instant.now().plus(Duration.ofHours(10))));
                        }
                        FaultInjector.disarm();
                        remind(stack);
                        remind(stack);
                        scenarios++;
                    }
                }
            }
        }
        Map<String, Integer> sent = SentEmails.byRecipientAndSubject(stack);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            for (String subject : List.of("Confirm your registration: " + titles.get(i), "You are registered: " + titles.get(i),
                    "Reminder (tomorrow): " + titles.get(i))) {
                int count = sent.getOrDefault("person" + i + "@example.org | " + subject, 0);
                if (count != 1) {
                    wrong.add(subject + " reached person" + i + " " + count + " times");
                }
            }
        }
        System.out.printf("scheduler faults: %d scenarios over %s at once and %s scheduled, %d emails, %d wrong%n", scenarios,
                atOnce.keySet(), scheduled.keySet(), sent.values().stream().mapToInt(Integer::intValue).sum(), wrong.size());
        assertThat(wrong).isEmpty();
    }

    private static Map<String, Integer> kinds() {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        FaultInjector.operations().forEach(operation -> kinds.merge(operation, 1, Integer::sum));
        return kinds;
    }

    /** A scheduled run ten hours from now, when the webinars made here are due their day-before reminder. */
    private static void remind(LocalCloud stack) {
        run(stack, Instant.now().plus(Duration.ofHours(10)));
    }

    @Test
    void aSendThatFailsStopsNoOtherRegistrantsEmailAndIsGivenUpAfterThreeRuns(LocalCloud stack) throws Exception {
        DynamoDbWebinarStore store = new DynamoDbWebinarStore(stack.dynamoDbClient(), "s3cop-webinars");
        Registrations registrations = new Registrations(stack.dynamoDbClient(), "s3cop-webinars");
        EmailClaims claims = new EmailClaims(stack.dynamoDbClient(), "s3cop-webinars");
        store.save(new Webinar("failing-sends", "Failing sends", "industrial-transition", STARTS, BRUSSELS, Duration.ofMinutes(90), "",
                List.of(), Format.ONLINE, null, List.of(), "https://example.org/join/failing", null, 0, 0, "", false), "f1", Instant.parse("2024-11-01T00:00:00Z"));
        registered(registrations, claims, "failing-sends", "Ana Novak", "ana.unreachable@example.org", Instant.parse("2024-11-02T00:00:00Z"), KEEP);
        registered(registrations, claims, "failing-sends", "Bogdan Ionescu", "bogdan.reachable@example.org", Instant.parse("2024-11-02T00:00:00Z"), KEEP);
        try {
            for (int attempt = 1; attempt <= 3; attempt++) {
                // SES refuses the one address, each time: the run goes on and succeeds for the other.
                FaultInjector.arm("webinar-scheduler", "SesV2.SendEmail", "ana.unreachable@example.org", 1, When.BEFORE_SENDING);
                run(stack, START.minus(Duration.ofDays(5)));
                assertThat(claims.failedSends("failing-sends", "ana.unreachable@example.org", Notice.CONFIRMATION, 0)).isEqualTo(attempt);
            }
        } finally {
            FaultInjector.disarm();
        }
        run(stack, START.minus(Duration.ofDays(4)));
        List<MimeMessage> sent = messages(stack, "Failing sends");
        assertThat(sent).extracting(message -> message.getAllRecipients()[0].toString() + " | " + message.getSubject())
                .containsExactly("Bogdan Ionescu <bogdan.reachable@example.org> | You are registered: Failing sends");
        assertThat(claims.failedSends("failing-sends", "ana.unreachable@example.org", Notice.CONFIRMATION, 0))
                .as("given up after three attempts, and recorded").isEqualTo(3);
    }

    /**
     * A webinar in 30 hours and a registration request for it, whose link the stream has sent;
     * the token, from the store, as the emailed link carries it.
     */
    private static String webinarWithARequest(LocalCloud stack, int n, List<String> titles) throws Exception {
        String title = "Fault webinar " + n;
        titles.add(title);
        String starts = LocalDateTime.now(ZoneId.of("Europe/Brussels")).plusHours(30).truncatedTo(ChronoUnit.MINUTES).toString();
        try (var s3 = stack.s3Client()) {
            s3.putObject(put -> put.bucket("s3cop-uploads").key("webinars/fault-" + n + ".yaml"), RequestBody.fromString(
                    "title: " + title + "\nworking_group: innovation-diffusion\nstarts: " + starts + "\nduration: PT1H\n"
                            + "join_url: https://example.org/join/fault-" + n + "\n"));
        }
        stack.awaitIdle(Duration.ofSeconds(60));
        HttpResponse<String> requested = http.send(HttpRequest.newBuilder(URI.create(stack.httpEndpoint().orElseThrow() + "/webinars/fault-" + n
                        + "/registrations")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Fault Tester\", \"email\": \"person" + n + "@example.org\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        stack.awaitIdle(Duration.ofSeconds(60));
        return new EmailClaims(stack.dynamoDbClient(), "s3cop-webinars").registrants("fault-" + n, Instant.now()).get(0).token();
    }

    /** Confirms from the registration's page, and waits until the stream has brought what that makes due. */
    private static void confirm(LocalCloud stack, int n, String token) throws Exception {
        HttpResponse<String> confirmed = http.send(HttpRequest.newBuilder(URI.create(stack.httpEndpoint().orElseThrow() + "/webinars/fault-" + n
                        + "/registrations/" + token)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=confirm")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        stack.awaitIdle(Duration.ofSeconds(60));
    }
}
