package eu.s3cop.reader;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.stack.LocalCloud;
import eu.s3cop.testing.LocalAws;
import eu.s3cop.webinar.model.Attendance;
import eu.s3cop.webinar.model.Format;
import eu.s3cop.webinar.model.OrganisationKind;
import eu.s3cop.webinar.model.Venue;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.webinar.store.EmailClaims;
import eu.s3cop.webinar.store.RegistrationList;
import eu.s3cop.webinar.store.Registrations;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What a registrant answers when confirming, through the HTTP API: how they attend a hybrid event,
 * within its room's places, and, optionally, their organisation, its country and its kind, each
 * checked with an answer that names the field.
 */
@LocalAws(parameters = "RegistrationRequestsPerClientPerMinute=1000")
class RegistrationAnswersIntegrationTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final String TABLE = "s3cop-webinars";
    private static LocalCloud stack;
    private static DynamoDbClient dynamoDb;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void schedule(LocalCloud localCloud) {
        stack = localCloud;
        dynamoDb = stack.dynamoDbClient();
        LocalDateTime inTenDays = LocalDateTime.now(BRUSSELS).plusDays(10).truncatedTo(ChronoUnit.HOURS);
        new DynamoDbWebinarStore(dynamoDb, TABLE).save(new Webinar("hybrid-room", "A hybrid event", "innovation-diffusion", inTenDays, BRUSSELS,
                Duration.ofHours(3), "", List.of(), Format.HYBRID, new Venue("Sample conference centre", "", "Brussels", "BE"), List.of(),
                "https://example.org/join/hybrid", null, 10, 1, "", false), "a", Instant.now());
    }

    @Test
    void aHybridEventsRoomHoldsItsPlacesAndTheAnswersAreKeptForTheSecretariatsList() throws Exception {
        Map<String, String> pages = request("hybrid-room", "ana@example.org", "ben@example.org", "cleo@example.org");
        String confirmPage = get(pages.get("ana@example.org")).body();
        assertThat(confirmPage).contains("How will you attend?", "value=\"in-person\"", "About your organisation (optional)",
                "<option value=\"BE\">Belgium</option>", "value=\"public-authority\"");

        HttpResponse<String> ana = form(pages.get("ana@example.org"), Map.of("action", "confirm", "attendance", "in-person",
                "organisation", "Région Île-de-France", "country", "fr", "kind", "public-authority"));
        assertThat(ana.statusCode()).as(ana.body()).isEqualTo(200);
        assertThat(webinar().inPerson()).isEqualTo(1);
        assertThat(get(pages.get("ben@example.org")).body()).as("the room is offered no more").contains("all 1 places are taken");

        HttpResponse<String> ben = form(pages.get("ben@example.org"), Map.of("action", "confirm", "attendance", "in-person"));
        assertThat(ben.statusCode()).isEqualTo(409);
        assertThat(ben.body()).contains("The room is full", "attend online");
        assertThat(get(pages.get("ben@example.org")).body()).as("nothing changed").contains("Confirm your registration");
        assertThat(form(pages.get("ben@example.org"), Map.of("action", "confirm", "attendance", "online")).statusCode()).isEqualTo(200);
        assertThat(webinar().registered()).isEqualTo(2);
        assertThat(webinar().inPerson()).isEqualTo(1);

        List<RegistrationList.Entry> list = new RegistrationList(dynamoDb, TABLE).of("hybrid-room", Instant.now());
        RegistrationList.Entry first = list.stream().filter(entry -> entry.email().equals("ana@example.org")).findFirst().orElseThrow();
        assertThat(first).extracting(RegistrationList.Entry::standing, RegistrationList.Entry::attendance, RegistrationList.Entry::organisation,
                RegistrationList.Entry::country, RegistrationList.Entry::kind).containsExactly(Registrations.Standing.CONFIRMED,
                Optional.of(Attendance.IN_PERSON), "Région Île-de-France", "FR", Optional.of(OrganisationKind.PUBLIC_AUTHORITY));
        assertThat(list).extracting(RegistrationList.Entry::email).containsExactlyInAnyOrder("ana@example.org", "ben@example.org", "cleo@example.org");

        assertThat(form(pages.get("ana@example.org"), Map.of("action", "cancel")).statusCode()).isEqualTo(200);
        assertThat(webinar().inPerson()).as("a cancellation frees the place in the room").isZero();
        assertThat(form(pages.get("cleo@example.org"), Map.of("action", "confirm", "attendance", "in-person")).statusCode()).isEqualTo(200);
        assertThat(webinar().inPerson()).isEqualTo(1);
    }

    @Test
    void eachAnswerIsCheckedAndAWrongOneNamesItsFieldAndChangesNothing() throws Exception {
        Map<String, String> pages = request("hybrid-room", "dora@example.org");
        String page = pages.get("dora@example.org");
        Map<Map<String, String>, String> wrong = Map.of(
                Map.of("action", "confirm", "country", "XX"), "country is a two-letter ISO 3166-1 code",
                Map.of("action", "confirm", "kind", "spy-agency"), "kind is one of public-authority, university-research",
                Map.of("action", "confirm", "attendance", "by-carrier-pigeon"), "attendance is online or in-person",
                Map.of("action", "confirm", "organisation", "Bell\u0007 Corp"), "organisation must be one line",
                Map.of("action", "confirm", "organisation", "A\u2028B"), "organisation must be one line",
                Map.of("action", "confirm", "organisation", "x".repeat(201)), "at most 200 characters");
        for (Map.Entry<Map<String, String>, String> each : wrong.entrySet()) {
            HttpResponse<String> refused = form(page, each.getKey());
            assertThat(refused.statusCode()).as(each.getKey().toString()).isEqualTo(400);
            assertThat(refused.body()).contains(each.getValue());
        }
        assertThat(get(page).body()).as("nothing was confirmed").contains("Confirm your registration");
        assertThat(form(page, Map.of("action", "confirm", "organisation", "  ", "country", "", "kind", "")).statusCode())
                .as("every answer is optional").isEqualTo(200);
    }

    private static Map<String, String> request(String webinarId, String... emails) throws Exception {
        for (String email : emails) {
            HttpResponse<String> asked = http.send(HttpRequest.newBuilder(uri("/webinars/" + webinarId + "/registrations"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Registrant\", \"email\": \"" + email + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        }
        Map<String, String> pages = new java.util.HashMap<>();
        for (EmailClaims.Registrant registrant : new EmailClaims(dynamoDb, TABLE).registrants(webinarId, Instant.now())) {
            pages.put(registrant.email(), "/webinars/" + webinarId + "/registrations/" + registrant.token());
        }
        return pages;
    }

    private static eu.s3cop.webinar.store.StoredWebinar webinar() {
        return new DynamoDbWebinarStore(dynamoDb, TABLE).get("hybrid-room").orElseThrow();
    }

    private static HttpResponse<String> form(String path, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create(stack.httpEndpoint().orElseThrow() + path);
    }
}
