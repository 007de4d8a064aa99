package eu.s3cop.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.stack.LocalCloud;
import eu.s3cop.stack.lambda.Invocation;
import eu.s3cop.testing.EventFiles;
import eu.s3cop.testing.LocalAws;
import eu.s3cop.webinar.model.Answers;
import eu.s3cop.webinar.model.Format;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.webinar.store.EmailClaims;
import eu.s3cop.webinar.store.Registrations;
import eu.s3cop.webinar.store.Suppressions;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import net.fortuna.ical4j.data.CalendarBuilder;
import org.junit.jupiter.api.Test;

/** The scheduler sends exactly the expected emails, once each, however its runs repeat or overlap. */
@LocalAws
class WebinarSchedulerIntegrationTest {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    static final LocalDateTime STARTS = LocalDateTime.parse("2024-11-21T10:00");
    static final Instant START = STARTS.atZone(BRUSSELS).toInstant();
    /** As the reader API confirms: kept 30 days (the template's default) after the 90-minute webinar ends. */
    static final Instant KEEP = START.plus(Duration.ofMinutes(90)).plus(Duration.ofDays(30));

    @Test
    void confirmationsChangesRemindersAndTheRecordingAreEachSentOnce(LocalCloud stack) throws Exception {
        DynamoDbWebinarStore store = new DynamoDbWebinarStore(stack.dynamoDbClient(), "s3cop-webinars");
        Registrations registrations = new Registrations(stack.dynamoDbClient(), "s3cop-webinars");
        EmailClaims claims = new EmailClaims(stack.dynamoDbClient(), "s3cop-webinars");
        store.save(webinar("green-steel", "First description.", "", false), "v1", Instant.parse("2024-11-01T00:00:00Z"));
        registered(registrations, claims, "green-steel", "Ana Novak", "ana@example.org", Instant.parse("2024-11-02T00:00:00Z"), KEEP);
        registered(registrations, claims, "green-steel", "Bogdan Ionescu", "bogdan@example.org", Instant.parse("2024-11-02T00:00:00Z"), KEEP);
        run(stack, START.minus(Duration.ofHours(30)));
        List<MimeMessage> confirmations = messages(stack, "Green steel");
        assertThat(confirmations).extracting(MimeMessage::getSubject).containsOnly("You are registered: Green steel")
                .hasSize(2);
        MimeMessage confirmation = confirmations.get(0);
        assertThat(body(confirmation)).contains("https://example.org/join/green-room", "Thursday 21 November 2024, 10:00 (Europe/Brussels",
                stack.httpEndpoint().orElseThrow() + "/webinars/green-steel/registrations/");
        String invite = calendar(confirmation);
        assertThat(new CalendarBuilder().build(new StringReader(invite)).validate().getEntries()).as("iCalendar validation").isEmpty();
        assertThat(invite).contains("METHOD:REQUEST", "SEQUENCE:0", "DTSTART:20241121T090000Z");
        run(stack, START.minus(Duration.ofHours(30)));
        assertThat(messages(stack, "Green steel")).hasSize(2);

        store.save(webinar("green-steel", "A new description.", "", false), "v2", Instant.parse("2024-11-20T00:00:00Z"));
        run(stack, START.minus(Duration.ofHours(29)));
        List<MimeMessage> changes = messages(stack, "Green steel").subList(2, 4);
        assertThat(changes).extracting(MimeMessage::getSubject).containsOnly("Changed: Green steel").hasSize(2);
        assertThat(calendar(changes.get(0))).contains("METHOD:REQUEST", "SEQUENCE:1");

        CompletableFuture<Invocation> first = CompletableFuture.supplyAsync(() -> stack.invoke("webinar-scheduler", event(START.minus(Duration.ofHours(20)))));
        CompletableFuture<Invocation> second = CompletableFuture.supplyAsync(() -> stack.invoke("webinar-scheduler", event(START.minus(Duration.ofHours(20)))));
        assertThat(first.get().succeeded()).as(String.valueOf(first.get().error())).isTrue();
        assertThat(second.get().succeeded()).as(String.valueOf(second.get().error())).isTrue();
        assertThat(messages(stack, "Green steel").subList(4, 6)).extracting(MimeMessage::getSubject).containsOnly("Reminder (tomorrow): Green steel").hasSize(2);

        run(stack, START.minus(Duration.ofMinutes(30)));
        run(stack, START.minus(Duration.ofMinutes(20)));
        assertThat(messages(stack, "Green steel").subList(6, 8)).extracting(MimeMessage::getSubject).containsOnly("Reminder (in one hour): Green steel").hasSize(2);

        store.save(webinar("green-steel", "A new description.", "https://example.org/recording/green", false), "v3", Instant.parse("2024-11-21T12:00:00Z"));
        run(stack, START.plus(Duration.ofHours(3)));
        run(stack, START.plus(Duration.ofHours(4)));
        List<MimeMessage> recordings = messages(stack, "Green steel").subList(8, 10);
        assertThat(recordings).extracting(MimeMessage::getSubject).containsOnly("Recording: Green steel").hasSize(2);
        assertThat(body(recordings.get(0))).contains("https://example.org/recording/green");
        assertThat(messages(stack, "Green steel")).hasSize(10);
    }

    @Test
    void aCancellationIsSentOnceWithMethodCancelToThoseWhoWereConfirmed(LocalCloud stack) throws Exception {
        DynamoDbWebinarStore store = new DynamoDbWebinarStore(stack.dynamoDbClient(), "s3cop-webinars");
        Registrations registrations = new Registrations(stack.dynamoDbClient(), "s3cop-webinars");
        EmailClaims claims = new EmailClaims(stack.dynamoDbClient(), "s3cop-webinars");
        store.save(webinar("cancelled-one", "About it.", "", false), "c1", Instant.parse("2024-11-01T00:00:00Z"));
        registered(registrations, claims, "cancelled-one", "Chiara Rossi", "chiara@example.org", Instant.parse("2024-11-02T00:00:00Z"), KEEP);
        run(stack, START.minus(Duration.ofDays(5)));
        assertThat(messages(stack, "Cancelled one")).extracting(MimeMessage::getSubject).containsExactly("You are registered: Cancelled one");

        store.save(webinar("cancelled-one", "About it.", "", true), "c2", Instant.parse("2024-11-10T00:00:00Z"));
        run(stack, START.minus(Duration.ofDays(4)));
        run(stack, START.minus(Duration.ofHours(20)));

        List<MimeMessage> cancellations = messages(stack, "Cancelled one").subList(1, messages(stack, "Cancelled one").size());
        assertThat(cancellations).extracting(MimeMessage::getSubject).containsExactly("Cancelled: Cancelled one");
        String cancel = calendar(cancellations.get(0));
        assertThat(new CalendarBuilder().build(new StringReader(cancel)).validate().getEntries()).as("iCalendar validation").isEmpty();
        assertThat(cancel).contains("METHOD:CANCEL", "STATUS:CANCELLED", "SEQUENCE:1");
    }

    @Test
    void registrantsNeverAppearOnTheCatalogueSite(LocalCloud stack) throws Exception {
        DynamoDbWebinarStore store = new DynamoDbWebinarStore(stack.dynamoDbClient(), "s3cop-webinars");
        Registrations registrations = new Registrations(stack.dynamoDbClient(), "s3cop-webinars");
        EmailClaims claims = new EmailClaims(stack.dynamoDbClient(), "s3cop-webinars");
        LocalDateTime soon = LocalDateTime.now(BRUSSELS).plusDays(3).withNano(0);
        store.save(new Webinar("privacy-check", "Privacy check", "innovation-diffusion", soon, BRUSSELS, Duration.ofHours(1), "",
                List.of(), Format.ONLINE, null, List.of(), "https://example.org/join/hidden-room", null, 0, 0, "", false), "p1", Instant.now());
        registered(registrations, claims, "privacy-check", "Dana Secret", "dana.secret@example.org", Instant.now(), KEEP);
        run(stack, Instant.now());
        // The pages follow the table through its stream, in refresh-catalogue.
        stack.awaitIdle(java.time.Duration.ofSeconds(30));

        try (var s3 = stack.s3Client()) {
            for (var object : s3.listObjectsV2(list -> list.bucket("s3cop-site")).contents()) {
                String content = s3.getObjectAsBytes(get -> get.bucket("s3cop-site").key(object.key())).asUtf8String();
                assertThat(content).as(object.key()).doesNotContain("dana.secret").doesNotContain("Dana Secret").doesNotContain("hidden-room");
            }
            assertThat(s3.getObjectAsBytes(get -> get.bucket("s3cop-site").key("index.html")).asUtf8String()).contains("Privacy check");
        }
    }

    @Test
    void aWebinarMovedLaterKeepsItsRegistrationsUntilThirtyDaysAfterItsNewEnd(LocalCloud stack) throws Exception {
        DynamoDbWebinarStore store = new DynamoDbWebinarStore(stack.dynamoDbClient(), "s3cop-webinars");
        Registrations registrations = new Registrations(stack.dynamoDbClient(), "s3cop-webinars");
        EmailClaims claims = new EmailClaims(stack.dynamoDbClient(), "s3cop-webinars");
        store.save(new Webinar("moved-later", "Moved later", "industrial-transition", STARTS, BRUSSELS, Duration.ofMinutes(90), "",
                List.of(), Format.ONLINE, null, List.of(), "", null, 0, 0, "", false), "m1", Instant.parse("2024-11-01T00:00:00Z"));
        registered(registrations, claims, "moved-later", "Ana Novak", "ana.moved@example.org", Instant.parse("2024-11-02T00:00:00Z"), KEEP);
        assertThat(registrations.expiries("moved-later", "ana.moved@example.org")).containsExactly(KEEP, KEEP);
        run(stack, START.minus(Duration.ofDays(6)));

        LocalDateTime later = STARTS.plusDays(14);
        store.save(new Webinar("moved-later", "Moved later", "industrial-transition", later, BRUSSELS, Duration.ofMinutes(90), "",
                List.of(), Format.ONLINE, null, List.of(), "", null, 0, 0, "", false), "m2", Instant.parse("2024-11-16T00:00:00Z"));
        run(stack, START.minus(Duration.ofDays(5)));
        Instant kept = later.atZone(BRUSSELS).toInstant().plus(Duration.ofMinutes(90)).plus(Duration.ofDays(30));
        assertThat(messages(stack, "Moved later")).extracting(MimeMessage::getSubject).contains("Changed: Moved later");
        assertThat(registrations.expiries("moved-later", "ana.moved@example.org")).as("the registration and its cancel token")
                .containsExactly(kept, kept);
    }

    @Test
    void aPendingRequestGetsItsLinkOnceAnHourAtMostAndNothingElseUntilConfirmed(LocalCloud stack) throws Exception {
        DynamoDbWebinarStore store = new DynamoDbWebinarStore(stack.dynamoDbClient(), "s3cop-webinars");
        Registrations registrations = new Registrations(stack.dynamoDbClient(), "s3cop-webinars");
        EmailClaims claims = new EmailClaims(stack.dynamoDbClient(), "s3cop-webinars");
        store.save(new Webinar("pending-only", "Pending only", "industrial-transition", STARTS, BRUSSELS, Duration.ofMinutes(90), "",
                List.of(), Format.ONLINE, null, List.of(), "https://example.org/join/pending-room", null, 0, 0, "", false), "q1", Instant.parse("2024-11-01T00:00:00Z"));
        Instant asked = START.minus(Duration.ofHours(30));
        assertThat(registrations.request("pending-only", "Mallory Phish", "victim@example.org", asked)).isEqualTo(Registrations.Request.NEW);
        run(stack, asked);
        run(stack, asked.plus(Duration.ofMinutes(5)));
        List<MimeMessage> links = messages(stack, "Pending only");
        assertThat(links).extracting(MimeMessage::getSubject).containsExactly("Confirm your registration: Pending only");
        String token = claims.registrants("pending-only", asked).get(0).token();
        assertThat(body(links.get(0))).startsWith("Hello,").doesNotContain("Mallory", "pending-room")
                .contains(stack.httpEndpoint().orElseThrow() + "/webinars/pending-only/registrations/" + token);
        assertThat(calendarParts(links.get(0))).as("no invite before the address's owner says yes").isZero();
        assertThat(links.get(0).getHeader("To", ",")).as("no name in the header either").isEqualTo("victim@example.org");

        assertThat(registrations.request("pending-only", "Mallory Phish", "victim@example.org", asked.plus(Duration.ofMinutes(30))))
                .as("asked again within the hour").isEqualTo(Registrations.Request.NOT_SENT);
        assertThat(registrations.request("pending-only", "Mallory Phish", "victim@example.org", asked.plus(Duration.ofMinutes(61))))
                .isEqualTo(Registrations.Request.RESENT);
        run(stack, asked.plus(Duration.ofMinutes(62)));
        // In the day-before window: a pending request gets no reminder.
        run(stack, START.minus(Duration.ofHours(20)));
        assertThat(messages(stack, "Pending only")).extracting(MimeMessage::getSubject)
                .containsExactly("Confirm your registration: Pending only", "Confirm your registration: Pending only");

        Instant expired = asked.plus(Registrations.PENDING_FOR).plus(Duration.ofHours(2));
        assertThat(claims.registrants("pending-only", expired)).as("expired a day after it was made").isEmpty();
        assertThat(registrations.confirm("pending-only", token, null, Answers.none(Format.ONLINE), expired, KEEP)).isEqualTo(new Registrations.Unknown());
        assertThat(store.get("pending-only").orElseThrow().registered()).as("a request never took a seat").isZero();
    }

    @Test
    void anAddressSesReportsAsBouncedForGoodIsNeverWrittenToAgain(LocalCloud stack) throws Exception {
        DynamoDbWebinarStore store = new DynamoDbWebinarStore(stack.dynamoDbClient(), "s3cop-webinars");
        Registrations registrations = new Registrations(stack.dynamoDbClient(), "s3cop-webinars");
        EmailClaims claims = new EmailClaims(stack.dynamoDbClient(), "s3cop-webinars");
        store.save(webinar("bounced-once", "First description.", "", false), "b1", Instant.parse("2024-11-01T00:00:00Z"));
        registered(registrations, claims, "bounced-once", "Ana Novak", "no-such-person@example.org", Instant.parse("2024-11-02T00:00:00Z"), KEEP);
        registered(registrations, claims, "bounced-once", "Bogdan Ionescu", "still-here@example.org", Instant.parse("2024-11-02T00:00:00Z"), KEEP);
        run(stack, START.minus(Duration.ofHours(30)));
        assertThat(messages(stack, "Bounced once")).hasSize(2);

        // SES's event, as EventBridge delivers it from events/webinar-scheduler/email-bounced.json.
        Invocation feedback = stack.invoke("webinar-scheduler", EventFiles.json("webinar-scheduler/email-bounced.json"));
        assertThat(feedback.succeeded()).as(String.valueOf(feedback.error())).isTrue();
        assertThat(String.join("\n", feedback.logLines())).contains("\"suppressed\":1").doesNotContain("no-such-person");
        Suppressions suppressions = new Suppressions(stack.dynamoDbClient(), "s3cop-webinars");
        assertThat(suppressions.suppressed("No-Such-Person+webinars@example.org", Instant.now())).as("the mailbox, however spelled").isTrue();
        assertThat(suppressions.suppressed("no-such-person@example.org", Instant.now().plus(Suppressions.KEPT_FOR).plusSeconds(60)))
                .as("for a year").isFalse();

        store.save(webinar("bounced-once", "A new description.", "", false), "b2", Instant.parse("2024-11-20T00:00:00Z"));
        run(stack, START.minus(Duration.ofHours(20)));
        assertThat(messages(stack, "Bounced once").subList(2, messages(stack, "Bounced once").size()))
                .allSatisfy(message -> assertThat(message.getHeader("To", ",")).contains("still-here@example.org"))
                .extracting(MimeMessage::getSubject).containsExactlyInAnyOrder("Changed: Bounced once", "Reminder (tomorrow): Bounced once");
        assertThat(registrations.request("bounced-once", "Ana Novak", "no-such-person@example.org", START.minus(Duration.ofHours(19))))
                .as("and no link is even written for it").isEqualTo(Registrations.Request.NOT_SENT);
    }

    /** Registers the address as the reader API does: a request, then a confirmation from its link. */
    static void registered(Registrations registrations, EmailClaims claims, String webinarId, String name, String email, Instant at, Instant keep) {
        assertThat(registrations.request(webinarId, name, email, at)).isEqualTo(Registrations.Request.NEW);
        String token = claims.registrants(webinarId, at).stream().filter(registrant -> registrant.email().equals(email))
                .findFirst().orElseThrow().token();
        assertThat(registrations.confirm(webinarId, token, null, Answers.none(Format.ONLINE), at, keep)).isEqualTo(new Registrations.Confirmed());
    }

    private static long calendarParts(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        long count = 0;
        for (int i = 0; i < parts.getCount(); i++) {
            count += parts.getBodyPart(i).getContentType().startsWith("text/calendar") ? 1 : 0;
        }
        return count;
    }

    private static Webinar webinar(String id, String description, String recording, boolean cancelled) {
        String title = switch (id) {
            case "green-steel" -> "Green steel";
            case "bounced-once" -> "Bounced once";
            default -> "Cancelled one";
        };
        return new Webinar(id, title, "industrial-transition", STARTS, BRUSSELS, Duration.ofMinutes(90), description,
                List.of(new Webinar.Speaker("Νίκος Παπαδόπουλος", "Rapporteur")), Format.ONLINE, null, List.of(), "https://example.org/join/green-room",
                null, 0, 0, recording, cancelled);
    }

    static void run(LocalCloud stack, Instant time) {
        Invocation invocation = stack.invoke("webinar-scheduler", event(time));
        assertThat(invocation.succeeded()).as(String.valueOf(invocation.error())).isTrue();
    }

    static String event(Instant time) {
        return "{\"version\":\"0\",\"id\":\"run-" + time.toEpochMilli() + "\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.scheduler\","
                + "\"time\":\"" + time + "\",\"resources\":[],\"detail\":{}}";
    }

    /** The outbox's messages about one webinar, in the order they were sent (the tests of this class share a stack). */
    static List<MimeMessage> messages(LocalCloud stack, String title) throws Exception {
        List<MimeMessage> messages = new ArrayList<>();
        for (Path file : stack.outboxMessages()) {
            try (InputStream in = Files.newInputStream(file)) {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                if (message.getSubject().endsWith(": " + title)) {
                    messages.add(message);
                }
            }
        }
        return messages;
    }

    private static String body(MimeMessage message) throws Exception {
        return String.valueOf(((Multipart) message.getContent()).getBodyPart(0).getContent());
    }

    private static String calendar(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getContentType().startsWith("text/calendar")) {
                try (InputStream in = part.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no calendar part in " + message.getSubject());
    }
}
