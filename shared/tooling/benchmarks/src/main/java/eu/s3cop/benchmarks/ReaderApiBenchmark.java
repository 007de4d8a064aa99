package eu.s3cop.benchmarks;

import static eu.s3cop.benchmarks.ApiAnswers.answer;
import static eu.s3cop.benchmarks.ApiAnswers.expect;

import eu.s3cop.publications.DynamoDbPublicationStore;
import eu.s3cop.publications.Publication;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.stack.StackSettings;
import eu.s3cop.testing.EventFiles;
import eu.s3cop.testing.ProjectFiles;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The reader API's two hottest requests, warm, as Lambda runs them: the event read by the
 * Lambda serializer, the handler, its DynamoDB Local query over HTTP, and the answer written
 * back. The stack holds a catalogue of published briefs, made by the real publish-brief.
 * Run from the project's folder (it reads {@code template.yaml} and {@code events/}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
// DynamoDB Local's native storage libraries, which the build copies there.
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dsqlite4java.library.path=shared/tooling/benchmarks/target/native-libs"})
public class ReaderApiBenchmark {

    private static final int BRIEFS = 60;
    private static final String DOWNLOAD = """
            {"version": "2.0", "routeKey": "GET /publications/{working_group}/{slug}/download",
             "rawPath": "/publications/innovation-diffusion/benchmark-brief-3/download", "rawQueryString": "",
             "headers": {"accept": "*/*", "host": "127.0.0.1:3000"},
             "pathParameters": {"working_group": "innovation-diffusion", "slug": "benchmark-brief-3"},
             "requestContext": {"accountId": "000000000000", "apiId": "local", "domainName": "127.0.0.1:3000",
               "http": {"method": "GET", "path": "/publications/innovation-diffusion/benchmark-brief-3/download",
                        "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1", "userAgent": "benchmark"},
               "requestId": "benchmark", "routeKey": "GET /publications/{working_group}/{slug}/download",
               "stage": "$default", "timeEpoch": 1716372000000},
             "isBase64Encoded": false}
            """;

    private LocalCloud stack;
    private String listing;
    private DynamoDbClient dynamoDb;
    private DynamoDbPublicationStore publications;

    @Setup(Level.Trial)
    public void publishCatalogue() {
        stack = LocalCloud.start(ProjectFiles.template(), StackSettings.ephemeral().withPorts(0, 0, -1).withRunSchedules(false));
        try (S3Client s3 = stack.s3Client()) {
            for (int i = 0; i < BRIEFS; i++) {
                String draft = "---\ntitle: Benchmark brief " + i + "\ntype: policy-brief\nworking_group: innovation-diffusion\n"
                        + "authors: [Author " + i + "]\ndate: 2024-" + String.format("%02d", 1 + i % 12) + "-10\n"
                        + "summary: A brief in the benchmark's catalogue.\n---\n\nText of brief " + i + ".\n";
                int n = i;
                s3.putObject(put -> put.bucket("s3cop-uploads").key("drafts/innovation-diffusion/benchmark-brief-" + n + ".md"),
                        RequestBody.fromString(draft));
            }
        }
        stack.awaitIdle(Duration.ofMinutes(5));
        listing = EventFiles.json("reader-api/list-publications.json");
        dynamoDb = stack.dynamoDbClient();
        publications = new DynamoDbPublicationStore(dynamoDb, stack.environment("reader-api").get("PUBLICATIONS_TABLE"));
        expect(listing(), "\"statusCode\":200", "Benchmark brief");
        expect(downloadRedirect(), "\"statusCode\":302", "X-Amz-Signature");
    }

    @TearDown(Level.Trial)
    public void stop() {
        dynamoDb.close();
        stack.close();
    }

    /**
     * One GetItem of a publication from DynamoDB Local, alone: the floor under both requests on
     * this machine, so the handler's own share is what the other two take beyond it.
     */
    @Benchmark
    public Optional<Publication> storeRoundTrip() {
        return publications.publication("innovation-diffusion/benchmark-brief-3");
    }

    @Benchmark
    public String listing() {
        return answer(stack.invoke("reader-api", listing));
    }

    @Benchmark
    public String downloadRedirect() {
        return answer(stack.invoke("reader-api", DOWNLOAD));
    }
}
