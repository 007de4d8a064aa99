package eu.s3cop.system;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.stack.LocalCloud;
import eu.s3cop.testing.LocalAws;
import eu.s3cop.testing.LoopbackClients;
import eu.s3cop.testing.SentEmails;
import eu.s3cop.webinar.model.Format;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The day's bound on link emails in all (RegistrationLinksPerDay), which keeps the sending
 * account within its quota whoever asks: once reached, registration says so plainly, sends
 * nothing more, and counts the refusal for the alarm.
 */
@LocalAws(parameters = "RegistrationLinksPerDay=3")
class RegistrationDayCapIntegrationTest {

    @Test
    void theDaysLinksInAllAreBoundedAndTheRefusalSaysWhenToComeBack(LocalCloud stack) {
        ZoneId brussels = ZoneId.of("Europe/Brussels");
        new DynamoDbWebinarStore(stack.dynamoDbClient(), "s3cop-webinars").save(new Webinar("busy-day", "Webinar busy-day", "innovation-diffusion",
                LocalDateTime.now(brussels).plusDays(10).truncatedTo(ChronoUnit.HOURS), brussels, Duration.ofHours(1), "", List.of(),
                Format.ONLINE, null, List.of(), "", null, 0, 0, "", false), "busy-day", Instant.now());
        List<String> logged = new ArrayList<>();
        stack.onInvocation(invocation -> {
            if (invocation.function().equals("reader-api")) {
                logged.addAll(invocation.logLines());
            }
        });
        List<LoopbackClients.Response> answers = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            answers.add(LoopbackClients.post(LoopbackClients.address(i), URI.create(stack.httpEndpoint().orElseThrow() + "/webinars/busy-day/registrations"),
                    "application/json", "{\"name\": \"Ana Novak\", \"email\": \"person" + i + "@domain" + i + ".example\"}", Map.of()));
        }
        assertThat(answers.subList(0, 3)).extracting(LoopbackClients.Response::status).containsOnly(202);
        assertThat(answers.subList(3, 5)).extracting(LoopbackClients.Response::status).containsOnly(503);
        assertThat(answers.get(4).body()).contains("Registration has sent as many emails as it may in a day", "Try again tomorrow (UTC)");
        assertThat(Long.parseLong(answers.get(4).headers().get("retry-after"))).isBetween(1L, 86_400L);
        stack.awaitIdle(Duration.ofSeconds(60));
        assertThat(SentEmails.byRecipientAndSubject(stack)).hasSize(3);
        assertThat(logged.stream().filter(line -> line.contains("\"RegistrationLimitReached\":1")))
                .as("each refusal counted in the metric the alarm watches").hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("CloudWatchMetrics").doesNotContain("person4", "domain4"));
    }
}
