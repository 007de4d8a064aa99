package eu.s3cop.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.testing.LocalAws;
import eu.s3cop.webinar.model.WebinarState;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
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
 * The secretariat uploads a webinar file, a reader registers through the HTTP API, and the
 * schedule is fired over HTTP, twice at once: the outbox holds exactly the expected emails.
 */
@LocalAws
class WebinarJourneyIntegrationTest {

    private static final HttpClient http = HttpClient.newHttpClient();

    @Test
    void uploadRegisterAndOverlappingRunsGiveExactlyTheExpectedEmails(LocalCloud stack) throws Exception {
        String starts = LocalDateTime.now(ZoneId.of("Europe/Brussels")).plusHours(10).truncatedTo(ChronoUnit.MINUTES).toString();
        try (var s3 = stack.s3Client()) {
            s3.putObject(put -> put.bucket("s3cop-uploads").key("webinars/journey.yaml"), RequestBody.fromString(
                    "title: Journey webinar\nworking_group: innovation-diffusion\nstarts: " + starts + "\nduration: PT1H\n"
                            + "join_url: https://example.org/join/journey-room\n"));
        }
        stack.awaitIdle(Duration.ofSeconds(60));

        HttpResponse<String> registered = http.send(HttpRequest.newBuilder(uri(stack, "/webinars/journey/registrations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Eva Lindqvist\", \"email\": \"eva@example.org\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

        CompletableFuture<HttpResponse<String>> first = fire(stack);
        CompletableFuture<HttpResponse<String>> second = fire(stack);
        assertThat(first.get().statusCode()).as(first.get().body()).isEqualTo(200);
        assertThat(second.get().statusCode()).as(second.get().body()).isEqualTo(200);
        assertThat(fire(stack).get().statusCode()).isEqualTo(200);

        List<String> subjects = subjects(stack, "Journey webinar");
        assertThat(subjects).containsExactlyInAnyOrder("You are registered: Journey webinar", "Reminder (tomorrow): Journey webinar");
        assertThat(new DynamoDbWebinarStore(stack.dynamoDbClient(), stack.environment("webinar-scheduler").get("WEBINARS_TABLE"))
                .recordedState("journey")).contains(WebinarState.UPCOMING);
        assertThat(JSON.std.mapFrom(registered.body())).containsKey("token").doesNotContainKey("email");
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
