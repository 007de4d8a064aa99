package eu.s3cop.reader;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.stack.LocalCloud;
import eu.s3cop.testing.FaultInjector;
import eu.s3cop.testing.FaultInjector.When;
import eu.s3cop.testing.LocalAws;
import eu.s3cop.webinar.model.Format;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.webinar.store.EmailClaims;
import eu.s3cop.webinar.store.EmailClaims.Registrant;
import eu.s3cop.webinar.store.Registrations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each AWS call of requesting a registration for a webinar, of confirming it from its link and of
 * cancelling it fails once, in turn: before it is sent, after it succeeded with its answer lost,
 * and throttled. The failed request gets a 5xx answer that says to try again, and the person's
 * retry then succeeds: exactly one registration (one token, a seat counted once when confirmed)
 * or none is left, never two, never a stray token or count. Every request comes from this
 * machine's one address, so the bound per client is lifted here.
 */
@LocalAws(parameters = "RegistrationRequestsPerClientPerMinute=1000")
class RegistrationFaultIntegrationTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final HttpClient http = HttpClient.newHttpClient();
    private static LocalCloud stack;
    private static DynamoDbWebinarStore webinars;
    private static Registrations registrations;
    private static EmailClaims claims;

    @BeforeAll
    static void webinar(LocalCloud localCloud) {
        stack = localCloud;
        String table = stack.environment("reader-api").get("WEBINARS_TABLE");
        webinars = new DynamoDbWebinarStore(stack.dynamoDbClient(), table);
        registrations = new Registrations(stack.dynamoDbClient(), table);
        claims = new EmailClaims(stack.dynamoDbClient(), table);
        LocalDateTime inTenDays = LocalDateTime.now(BRUSSELS).plusDays(10).truncatedTo(ChronoUnit.HOURS);
        webinars.save(new Webinar("resilient", "Webinar resilient", "innovation-diffusion", inTenDays,
                BRUSSELS, Duration.ofMinutes(60), "About faults.", List.of(new Webinar.Speaker("Ana Novak", "Rapporteur")),
                Format.ONLINE, null, List.of(), "https://example.org/join/resilient", null, 0, 0, "", false), "r", Instant.now());
    }

    @AfterEach
    void disarm() {
        FaultInjector.disarm();
    }

    @Test
    void aFaultAtAnyStepOfRegisteringConfirmingOrCancellingLeavesOneRegistrationOrNone() throws Exception {
        FaultInjector.arm("reader-api", 0, When.BEFORE_SENDING);
        assertThat(register("rehearsal@example.org").statusCode()).isEqualTo(202);
        List<String> registering = FaultInjector.operations();
        String rehearsal = tokenOf("rehearsal@example.org");
        FaultInjector.arm("reader-api", 0, When.BEFORE_SENDING);
        assertThat(act(rehearsal, "confirm").statusCode()).isEqualTo(200);
        List<String> confirming = FaultInjector.operations();
        FaultInjector.arm("reader-api", 0, When.BEFORE_SENDING);
        assertThat(cancel(rehearsal).statusCode()).isEqualTo(204);
        List<String> cancelling = FaultInjector.operations();
        assertThat(registering).as("the calls of a request").contains("DynamoDb.GetItem", "DynamoDb.TransactWriteItems");
        assertThat(confirming).as("the calls of a confirmation").contains("DynamoDb.GetItem", "DynamoDb.TransactWriteItems");
        assertThat(cancelling).as("the calls of a cancellation").contains("DynamoDb.GetItem", "DynamoDb.TransactWriteItems");

        List<String> problems = new ArrayList<>();
        int scenarios = 0;
        for (int step = 1; step <= registering.size(); step++) {
            for (When when : When.values()) {
                String scenario = "requesting: " + registering.get(step - 1) + " (call " + step + ") " + when;
                String email = "reg-" + step + "-" + when.name().toLowerCase().replace('_', '-') + "@example.org";
                FaultInjector.arm("reader-api", step, when);
                HttpResponse<String> failed = register(email);
                FaultInjector.disarm();
                problems.addAll(failedAnswer(scenario, failed, when));
                HttpResponse<String> retried = register(email);
                if (retried.statusCode() != 202) {
                    problems.add(scenario + ": the retry was answered " + retried.statusCode() + " " + retried.body());
                } else {
                    problems.addAll(registeredOnce(scenario, email, true));
                }
                scenarios++;
            }
        }
        for (int step = 1; step <= confirming.size(); step++) {
            for (When when : When.values()) {
                String scenario = "confirming: " + confirming.get(step - 1) + " (call " + step + ") " + when;
                String email = "confirm-" + step + "-" + when.name().toLowerCase().replace('_', '-') + "@example.org";
                register(email);
                String token = tokenOf(email);
                FaultInjector.arm("reader-api", step, when);
                HttpResponse<String> failed = act(token, "confirm");
                FaultInjector.disarm();
                problems.addAll(failedAnswer(scenario, failed, when));
                // A confirmation whose answer was lost is done: the retry is told so, and takes no second seat.
                HttpResponse<String> retried = act(token, "confirm");
                if (retried.statusCode() != 200) {
                    problems.add(scenario + ": the retry was answered " + retried.statusCode() + " " + retried.body());
                } else {
                    problems.addAll(registeredOnce(scenario, email, false));
                }
                scenarios++;
            }
        }
        for (int step = 1; step <= cancelling.size(); step++) {
            for (When when : When.values()) {
                String scenario = "cancelling: " + cancelling.get(step - 1) + " (call " + step + ") " + when;
                String email = "cancel-" + step + "-" + when.name().toLowerCase().replace('_', '-') + "@example.org";
                register(email);
                String token = tokenOf(email);
                act(token, "confirm");
                FaultInjector.arm("reader-api", step, when);
                HttpResponse<String> failed = cancel(token);
                FaultInjector.disarm();
                problems.addAll(failedAnswer(scenario, failed, when));
                // A cancellation whose answer was lost is already done: the retry is told there is nothing left to cancel.
                int retried = cancel(token).statusCode();
                if (retried != 204 && retried != 404) {
                    problems.add(scenario + ": the retry was answered " + retried);
                }
                problems.addAll(registeredNowhere(scenario, email, token));
                scenarios++;
            }
        }
        System.out.printf("registration faults: %d scenarios (%d calls to request, %d to confirm, %d to cancel, each failing %s), %d problems%n",
                scenarios, registering.size(), confirming.size(), cancelling.size(), Arrays.toString(When.values()), problems.size());
        assertThat(problems).isEmpty();
    }

    /** A request whose call failed is answered 500, or 503 with Retry-After when throttled, and says to try again. */
    private static List<String> failedAnswer(String scenario, HttpResponse<String> failed, When when) {
        int expected = when == When.THROTTLED ? 503 : 500;
        List<String> problems = new ArrayList<>();
        if (failed.statusCode() != expected || !failed.body().contains("try again") && !failed.body().contains("Try again")) {
            problems.add(scenario + ": the failed request was answered " + failed.statusCode() + " " + failed.body());
        }
        if (when == When.THROTTLED && failed.headers().firstValue("Retry-After").isEmpty()) {
            problems.add(scenario + ": a throttled request was not told when to retry");
        }
        if (failed.body().contains("@example.org")) {
            problems.add(scenario + ": the failure answer shows the address");
        }
        return problems;
    }

    private static List<String> registeredOnce(String scenario, String email, boolean pending) {
        List<String> problems = new ArrayList<>();
        List<Registrant> ofEmail = claims.registrants("resilient", Instant.now()).stream()
                .filter(registrant -> email.equals(registrant.email())).toList();
        if (ofEmail.size() != 1) {
            problems.add(scenario + ": " + ofEmail.size() + " registrations, not one");
        } else {
            if (ofEmail.get(0).pending() != pending) {
                problems.add(scenario + ": the registration is " + (pending ? "confirmed" : "still pending"));
            }
            if (registrations.registration("resilient", ofEmail.get(0).token(), Instant.now()).isEmpty()) {
                problems.add(scenario + ": the registration's link leads nowhere");
            }
        }
        problems.addAll(countHolds(scenario));
        return problems;
    }

    private static List<String> registeredNowhere(String scenario, String email, String token) {
        List<String> problems = new ArrayList<>();
        if (claims.registrants("resilient", Instant.now()).stream().anyMatch(registrant -> email.equals(registrant.email()))) {
            problems.add(scenario + ": the registration is still there");
        }
        if (registrations.registration("resilient", token, Instant.now()).isPresent()) {
            problems.add(scenario + ": the registration's link still leads to it");
        }
        problems.addAll(countHolds(scenario));
        return problems;
    }

    /** The webinar's count of seats taken equals the confirmed registrations there are, so capacity holds. */
    private static List<String> countHolds(String scenario) {
        int counted = webinars.get("resilient").orElseThrow().registered();
        long there = claims.registrants("resilient", Instant.now()).stream().filter(registrant -> !registrant.pending()).count();
        return counted == there ? List.of() : List.of(scenario + ": the webinar counts " + counted + " seats taken; " + there + " are confirmed");
    }

    private static HttpResponse<String> register(String email) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/webinars/resilient/registrations")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Resilient Reader\", \"email\": \"" + email + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> cancel(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/webinars/resilient/registrations/" + token)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> act(String token, String action) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/webinars/resilient/registrations/" + token)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\": \"" + action + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The token the registration's link carries, from the store: the API never tells it. */
    private static String tokenOf(String email) {
        return claims.registrants("resilient", Instant.now()).stream().filter(registrant -> email.equals(registrant.email()))
                .findFirst().orElseThrow().token();
    }

    private static URI uri(String path) {
        return URI.create(stack.httpEndpoint().orElseThrow() + path);
    }
}
