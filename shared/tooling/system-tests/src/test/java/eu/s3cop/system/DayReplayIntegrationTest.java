package eu.s3cop.system;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.publications.DynamoDbPublicationStore;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.webinar.store.EmailClaims;
import eu.s3cop.stack.StackSettings;
import eu.s3cop.stack.lambda.Events;
import eu.s3cop.stack.lambda.Invocation;
import eu.s3cop.stack.s3.ObjectCreated;
import eu.s3cop.stack.template.Trigger;
import eu.s3cop.testing.ProjectFiles;
import eu.s3cop.testing.SentEmails;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * A day of the system's events (drafts, changed drafts, rejected drafts, webinar files and
 * their changes, the scheduler's runs) replayed in two fresh stacks holding the same uploads:
 * once in order, one at a time; once with every event delivered twice, shuffled, eight at a
 * time (scheduler runs keep their time order, as EventBridge fires them, but each comes twice
 * and at once). The final states are equal: publications and their versions, PDFs, webinars,
 * and the emails each registrant received. {@code -Dreplay.drafts=300} replays a bigger day.
 */
class DayReplayIntegrationTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final HttpClient http = HttpClient.newHttpClient();

    private record Day(List<String> uploadEvents, List<List<String>> scheduledRuns) {
    }

    @Test
    void shuffledRepeatedConcurrentDeliveryEndsWhereAnOrderedReplayEnds() throws Exception {
        int drafts = Integer.getInteger("replay.drafts", 30);
        LocalDateTime starts = LocalDateTime.now(BRUSSELS).plusDays(2).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> ordered;
        Map<String, Object> shuffled;
        int events;
        try (LocalCloud stack = LocalCloud.start(ProjectFiles.template(), StackSettings.ephemeral().withS3Events(false))) {
            Day day = prepare(stack, drafts, starts);
            events = day.uploadEvents().size() + day.scheduledRuns().size();
            for (String event : day.uploadEvents()) {
                invoke(stack, event);
            }
            register(stack);
            for (List<String> run : day.scheduledRuns()) {
                invoke(stack, run.get(0));
            }
            ordered = state(stack, drafts);
            // Who published what: each version names the session that uploaded its draft.
            try (var dynamoDb = stack.dynamoDbClient()) {
                assertThat(new DynamoDbPublicationStore(dynamoDb, stack.table("PublicationsTable")).uploadedBy("industrial-transition/day-1", 1))
                        .contains("AWS:AROAEXAMPLEROLEID:industrial-transition");
            }
        }
        try (LocalCloud stack = LocalCloud.start(ProjectFiles.template(), StackSettings.ephemeral().withS3Events(false))) {
            Day day = prepare(stack, drafts, starts);
            List<String> twice = new ArrayList<>(day.uploadEvents());
            twice.addAll(day.uploadEvents());
            Collections.shuffle(twice, new Random(20261122L));
            concurrently(stack, twice);
            register(stack);
            for (List<String> run : day.scheduledRuns()) {
                concurrently(stack, List.of(run.get(0), run.get(0)));
            }
            shuffled = state(stack, drafts);
        }
        System.out.printf("day replay: %d events once in order, and %d delivered twice, shuffled, 8 at a time; states equal: %s%n",
                events, events, ordered.equals(shuffled));
        assertThat(shuffled).isEqualTo(ordered);
        // Every well-formed draft once, in its revised text where it was revised; the broken ones nowhere.
        assertThat((Map<?, ?>) ordered.get("publications")).hasSize(drafts - drafts / 10);
        assertThat((List<?>) ordered.get("pdfs")).hasSize(drafts - drafts / 10);
        assertThat((List<?>) ordered.get("words")).hasSize(drafts - drafts / 10);
        assertThat((List<?>) ordered.get("articles")).hasSize(drafts - drafts / 10);
        assertThat(String.valueOf(ordered.get("emails"))).contains("Confirm your registration", "You are registered", "Reminder (tomorrow)",
                "Reminder (in one hour)");
    }

    /** Uploads the day's files (the last content of each key stays) and returns the events they and the schedule cause. */
    private static Day prepare(LocalCloud stack, int drafts, LocalDateTime starts) throws Exception {
        String uploads = stack.bucket("UploadsBucket");
        List<String> events = new ArrayList<>();
        List<String> groups = List.of("innovation-diffusion", "industrial-transition", "interregional-cooperation");
        try (S3Client s3 = stack.s3Client()) {
            for (int d = 0; d < drafts; d++) {
                String key = "drafts/" + groups.get(d % 3) + "/day-" + d + ".md";
                String draft = d % 10 == 9
                        ? "---\ntitle: Broken " + d + "\ntype: memo\n---\nText.\n"
                        : "---\ntitle: Day brief " + d + "\ntype: policy-brief\nworking_group: " + groups.get(d % 3)
                                + "\nauthors: [Replay Test]\ndate: 2024-05-23\n---\n\n# Brief " + d + "\n\nText of brief " + d + ".\n";
                events.add(uploaded(stack, s3, uploads, key, draft));
                if (d % 4 == 0) {
                    // Changed later the same day: the first event finds its content superseded.
                    events.add(uploaded(stack, s3, uploads, key, draft.replace("Text of brief", "Revised text of brief")));
                }
            }
            for (int w = 0; w < 3; w++) {
                String key = "webinars/day-" + w + ".yaml";
                String file = "title: Day webinar " + w + "\nworking_group: innovation-diffusion\nstarts: " + starts.plusHours(w)
                        + "\nduration: PT1H\njoin_url: https://example.org/join/day-" + w + "\n";
                events.add(uploaded(stack, s3, uploads, key, file));
                if (w == 2) {
                    events.add(uploaded(stack, s3, uploads, key, file + "description: Moved online.\n"));
                }
            }
        }
        Instant start = starts.atZone(BRUSSELS).toInstant();
        List<List<String>> runs = new ArrayList<>();
        Trigger.Schedule schedule = stack.template().function("webinar-scheduler").triggers(Trigger.Schedule.class).get(0);
        for (Instant time : List.of(Instant.now(), start.minus(Duration.ofHours(23)), start.minus(Duration.ofMinutes(50)),
                start.plus(Duration.ofMinutes(140)), start.plus(Duration.ofHours(4)))) {
            runs.add(List.of("webinar-scheduler\n" + Events.scheduled(schedule, "webinar-scheduler", StackSettings.REGION, time)));
        }
        return new Day(events, runs);
    }

    private static String uploaded(LocalCloud stack, S3Client s3, String bucket, String key, String content) {
        PutObjectResponse put = s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromString(content));
        String function = key.startsWith("drafts/") ? "publish-brief" : "register-secretariat-files";
        return function + "\n" + Events.s3(new ObjectCreated(bucket, key, content.length(), put.eTag().replace("\"", ""), "ObjectCreated:Put",
                Instant.now()), StackSettings.REGION, uploader(key));
    }

    /** The principal of a role session per folder, as AWS names the uploader in the event. */
    private static String uploader(String key) {
        return "AWS:AROAEXAMPLEROLEID:" + key.split("/")[key.startsWith("drafts/") ? 1 : 0];
    }

    private static void invoke(LocalCloud stack, String event) {
        int split = event.indexOf('\n');
        Invocation invocation = stack.invoke(event.substring(0, split), event.substring(split + 1));
        assertThat(invocation.succeeded()).as(String.valueOf(invocation.error())).isTrue();
    }

    private static void concurrently(LocalCloud stack, List<String> events) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String event : events) {
                done.add(pool.submit(() -> invoke(stack, event)));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Two people ask to register for each webinar and confirm from the page their emailed link opens. */
    private static void register(LocalCloud stack) throws Exception {
        for (int w = 0; w < 3; w++) {
            for (String person : List.of("ana", "jan")) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.httpEndpoint().orElseThrow()
                                + "/webinars/day-" + w + "/registrations")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + person + "\", \"email\": \"" + person + "@example.org\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            }
        }
        stack.awaitIdle(Duration.ofSeconds(60));
        try (var dynamoDb = stack.dynamoDbClient()) {
            EmailClaims claims = new EmailClaims(dynamoDb, stack.table("WebinarsTable"));
            for (int w = 0; w < 3; w++) {
                for (EmailClaims.Registrant registrant : claims.registrants("day-" + w, Instant.now())) {
                    HttpResponse<String> confirmed = http.send(HttpRequest.newBuilder(URI.create(stack.httpEndpoint().orElseThrow()
                                    + "/webinars/day-" + w + "/registrations/" + registrant.token())).header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("action=confirm")).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
                }
            }
        }
        stack.awaitIdle(Duration.ofSeconds(60));
    }

    /** What the day left: publications with their published versions, PDFs, webinars, and each recipient's emails. */
    private static Map<String, Object> state(LocalCloud stack, int drafts) throws Exception {
        Map<String, Object> state = new TreeMap<>();
        try (var dynamoDb = stack.dynamoDbClient(); S3Client s3 = stack.s3Client()) {
            Map<String, List<String>> publications = new TreeMap<>();
            DynamoDbPublicationStore store = new DynamoDbPublicationStore(dynamoDb, stack.table("PublicationsTable"));
            for (String group : List.of("innovation-diffusion", "industrial-transition", "interregional-cooperation")) {
                for (int d = 0; d < drafts; d++) {
                    String id = group + "/day-" + d;
                    List<String> versions = store.versionStates(id).stream()
                            .map(version -> (version.published() ? "PUBLISHED" : "PENDING") + " v" + version.version() + " " + version.draftSha256())
                            .toList();
                    if (!versions.isEmpty()) {
                        publications.put(id, versions);
                    }
                }
            }
            state.put("publications", publications);
            List<String> briefFiles = s3.listObjectsV2Paginator(list -> list.bucket(stack.bucket("PublicationsBucket")).prefix("briefs/"))
                    .contents().stream().map(object -> object.key()).sorted().toList();
            state.put("pdfs", briefFiles.stream().filter(key -> key.endsWith(".pdf")).toList());
            // Each version's words beside its PDF, for the search index.
            state.put("words", briefFiles.stream().filter(key -> key.endsWith(".txt")).toList());
            // And its article, from which the site makes the version's page.
            state.put("articles", briefFiles.stream().filter(key -> key.endsWith(".html")).toList());
            Map<String, String> webinars = new TreeMap<>();
            DynamoDbWebinarStore webinarStore = new DynamoDbWebinarStore(dynamoDb, stack.table("WebinarsTable"));
            for (int w = 0; w < 3; w++) {
                String id = "day-" + w;
                webinars.put(id, "sequence " + webinarStore.get(id).orElseThrow().sequence());
            }
            state.put("webinars", webinars);
        }
        state.put("emails", SentEmails.byRecipientAndSubject(stack));
        return state;
    }
}
