package eu.s3cop.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.testing.LocalAws;
import eu.s3cop.testing.SentEmails;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The secretariat uploads a webinar file; a reader asks to register through the HTTP API, gets
 * the link by email within seconds, confirms on the page it opens and gets the invite; the
 * schedule is then fired over HTTP, twice at once: the outbox holds exactly the expected emails.
 */
@LocalAws
class WebinarJourneyIntegrationTest {

    private static final HttpClient http = HttpClient.newHttpClient();

    @Test
    void uploadRequestConfirmAndOverlappingRunsGiveExactlyTheExpectedEmails(LocalCloud stack) throws Exception {
        String starts = LocalDateTime.now(ZoneId.of("Europe/Brussels")).plusHours(10).truncatedTo(ChronoUnit.MINUTES).toString();
        try (var s3 = stack.s3Client()) {
            s3.putObject(put -> put.bucket("s3cop-uploads").key("webinars/journey.yaml"), RequestBody.fromString(
                    "title: Journey webinar\nworking_group: innovation-diffusion\nstarts: " + starts + "\nduration: PT1H\n"
                            + "join_url: https://example.org/join/journey-room\n"));
        }
        stack.awaitIdle(Duration.ofSeconds(60));

        HttpResponse<String> requested = request(stack);
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        assertThat(JSON.std.mapFrom(requested.body())).doesNotContainKeys("token", "email", "links");
        // The stream brings the request to the scheduler: no scheduled run is needed for the link.
        stack.awaitIdle(Duration.ofSeconds(60));
        assertThat(subjects(stack, "Journey webinar")).containsExactly("Confirm your registration: Journey webinar");
        String link = SentEmails.registrationPage(stack, "Confirm your registration: Journey webinar");
        assertThat(request(stack).body()).as("a known address is answered alike").isEqualTo(requested.body());
        stack.awaitIdle(Duration.ofSeconds(60));
        assertThat(subjects(stack, "Journey webinar")).as("no second link within the hour").hasSize(1);

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Confirm your registration", "value=\"confirm\"");
        HttpResponse<String> confirmed = http.send(HttpRequest.newBuilder(URI.create(link)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=confirm")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.body()).contains("You are registered");
        stack.awaitIdle(Duration.ofSeconds(60));
        assertThat(subjects(stack, "Journey webinar")).as("the invite, and the reminder that is due, at once").containsExactlyInAnyOrder(
                "Confirm your registration: Journey webinar", "You are registered: Journey webinar", "Reminder (tomorrow): Journey webinar");

        CompletableFuture<HttpResponse<String>> first = fire(stack);
        CompletableFuture<HttpResponse<String>> second = fire(stack);
        assertThat(first.get().statusCode()).as(first.get().body()).isEqualTo(200);
        assertThat(second.get().statusCode()).as(second.get().body()).isEqualTo(200);
        assertThat(fire(stack).get().statusCode()).isEqualTo(200);

        assertThat(subjects(stack, "Journey webinar")).containsExactlyInAnyOrder("Confirm your registration: Journey webinar",
                "You are registered: Journey webinar", "Reminder (tomorrow): Journey webinar");
        assertThat(SentEmails.registrationPage(stack, "You are registered: Journey webinar")).as("every later email leads to the same page").isEqualTo(link);
        HttpResponse<String> webinar = http.send(HttpRequest.newBuilder(uri(stack, "/webinars/journey")).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(webinar.body()).contains("\"status\":\"upcoming\"");
    }

    private static HttpResponse<String> request(LocalCloud stack) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(stack, "/webinars/journey/registrations")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Eva Lindqvist\", \"email\": \"eva@example.org\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static CompletableFuture<HttpResponse<String>> fire(LocalCloud stack) {
        return http.sendAsync(HttpRequest.newBuilder(uri(stack, "/_local/schedules/webinar-scheduler")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> subjects(LocalCloud stack, String title) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (Path file : stack.outboxMessages()) {
            try (InputStream in = Files.newInputStream(file)) {
                String subject = new MimeMessage(Session.getInstance(new Properties()), in).getSubject();
                if (subject.endsWith(": " + title)) {
                    subjects.add(subject);
                }
            }
        }
        return subjects;
    }

    private static URI uri(LocalCloud stack, String path) {
        return URI.create(stack.httpEndpoint().orElseThrow() + path);
    }
}
