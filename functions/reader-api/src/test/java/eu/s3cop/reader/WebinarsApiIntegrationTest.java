package eu.s3cop.reader;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.testing.LocalAws;
import eu.s3cop.webinar.model.Answers;
import eu.s3cop.webinar.model.Format;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.webinar.store.EmailClaims;
import eu.s3cop.webinar.store.RegistrationLimits;
import eu.s3cop.webinar.store.Registrations;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Webinar listings, invites and registration through the HTTP API. Every request comes from this
 * machine's one address, so the bound per client is lifted here; RegistrationAbuseIntegrationTest
 * holds it.
 */
@LocalAws(parameters = "RegistrationRequestsPerClientPerMinute=1000")
class WebinarsApiIntegrationTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static LocalCloud stack;
    private static DynamoDbClient dynamoDb;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void schedule(LocalCloud localCloud) {
        stack = localCloud;
        dynamoDb = stack.dynamoDbClient();
        stack.onInvocation(invocation -> invocation.failure().ifPresent(error -> error.printStackTrace(System.out)));
        DynamoDbWebinarStore store = new DynamoDbWebinarStore(dynamoDb, "s3cop-webinars");
        LocalDateTime inTenDays = LocalDateTime.now(BRUSSELS).plusDays(10).truncatedTo(ChronoUnit.HOURS);
        store.save(webinar("upcoming-open", "innovation-diffusion", inTenDays, null, 0, false), "a", Instant.now());
        store.save(webinar("upcoming-small", "industrial-transition", inTenDays.plusDays(1), null, 2, false), "b", Instant.now());
        store.save(webinar("upcoming-closed", "innovation-diffusion", inTenDays, LocalDateTime.now(BRUSSELS).minusHours(1), 0, false), "c", Instant.now());
        store.save(webinar("upcoming-cancelled", "innovation-diffusion", inTenDays, null, 0, true), "d", Instant.now());
        store.save(webinar("long-past", "interregional-cooperation", LocalDateTime.parse("2024-05-23T10:00"), null, 0, false), "e", Instant.now());
        // Started almost the longest a webinar may last ago, and still running; and one that ended a minute ago.
        LocalDateTime now = LocalDateTime.now(BRUSSELS).truncatedTo(ChronoUnit.MINUTES);
        store.save(new Webinar("day-long-workshop", "Day-long workshop", "interregional-cooperation", now.minus(Webinar.LONGEST).plusMinutes(30),
                BRUSSELS, Webinar.LONGEST, "", List.of(), Format.ONLINE, null, List.of(), "https://example.org/join/secret-room-day", null, 0, 0, "", false), "f", Instant.now());
        store.save(new Webinar("just-ended", "Just ended", "interregional-cooperation", now.minusMinutes(91), BRUSSELS, Duration.ofMinutes(90),
                "", List.of(), Format.ONLINE, null, List.of(), "https://example.org/join/secret-room-ended", null, 0, 0, "", false), "g", Instant.now());
    }

    private static Webinar webinar(String id, String group, LocalDateTime starts, LocalDateTime closes, int capacity, boolean cancelled) {
        return new Webinar(id, "Webinar " + id, group, starts, BRUSSELS, Duration.ofMinutes(90), "About " + id + ".",
                List.of(new Webinar.Speaker("Alison Hunter", "Rapporteur")), Format.ONLINE, null, List.of(), "https://example.org/join/secret-room-" + id,
                closes, capacity, 0,
                id.equals("long-past") ? "https://example.org/recording/" + id : "", cancelled);
    }

    @Test
    void listsUpcomingAndPastWebinarsWithoutTheJoinLink() throws Exception {
        HttpResponse<String> upcoming = get("/webinars");
        assertThat(upcoming.statusCode()).isEqualTo(200);
        assertThat(ids(upcoming)).contains("upcoming-open", "upcoming-small", "upcoming-closed", "upcoming-cancelled").doesNotContain("long-past");
        assertThat(ids(get("/webinars?when=past"))).containsExactly("just-ended", "long-past");
        assertThat(ids(get("/webinars?working_group=industrial-transition"))).containsExactly("upcoming-small");
        assertThat(get("/webinars?when=past").body()).contains("https://example.org/recording/long-past");
        for (String path : List.of("/webinars", "/webinars?when=past", "/webinars/upcoming-open", "/webinars/upcoming-open/invite.ics", "/calendar.ics")) {
            assertThat(get(path).body()).as(path).doesNotContain("secret-room");
        }
        assertThat(get("/webinars?when=soon").statusCode()).isEqualTo(400);
        assertThat(get("/webinars/Bad_Id").statusCode()).isEqualTo(400);
        assertThat(get("/webinars/no-such-webinar").statusCode()).isEqualTo(404);
    }

    @Test
    void aWebinarIsUpcomingUntilTheMomentItEndsHoweverLongItLasts() throws Exception {
        assertThat(ids(get("/webinars?working_group=interregional-cooperation"))).containsExactly("day-long-workshop");
        assertThat(ids(get("/webinars?working_group=interregional-cooperation&when=past"))).containsExactly("just-ended", "long-past");
    }

    @Test
    void aBrowserGetsTheWebinarsPageAndAProgramItsJson() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/webinars/upcoming-small")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<h1>Webinar upcoming-small</h1>", "About upcoming-small.", "Alison Hunter, Rapporteur", "UTC",
                "action=\"/webinars/upcoming-small/registrations\"").doesNotContain("secret-room");
        assertThat(get("/webinars/long-past").body()).as("a program still gets JSON").startsWith("{");
        HttpResponse<String> past = http.send(HttpRequest.newBuilder(uri("/webinars/long-past")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(past.body()).contains("Watch the recording", "https://example.org/recording/long-past").doesNotContain("<form");
    }

    @Test
    void invitesAndTheCalendarFeedAreValidICalendar() throws Exception {
        HttpResponse<String> invite = get("/webinars/upcoming-open/invite.ics");
        assertThat(invite.headers().firstValue("Content-Type")).hasValue("text/calendar; charset=utf-8");
        assertThat(new CalendarBuilder().build(new StringReader(invite.body())).validate().getEntries()).isEmpty();
        assertThat(invite.body()).contains("UID:webinar-upcoming-open@s3cop.eu", "METHOD:PUBLISH");
        String feed = get("/calendar.ics").body();
        assertThat(new CalendarBuilder().build(new StringReader(feed)).validate().getEntries()).isEmpty();
        assertThat(feed).contains("UID:webinar-long-past@s3cop.eu", "UID:webinar-upcoming-small@s3cop.eu");
        assertThat(get("/calendar.ics?working_group=industrial-transition").body()).contains("upcoming-small").doesNotContain("upcoming-open");
    }

    @Test
    void aRequestIsAnsweredAlikeForEveryAddressAndHoldsOnlyOnceConfirmedFromItsPage() throws Exception {
        HttpResponse<String> first = post("/webinars/upcoming-open/registrations", "{\"name\": \"Jana Nováková\", \"email\": \"Jana@Example.org\"}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(json(first)).doesNotContainKeys("token", "links").containsEntry("status", "REQUESTED");
        HttpResponse<String> again = post("/webinars/upcoming-open/registrations", "{\"name\": \"Jana Novak\", \"email\": \"jana@example.org\"}");
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).as("a known address is answered as a new one").isEqualTo(first.body());
        assertThat(again.headers().map().keySet()).isEqualTo(first.headers().map().keySet());

        Registrations registrations = new Registrations(dynamoDb, "s3cop-webinars");
        List<EmailClaims.Registrant> pending = new EmailClaims(dynamoDb, "s3cop-webinars").registrants("upcoming-open", Instant.now()).stream()
                .filter(registrant -> registrant.email().equalsIgnoreCase("jana@example.org")).toList();
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).pending()).isTrue();
        String token = pending.get(0).token();
        assertThat(registrations.expiries("upcoming-open", "jana@example.org")).as("a request is forgotten after a day")
                .allSatisfy(expiry -> assertThat(expiry).isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25))));
        assertThat(seats("upcoming-open")).as("a request takes no seat").isZero();

        String page = "/webinars/upcoming-open/registrations/" + token;
        HttpResponse<String> opened = get(page);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(opened.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(opened.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(opened.headers().firstValue("X-Robots-Tag")).hasValue("noindex");
        assertThat(opened.body()).contains("Confirm your registration", "method=\"post\"", "value=\"confirm\"", "value=\"cancel\"")
                .as("the name as requested, for the address's owner to see and correct").contains("value=\"Jana Nováková\"");
        assertThat(get(page).body()).as("opening the link, as a mail scanner does, changes nothing").isEqualTo(opened.body());
        assertThat(seats("upcoming-open")).isZero();

        HttpResponse<String> confirmed = form(page, "name=Jana+Nov%C3%A1kov%C3%A1-Dvo%C5%99%C3%A1kov%C3%A1&action=confirm");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.body()).contains("You are registered");
        assertThat(seats("upcoming-open")).isEqualTo(1);
        assertThat(form(page, "action=confirm").statusCode()).as("confirming twice takes one seat").isEqualTo(200);
        assertThat(seats("upcoming-open")).isEqualTo(1);
        Instant kept = LocalDateTime.now(BRUSSELS).plusDays(10).truncatedTo(ChronoUnit.HOURS).atZone(BRUSSELS).toInstant()
                .plus(Duration.ofMinutes(90)).plus(Duration.ofDays(30));
        assertThat(registrations.expiries("upcoming-open", "jana@example.org"))
                .as("once confirmed, the registration and its token expire 30 days after the webinar ends").containsExactly(kept, kept);
        assertThat(get(page).body()).contains("You are registered", "Registered as Jana Nováková-Dvořáková", "value=\"cancel\"")
                .doesNotContain("value=\"confirm\"");
        assertThat(form(page, "name=https%3A%2F%2Fevil.example&action=confirm").statusCode()).as("a name is checked when confirmed too").isEqualTo(400);
        for (String path : List.of("/webinars", "/webinars/upcoming-open", "/calendar.ics", "/webinars/upcoming-open/invite.ics")) {
            assertThat(get(path).body()).as(path).doesNotContainIgnoringCase("jana");
        }

        HttpResponse<String> cancelled = form(page, "action=cancel");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.body()).contains("Registration cancelled");
        assertThat(seats("upcoming-open")).isZero();
        assertThat(dynamoDb.scanPaginator(scan -> scan.tableName("s3cop-webinars")).items().stream().toList().toString())
                .as("the webinars table after the cancellation").doesNotContainIgnoringCase("jana");
        for (HttpResponse<String> gone : List.of(form(page, "action=cancel"), get(page), form(page, "action=confirm"),
                get("/webinars/upcoming-open/registrations/not*a*token"), get("/webinars/upcoming-open/registrations/" + "A".repeat(32)))) {
            assertThat(gone.statusCode()).as(gone.request().uri().toString()).isEqualTo(404);
            assertThat(gone.body()).contains("leads to no registration");
        }
        assertThat(http.send(HttpRequest.newBuilder(uri(page)).DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        assertThat(form(page, "action=delete-everything").statusCode()).isEqualTo(400);
    }

    @Test
    void aPendingRequestExpiresAfterADayAndAnAddressGetsABoundedNumberOfLinks() {
        Registrations registrations = new Registrations(dynamoDb, "s3cop-webinars");
        EmailClaims claims = new EmailClaims(dynamoDb, "s3cop-webinars");
        Instant day = Instant.parse("2031-01-06T00:00:00Z");
        assertThat(registrations.request("upcoming-open", "Ana Novak", "links@example.org", day)).isEqualTo(Registrations.Request.NEW);
        String token = claims.registrants("upcoming-open", day).stream().filter(registrant -> registrant.email().equals("links@example.org"))
                .findFirst().orElseThrow().token();
        List<Registrations.Request> asked = new java.util.ArrayList<>();
        for (int hour = 1; hour < 12; hour++) {
            asked.add(registrations.request("upcoming-open", "Ana Novak", "links@example.org", day.plus(Duration.ofMinutes(61L * hour))));
        }
        assertThat(asked).as("one link an hour, ten in a day").containsExactly(Registrations.Request.RESENT, Registrations.Request.RESENT,
                Registrations.Request.RESENT, Registrations.Request.RESENT, Registrations.Request.RESENT, Registrations.Request.RESENT,
                Registrations.Request.RESENT, Registrations.Request.RESENT, Registrations.Request.RESENT, Registrations.Request.NOT_SENT,
                Registrations.Request.NOT_SENT);
        assertThat(registrations.request("upcoming-open", "Ana Novak", "links@example.org", day.plus(Duration.ofMinutes(61L * 12).plus(Duration.ofSeconds(5)))))
                .isEqualTo(Registrations.Request.NOT_SENT);
        assertThat(registrations.request("upcoming-open", "Ana Novak", "links+again@example.org", day.plus(Duration.ofHours(13))))
                .as("a sub-address reaches the same mailbox, and shares its count").isEqualTo(Registrations.Request.NOT_SENT);

        // Each link sent again works for a day from when it was sent, as its email says.
        Instant lastLink = day.plus(Duration.ofMinutes(61L * 9));
        assertThat(registrations.registration("upcoming-open", token, lastLink.plus(Registrations.PENDING_FOR).minus(Duration.ofMinutes(1)))).isPresent();
        Instant nextDay = lastLink.plus(Registrations.PENDING_FOR).plus(Duration.ofMinutes(1));
        assertThat(registrations.registration("upcoming-open", token, nextDay)).as("a day after the last link the request is gone").isEmpty();
        assertThat(registrations.confirm("upcoming-open", token, null, Answers.none(Format.ONLINE), nextDay, nextDay.plus(Duration.ofDays(40)))).isEqualTo(new Registrations.Unknown());
        assertThat(registrations.request("upcoming-open", "Ana Novak", "links@example.org", nextDay))
                .as("and a new request starts afresh").isEqualTo(Registrations.Request.NEW);
        assertThat(claims.registrants("upcoming-open", nextDay).stream().filter(registrant -> registrant.email().equals("links@example.org"))
                .map(EmailClaims.Registrant::token).toList()).hasSize(1).doesNotContain(token);
    }

    @Test
    void aMailboxAlwaysGetsItsFirstLinkAboutAWebinarHoweverManyItHadThatDay() {
        DynamoDbWebinarStore store = new DynamoDbWebinarStore(dynamoDb, "s3cop-webinars");
        LocalDateTime later = LocalDateTime.now(BRUSSELS).plusDays(20).truncatedTo(ChronoUnit.HOURS);
        for (int i = 1; i <= 12; i++) {
            store.save(webinar("series-" + i, "innovation-diffusion", later.plusDays(i), null, 0, false), "series-" + i, Instant.now());
        }
        Registrations registrations = new Registrations(dynamoDb, "s3cop-webinars");
        Instant day = Instant.parse("2031-02-03T08:00:00Z");
        // A stranger spends the person's day on one webinar with sub-addresses, an hour apart.
        List<Registrations.Request> stranger = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            stranger.add(registrations.request("series-1", "Ana Novak", "target+" + i + "@example.net", day.plus(Duration.ofMinutes(61L * i))));
        }
        assertThat(stranger).as("one registration, a link an hour, ten a day").containsExactly(Registrations.Request.NEW,
                Registrations.Request.RESENT, Registrations.Request.RESENT, Registrations.Request.RESENT, Registrations.Request.RESENT,
                Registrations.Request.RESENT, Registrations.Request.RESENT, Registrations.Request.RESENT, Registrations.Request.RESENT,
                Registrations.Request.RESENT, Registrations.Request.NOT_SENT, Registrations.Request.NOT_SENT);
        Instant evening = day.plus(Duration.ofHours(13));
        for (int i = 2; i <= 12; i++) {
            assertThat(registrations.request("series-" + i, "Ana Novak", "target@example.net", evening.plusSeconds(i)))
                    .as("the person's own first request about series-" + i + " that day").isEqualTo(Registrations.Request.NEW);
        }
        assertThat(registrations.request("series-2", "Ana Novak", "target@example.net", evening.plus(Duration.ofHours(2))))
                .as("a second link about one of them waits for the next day").isEqualTo(Registrations.Request.NOT_SENT);
        assertThat(registrations.request("series-2", "Ana Novak", "target@example.net", day.plus(Duration.ofDays(1)).plus(Duration.ofHours(2))))
                .isEqualTo(Registrations.Request.RESENT);
    }

    @Test
    void theCataloguesFormRegistersWithoutJavaScriptAndIsAnsweredWithAPage() throws Exception {
        HttpResponse<String> answered = http.send(HttpRequest.newBuilder(uri("/webinars/upcoming-open/registrations"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=Se%C3%A1n+O%27Brien&email=sean%40example.org")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answered.statusCode()).isEqualTo(202);
        assertThat(answered.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(answered.body()).startsWith("<!doctype html>").contains("Check your inbox", "Webinar upcoming-open").doesNotContain("sean");
        assertThat(new EmailClaims(dynamoDb, "s3cop-webinars").registrants("upcoming-open", Instant.now()))
                .anySatisfy(registrant -> assertThat(registrant.name()).isEqualTo("Seán O'Brien"));

        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(uri("/webinars/upcoming-open/registrations"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=https%3A%2F%2Fevil.example&email=x%40example.org")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).as("a form gets its problem as a page").hasValue("text/html; charset=utf-8");
        assertThat(refused.body()).contains("name may hold only letters");
    }

    private static int seats(String webinarId) {
        return new DynamoDbWebinarStore(dynamoDb, "s3cop-webinars").get(webinarId).orElseThrow().registered();
    }

    private static HttpResponse<String> form(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFullWebinarPutsLateConfirmationsOnItsWaitingListWhileClosedCancelledAndPastOnesRefuseEachWithItsOwnAnswer() throws Exception {
        EmailClaims claims = new EmailClaims(dynamoDb, "s3cop-webinars");
        for (String person : List.of("a", "b", "c")) {
            assertThat(post("/webinars/upcoming-small/registrations", "{\"name\": \"Person\", \"email\": \"" + person + "@example.org\"}")
                    .statusCode()).isEqualTo(202);
        }
        List<String> tokens = claims.registrants("upcoming-small", Instant.now()).stream()
                .sorted(java.util.Comparator.comparing(EmailClaims.Registrant::email)).map(EmailClaims.Registrant::token).toList();
        assertThat(form("/webinars/upcoming-small/registrations/" + tokens.get(0), "action=confirm").statusCode()).isEqualTo(200);
        assertThat(form("/webinars/upcoming-small/registrations/" + tokens.get(1), "action=confirm").statusCode()).isEqualTo(200);
        HttpResponse<String> late = form("/webinars/upcoming-small/registrations/" + tokens.get(2), "action=confirm");
        assertThat(late.statusCode()).as("the two places went to the first to confirm").isEqualTo(200);
        assertThat(late.body()).contains("You are on the waiting list", "number 1 on the waiting list");
        assertThat(seats("upcoming-small")).isEqualTo(2);
        assertThat(get("/webinars/upcoming-small/registrations/" + tokens.get(2)).body()).contains("You are number 1 on the waiting list",
                "Leave the waiting list").doesNotContain("value=\"confirm\"");
        assertThat(get("/webinars/upcoming-small").body()).contains("\"places_left\":0", "\"waiting_list\":true");
        HttpResponse<String> full = post("/webinars/upcoming-small/registrations", "{\"name\": \"D\", \"email\": \"d@example.org\"}");
        assertThat(full.statusCode()).as("a full webinar takes requests for its waiting list").isEqualTo(202);
        String fourth = claims.registrants("upcoming-small", Instant.now()).stream().filter(registrant -> registrant.email().equals("d@example.org"))
                .findFirst().orElseThrow().token();
        assertThat(get("/webinars/upcoming-small/registrations/" + fourth).body()).contains("Join the waiting list", "All places are taken");
        assertThat(form("/webinars/upcoming-small/registrations/" + fourth, "action=confirm").body()).contains("number 2 on the waiting list");
        assertThat(form("/webinars/upcoming-small/registrations/" + tokens.get(2), "action=cancel").body())
                .as("leaving the list").contains("Your registration is cancelled");
        assertThat(get("/webinars/upcoming-small/registrations/" + fourth).body()).contains("You are number 1 on the waiting list");
        assertThat(seats("upcoming-small")).isEqualTo(2);

        HttpResponse<String> closed = post("/webinars/upcoming-closed/registrations", "{\"name\": \"A\", \"email\": \"a@example.org\"}");
        assertThat(closed.statusCode()).isEqualTo(409);
        assertThat((String) json(closed).get("detail")).contains("closed");
        HttpResponse<String> cancelled = post("/webinars/upcoming-cancelled/registrations", "{\"name\": \"A\", \"email\": \"a@example.org\"}");
        assertThat(cancelled.statusCode()).isEqualTo(410);
        assertThat((String) json(cancelled).get("detail")).contains("cancelled");
        HttpResponse<String> past = post("/webinars/long-past/registrations", "{\"name\": \"A\", \"email\": \"a@example.org\"}");
        assertThat(past.statusCode()).isEqualTo(410);
        assertThat((String) json(past).get("detail")).contains("already taken place");
        assertThat(post("/webinars/no-such-webinar/registrations", "{\"name\": \"A\", \"email\": \"a@example.org\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void malformedRegistrationsAreRefusedClearly() throws Exception {
        for (String body : List.of("", "not json", "{\"name\": \"A\"}", "{\"name\": \"A\", \"email\": \"not-an-address\"}",
                "{\"name\": \"\", \"email\": \"a@example.org\"}", "{\"name\": \"A\\nB\", \"email\": \"a@example.org\"}",
                "{\"name\": \"A\", \"email\": \"a@example.org\\r\\nBcc: x@evil.org\"}",
                // The greeting must not carry someone else's message or link.
                "{\"name\": \"your account is locked: https://evil.example/verify\", \"email\": \"a@example.org\"}",
                "{\"name\": \"<a href=x>Jana</a>\", \"email\": \"a@example.org\"}",
                "{\"name\": \"Jana 2\", \"email\": \"a@example.org\"}",
                // SES refuses non-ASCII local parts; look-alike domains are refused too.
                "{\"name\": \"Jürgen Weiß\", \"email\": \"jürgen@example.org\"}",
                "{\"name\": \"A\", \"email\": \"a@exаmple.org\"}")) {
            HttpResponse<String> response = post("/webinars/upcoming-open/registrations", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void registrationTakesJsonOrFormsAloneAndItsAnswersAreNeitherCachedNorReadableByOtherSites() throws Exception {
        String body = "{\"name\": \"Cross Origin\", \"email\": \"cross-origin@example.org\"}";
        for (String type : List.of("text/plain", "text/plain;charset=UTF-8", "multipart/form-data; boundary=x", "")) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri("/webinars/upcoming-open/registrations"))
                    .header("Origin", "https://elsewhere.example").POST(HttpRequest.BodyPublishers.ofString(body));
            if (!type.isEmpty()) {
                request.header("Content-Type", type);
            }
            HttpResponse<String> refused = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(type).isEqualTo(415);
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).as(type).isEmpty();
        }
        assertThat(dynamoDb.scanPaginator(scan -> scan.tableName("s3cop-webinars")).items().stream().toList().toString())
                .as("nothing registered by a refused post").doesNotContain("cross-origin@example.org");

        HttpResponse<String> registered = post("/webinars/upcoming-open/registrations", body);
        String token = new EmailClaims(dynamoDb, "s3cop-webinars").registrants("upcoming-open", Instant.now()).stream()
                .filter(registrant -> registrant.email().equals("cross-origin@example.org")).findFirst().orElseThrow().token();
        String page = "/webinars/upcoming-open/registrations/" + token;
        List<HttpResponse<String>> answers = List.of(registered, post("/webinars/upcoming-open/registrations", body),
                post("/webinars/upcoming-open/registrations", "{}"), post("/webinars/no-such-webinar/registrations", body), get(page),
                form(page, "action=confirm"), http.send(HttpRequest.newBuilder(uri(page)).DELETE().build(), HttpResponse.BodyHandlers.ofString()));
        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(202, 202, 400, 404, 200, 200, 204);
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.headers().firstValue("Cache-Control")).as(answer.request().method() + " " + answer.statusCode()).hasValue("no-store");
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).as(answer.request().method() + " " + answer.statusCode()).isEmpty();
        }
        assertThat(get("/webinars").headers().firstValue("Access-Control-Allow-Origin")).as("public answers stay open to every origin").hasValue("*");
    }

    @Test
    void aWebinarSendsABoundedNumberOfLinksAMinuteAndRepeatsUseNoneOfThem() throws Exception {
        DynamoDbWebinarStore store = new DynamoDbWebinarStore(dynamoDb, "s3cop-webinars");
        store.save(webinar("rate-limited", "innovation-diffusion", LocalDateTime.now(BRUSSELS).plusDays(10).truncatedTo(ChronoUnit.HOURS), null, 0, false),
                "rate", Instant.now());
        for (int i = 0; i < RegistrationLimits.REQUESTS_PER_MINUTE + 30; i++) {
            HttpResponse<String> repeat = post("/webinars/rate-limited/registrations", "{\"name\": \"Same Person\", \"email\": \"same@example.org\"}");
            assertThat(repeat.statusCode()).as("a repeat sends nothing, and counts nothing: " + repeat.body()).isEqualTo(202);
        }
        // Within one minute or across the turn of one: a refusal comes by twice the limit at most.
        HttpResponse<String> refused = null;
        int sent = 0;
        while (refused == null && sent <= 2 * RegistrationLimits.REQUESTS_PER_MINUTE) {
            sent++;
            // A domain each: the bound per domain and day is not the one under test.
            HttpResponse<String> response = post("/webinars/rate-limited/registrations",
                    "{\"name\": \"Ana Novak\", \"email\": \"rate-" + sent + "@rate" + sent + ".example\"}");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            }
        }
        assertThat(refused).as("a 429 within " + sent + " new addresses").isNotNull();
        assertThat(sent).isGreaterThan(RegistrationLimits.REQUESTS_PER_MINUTE - 1);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
        assertThat((String) json(refused).get("detail")).contains("Try again in a minute");
        assertThat(post("/webinars/upcoming-open/registrations", "{\"name\": \"Other Webinar\", \"email\": \"other-webinar@example.org\"}")
                .statusCode()).as("other webinars are not held back").isEqualTo(202);
    }

    @Test
    void namesOfEveryScriptWithHyphensAndApostrophesAreAccepted() throws Exception {
        for (String name : List.of("Jürgen Weiß", "Seán O'Brien", "Anne-Marie Dupont", "Νίκος Παπαδόπουλος", "Renée D\u2019Arcy")) {
            HttpResponse<String> response = post("/webinars/upcoming-open/registrations",
                    "{\"name\": \"" + name + "\", \"email\": \"names-" + Math.abs(name.hashCode()) + "@example.org\"}");
            assertThat(response.statusCode()).as(name + ": " + response.body()).isEqualTo(202);
        }
    }

    private static List<Object> ids(HttpResponse<String> response) throws Exception {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) json(response).get("items");
        return items.stream().map(item -> item.get("id")).toList();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create(stack.httpEndpoint().orElseThrow() + path);
    }

    private static Map<String, Object> json(HttpResponse<String> response) throws Exception {
        return JSON.std.mapFrom(response.body());
    }
}
