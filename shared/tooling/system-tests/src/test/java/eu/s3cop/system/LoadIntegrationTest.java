package eu.s3cop.system;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.publications.DynamoDbPublicationStore;
import eu.s3cop.publications.VersionState;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.testing.LocalAws;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Many drafts uploaded at once while readers keep asking the API: every draft is published
 * exactly once, nothing is lost, and the API answers throughout. Prints drafts per second and
 * the API's latency percentiles. {@code -Dload.drafts=500} runs a bigger load.
 */
@LocalAws
class LoadIntegrationTest {

    @Test
    void manyDraftsAtOnceArePublishedOnceEachWhileTheApiKeepsAnswering(LocalCloud stack) throws Exception {
        int drafts = Integer.getInteger("load.drafts", 60);
        String uploads = stack.bucket("UploadsBucket");
        HttpClient http = HttpClient.newHttpClient();
        URI listing = stack.httpEndpoint().orElseThrow().resolve("/publications?limit=20");
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(2);
        for (int r = 0; r < 2; r++) {
            readers.submit(() -> {
                while (loading.get()) {
                    long started = System.nanoTime();
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(listing).build(), HttpResponse.BodyHandlers.ofString());
                    latencies.add((System.nanoTime() - started) / 1_000);
                    statuses.add(response.statusCode());
                }
                return null;
            });
        }
        long started = System.nanoTime();
        ExecutorService uploaders = Executors.newFixedThreadPool(8);
        List<Future<?>> puts = new ArrayList<>();
        try (S3Client s3 = stack.s3Client()) {
            for (int i = 0; i < drafts; i++) {
                int n = i;
                puts.add(uploaders.submit(() -> s3.putObject(put -> put.bucket(uploads).key("drafts/innovation-diffusion/load-" + n + ".md"), RequestBody.fromString(
                        "---\ntitle: Load brief " + n + "\ntype: policy-brief\nworking_group: innovation-diffusion\nauthors: [Load Test]\n"
                                + "date: 2024-05-23\n---\n\n# Brief " + n + "\n\n" + "Regions cooperate on smart specialisation. ".repeat(200)
                                + "\n\n| Region | Share |\n|---|---:|\n| North | " + n + " % |\n"))));
            }
            for (Future<?> put : puts) {
                put.get();
            }
            stack.awaitIdle(Duration.ofMinutes(10));
        } finally {
            uploaders.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        loading.set(false);
        readers.shutdown();
        assertThat(readers.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)).isTrue();

        List<String> wrong = new ArrayList<>();
        try (var dynamoDb = stack.dynamoDbClient()) {
            DynamoDbPublicationStore publications = new DynamoDbPublicationStore(dynamoDb, stack.table("PublicationsTable"));
            for (int i = 0; i < drafts; i++) {
                String id = "innovation-diffusion/load-" + i;
                List<VersionState> versions = publications.versionStates(id);
                if (versions.size() != 1 || versions.get(0).version() != 1 || !versions.get(0).published()) {
                    wrong.add(id + ": " + versions);
                }
            }
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("load: %d drafts published in %.1f s (%.1f drafts/s); API %d answers, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                drafts, seconds, drafts / seconds, sorted.size(), percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                percentile(sorted, 100));
        assertThat(wrong).isEmpty();
        assertThat(statuses).isNotEmpty().containsOnly(200);
    }

    private static double percentile(List<Long> sortedMicros, int percent) {
        int index = Math.min(sortedMicros.size() - 1, (int) Math.ceil(percent / 100.0 * sortedMicros.size()) - 1);
        return sortedMicros.get(Math.max(0, index)) / 1000.0;
    }
}
