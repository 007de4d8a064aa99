package eu.s3cop.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.stack.lambda.Invocation;
import eu.s3cop.testing.EventFiles;
import eu.s3cop.testing.LocalAws;
import eu.s3cop.webinar.model.Figures;
import eu.s3cop.webinar.model.Format;
import eu.s3cop.webinar.model.OrganisationKind;
import eu.s3cop.webinar.model.Venue;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.webinar.store.EmailClaims;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The secretariat's list and figures as the local stack keeps them: people register, confirm,
 * wait, take a freed place and cancel through the HTTP API; the table's stream brings
 * registration-lists; the list and figures are read back from the uploads bucket, the list with
 * another CSV library than the one that writes it.
 */
@LocalAws(parameters = "RegistrationRequestsPerClientPerMinute=1000")
class RegistrationListsIntegrationTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final Duration SETTLED = Duration.ofSeconds(60);
    private static final String FORMULA = "=HYPERLINK(\"https://evil.example\",\"Claim your prize\")";
    private static final HttpClient http = HttpClient.newHttpClient();

    private static LocalCloud stack;
    private static DynamoDbClient dynamoDb;
    private static S3Client s3;
    private static String table;
    private static String uploads;

    @BeforeAll
    static void start(LocalCloud localCloud) {
        stack = localCloud;
        dynamoDb = stack.dynamoDbClient();
        s3 = stack.s3Client();
        table = stack.table("WebinarsTable");
        uploads = stack.bucket("UploadsBucket");
    }

    @Test
    void theListFollowsEveryRegistrationAndTheFiguresCountWhoConfirmed() throws Exception {
        save(webinar("lists-hybrid", Format.HYBRID, 3, inTenDays()));
        Map<String, String> pages = request("lists-hybrid", Map.of("ana@example.org", "Zoë Ångström-Müller",
                "lukasz@example.org", "Łukasz Wiśniewski", "soren@example.org", "Søren O'Neill", "dana@example.org", "Dana Pending",
                "eve@example.org", "Eve Waiting"));
        confirm(pages.get("ana@example.org"), Map.of("attendance", "in-person", "organisation", "Région Île-de-France", "country", "FR",
                "kind", "public-authority"));
        confirm(pages.get("lukasz@example.org"), Map.of("attendance", "online", "organisation", FORMULA, "country", "PL", "kind", "business"));
        confirm(pages.get("soren@example.org"), Map.of("attendance", "online"));
        assertThat(confirm(pages.get("eve@example.org"), Map.of("attendance", "online"))).as("every place is taken").contains("waiting list");
        stack.awaitIdle(SETTLED);

        List<List<String>> rows = CsvRows.of(object(ListKeys.registrations("lists-hybrid")));
        assertThat(rows.get(0)).containsExactlyElementsOf(RegistrationsCsv.HEADER);
        Map<String, List<String>> byEmail = byEmail(rows);
        assertThat(byEmail.keySet()).containsExactlyInAnyOrder("ana@example.org", "lukasz@example.org", "soren@example.org",
                "dana@example.org", "eve@example.org");
        assertThat(rows.subList(1, rows.size())).extracting(row -> Instant.parse(row.get(4))).isSorted();
        assertThat(byEmail.get("ana@example.org")).containsExactly("Zoë Ångström-Müller", "ana@example.org", "confirmed", "in-person",
                byEmail.get("ana@example.org").get(4), "no", "Région Île-de-France", "France", "Public authority");
        assertThat(byEmail.get("lukasz@example.org")).as("a formula is text").containsSubsequence("Łukasz Wiśniewski", "confirmed", "online",
                "'" + FORMULA, "Poland", "Business");
        assertThat(byEmail.get("soren@example.org")).containsExactly("Søren O'Neill", "soren@example.org", "confirmed", "online",
                byEmail.get("soren@example.org").get(4), "no", "", "", "");
        assertThat(byEmail.get("dana@example.org").subList(2, 4)).containsExactly("pending", "");
        assertThat(byEmail.get("eve@example.org").subList(2, 6)).containsExactly("waiting", "online", byEmail.get("eve@example.org").get(4), "no");

        Figures counted = new Figures(3, Map.of("FR", 1, "PL", 1), 1, Map.of(OrganisationKind.PUBLIC_AUTHORITY, 1, OrganisationKind.BUSINESS, 1), 1);
        String figures = new String(object(ListKeys.figures("lists-hybrid")), StandardCharsets.UTF_8);
        assertThat(JSON.std.mapFrom(figures)).isEqualTo(Map.of("webinar", "lists-hybrid", "participants", 3, "countries", Map.of("FR", 1, "PL", 1),
                "no_country", 1, "kinds", Map.of("public-authority", 1, "business", 1), "no_kind", 1));
        assertThat(figures).doesNotContain("example.org", "Zoë", "Région", "Søren");
        assertThat(webinars().get("lists-hybrid").orElseThrow().figures()).as("the webinar's item keeps them too").isEqualTo(counted);

        // Søren cancels: his place is offered to Eve, first in line, who takes it.
        cancel(pages.get("soren@example.org"));
        stack.awaitIdle(SETTLED);
        assertThat(post(pages.get("eve@example.org"), Map.of("action", "take")).statusCode()).isEqualTo(200);
        stack.awaitIdle(SETTLED);

        Map<String, List<String>> after = byEmail(CsvRows.of(object(ListKeys.registrations("lists-hybrid"))));
        assertThat(after).doesNotContainKey("soren@example.org");
        assertThat(after.get("eve@example.org").subList(2, 6)).containsExactly("confirmed", "online", after.get("eve@example.org").get(4), "yes");
        assertThat(webinars().get("lists-hybrid").orElseThrow().figures())
                .isEqualTo(new Figures(3, Map.of("FR", 1, "PL", 1), 1, Map.of(OrganisationKind.PUBLIC_AUTHORITY, 1, OrganisationKind.BUSINESS, 1), 1));
    }

    @Test
    void whenEveryoneHasGoneAfterTheEventTheListIsDeletedAndTheFiguresRemain() throws Exception {
        Webinar upcoming = webinar("lists-over", Format.ONLINE, 0, inTenDays());
        save(upcoming);
        Map<String, String> pages = request("lists-over", Map.of("ines@example.org", "Inês Conceição", "jon@example.org", "Jón Þórsson",
                "kim@example.org", "Kim Asked"));
        confirm(pages.get("ines@example.org"), Map.of("organisation", "Câmara Municipal do Porto", "country", "PT", "kind", "public-authority"));
        confirm(pages.get("jon@example.org"), Map.of("country", "IS", "kind", "civil-society"));
        stack.awaitIdle(SETTLED);
        assertThat(CsvRows.of(object(ListKeys.registrations("lists-over")))).hasSize(4);
        byte[] figures = object(ListKeys.figures("lists-over"));
        Figures counted = new Figures(2, Map.of("PT", 1, "IS", 1), 0, Map.of(OrganisationKind.PUBLIC_AUTHORITY, 1,
                OrganisationKind.CIVIL_SOCIETY, 1), 0);
        assertThat(webinars().get("lists-over").orElseThrow().figures()).isEqualTo(counted);

        // The event took place; then everyone cancels, as the table's time to live would delete them all.
        LocalDateTime yesterday = LocalDateTime.now(BRUSSELS).minusDays(1).truncatedTo(ChronoUnit.HOURS);
        webinars().save(webinar("lists-over", Format.ONLINE, 0, yesterday), "took-place", Instant.now());
        pages.values().forEach(RegistrationListsIntegrationTest::cancel);
        stack.awaitIdle(SETTLED);

        assertThatThrownBy(() -> object(ListKeys.registrations("lists-over"))).isInstanceOf(NoSuchKeyException.class);
        assertThat(object(ListKeys.figures("lists-over"))).as("figures.json is left as it was").isEqualTo(figures);
        assertThat(webinars().get("lists-over").orElseThrow().figures()).isEqualTo(counted);
        assertThat(get("/webinars/lists-over", "text/html").body()).contains("2 participants from 2 countries").doesNotContain("Portugal", "Iceland");
        assertThat(JSON.std.mapFrom(get("/webinars/lists-over", "application/json").body()))
                .containsEntry("figures", Map.of("participants", 2, "countries", 2));
    }

    @Test
    void aBatchDeliveredAgainWritesTheSameAndRecordsNamingNoRegistrationAreSkipped() throws Exception {
        save(webinar("lists-again", Format.ONLINE, 0, inTenDays()));
        confirm(request("lists-again", Map.of("lea@example.org", "Léa Dupré")).get("lea@example.org"), Map.of("country", "BE"));
        stack.awaitIdle(SETTLED);
        byte[] list = object(ListKeys.registrations("lists-again"));
        byte[] figures = object(ListKeys.figures("lists-again"));

        String batch = EventFiles.json("registration-lists/registrations-changed.json").replace("bottlenecks-innovation-diffusion-2024", "lists-again");
        for (int delivery = 0; delivery < 2; delivery++) {
            assertThat(stack.invoke("registration-lists", batch).succeeded()).isTrue();
            assertThat(object(ListKeys.registrations("lists-again"))).isEqualTo(list);
            assertThat(object(ListKeys.figures("lists-again"))).isEqualTo(figures);
        }

        String unreadable = EventFiles.json("registration-lists/registrations-changed.json")
                .replace("bottlenecks-innovation-diffusion-2024", "../../drafts/innovation-diffusion/x")
                .replaceFirst("\"Records\": \\[", "\"Records\": [{\"eventName\": \"INSERT\"}, {\"dynamodb\": {\"Keys\": 7}}, ");
        Invocation skipped = stack.invoke("registration-lists", unreadable);
        assertThat(skipped.succeeded()).as("what cannot be read is never retried").isTrue();
        assertThat(skipped.logLines()).anySatisfy(line -> assertThat(line).contains("WARN", "5 of 5 records name no registration"));
        assertThat(s3.listObjectsV2(objects -> objects.bucket(uploads)).contents()).noneSatisfy(object -> assertThat(object.key()).contains("drafts"));
    }

    private static Webinar webinar(String id, Format format, int capacity, LocalDateTime starts) {
        return new Webinar(id, "Lists of " + id, "innovation-diffusion", starts, BRUSSELS, Duration.ofHours(2), "", List.of(), format,
                format == Format.ONLINE ? null : new Venue("Sample conference centre", "", "Brussels", "BE"), List.of(),
                "https://example.org/join/" + id, null, capacity, format == Format.HYBRID ? 2 : 0, "", false);
    }

    private static LocalDateTime inTenDays() {
        return LocalDateTime.now(BRUSSELS).plusDays(10).truncatedTo(ChronoUnit.HOURS);
    }

    private static void save(Webinar webinar) {
        webinars().save(webinar, webinar.id(), Instant.now());
    }

    private static DynamoDbWebinarStore webinars() {
        return new DynamoDbWebinarStore(dynamoDb, table);
    }

    private static byte[] object(String key) {
        return s3.getObjectAsBytes(get -> get.bucket(uploads).key(key)).asByteArray();
    }

    private static Map<String, List<String>> byEmail(List<List<String>> rows) {
        return rows.subList(1, rows.size()).stream().collect(Collectors.toMap(row -> row.get(1), Function.identity()));
    }

    /** Asks to register each address under its name, and returns each address's page, as the link in its email leads to it. */
    private static Map<String, String> request(String webinarId, Map<String, String> people) throws Exception {
        Map<String, String> ordered = new LinkedHashMap<>();
        people.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder())).forEach(person -> ordered.put(person.getKey(),
                person.getValue()));
        for (Map.Entry<String, String> person : ordered.entrySet()) {
            HttpResponse<String> asked = http.send(HttpRequest.newBuilder(uri("/webinars/" + webinarId + "/registrations"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            JSON.std.asString(Map.of("name", person.getValue(), "email", person.getKey())))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        }
        Map<String, String> pages = new HashMap<>();
        for (EmailClaims.Registrant registrant : new EmailClaims(dynamoDb, table).registrants(webinarId, Instant.now())) {
            pages.put(registrant.email(), "/webinars/" + webinarId + "/registrations/" + registrant.token());
        }
        return pages;
    }

    private static String confirm(String page, Map<String, String> answers) throws Exception {
        Map<String, String> fields = new HashMap<>(answers);
        fields.put("action", "confirm");
        HttpResponse<String> confirmed = post(page, fields);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        return confirmed.body();
    }

    private static void cancel(String page) {
        try {
            assertThat(post(page, Map.of("action", "cancel")).statusCode()).isEqualTo(200);
        } catch (Exception e) {
            throw new AssertionError("cancelling " + page, e);
        }
    }

    private static HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create(stack.httpEndpoint().orElseThrow() + path);
    }
}
