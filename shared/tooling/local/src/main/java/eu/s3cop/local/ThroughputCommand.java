package eu.s3cop.local;

import eu.s3cop.draft.Draft;
import eu.s3cop.draft.DraftKey;
import eu.s3cop.draft.DraftReader;
import eu.s3cop.draft.DraftRules;
import eu.s3cop.upload.Outcome;
import eu.s3cop.publications.DynamoDbPublicationStore;
import eu.s3cop.publications.VersionState;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.stack.StackSettings;
import eu.s3cop.stack.template.Template;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * End-to-end publishing throughput on this machine: many copies of one draft uploaded at once
 * through the S3 endpoint of an in-memory local stack, each published by publish-brief as its
 * S3 event arrives (read, check, lay out, store the PDF, index it, write the report), and the
 * catalogue refreshed from the table's stream by refresh-catalogue, timed from the first upload
 * until the last event is handled and the last listing has reached the site. A warm-up
 * batch first brings the functions' containers to the steady state a busy day sees. Every
 * draft must end published exactly once, or the run fails.
 */
@Command(name = "throughput", mixinStandardHelpOptions = true,
        description = "Upload many drafts at once to a local stack and measure briefs published per second, end to end.")
final class ThroughputCommand implements Callable<Integer> {

    @Option(names = "--drafts", description = "Drafts in the measured batch (default: ${DEFAULT-VALUE}).")
    int drafts = 200;

    /**
     * The steady state a busy day's containers are in takes a while to reach: the JIT compiles the
     * function, the SDK and both local servers, and each of the 8 handler instances makes its own
     * first renders, all on two busy cores. After 400 drafts the rounds still rose (15.2, 16.4,
     * 18.3 briefs a second for the 6-page brief), after 1,000 too (17.4 to 21.9 over five rounds);
     * after 1,200 they agree (18.7, 19.1, 18.8).
     */
    @Option(names = "--warm-up", description = "Drafts published first and not measured (default: ${DEFAULT-VALUE}).")
    int warmUp = 1200;

    @Option(names = "--rounds", description = "Measured batches, each of --drafts new drafts (default: ${DEFAULT-VALUE}).")
    int rounds = 3;

    /** As many warm containers as events at once; on 2 cores 2, 4 and 8 publish at the same rate. */
    @Option(names = "--concurrency", description = "Events the stack handles at once, as that many warm containers (default: ${DEFAULT-VALUE}).")
    int concurrency = 8;

    @Mixin
    BenchmarkInputs inputs;

    private int sequence;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Path file = inputs.draftFile();
        byte[] text = Files.readAllBytes(file);
        if (!(new DraftReader(DraftRules.withWorkingGroups(DraftRules.DEFAULT_WORKING_GROUPS)).read(file.getFileName().toString(), text)
                instanceof Outcome.Accepted<Draft> accepted) || accepted.value().meta().preview()) {
            System.err.println("throughput: " + file + " would not be published; check it with s3cop-local render");
            return 2;
        }
        String workingGroup = accepted.value().meta().workingGroup();
        StackSettings settings = StackSettings.ephemeral().withPorts(0, 0, -1).withRunSchedules(false).withConcurrency(concurrency);
        try (LocalCloud stack = LocalCloud.start(Template.read(inputs.templateFile()), settings)) {
            out.printf("throughput: %d drafts to warm up, then %d rounds of %d drafts, %d events at a time%n",
                    warmUp, rounds, drafts, settings.concurrency());
            batch(stack, workingGroup, text, warmUp);
            List<Double> rates = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                double seconds = batch(stack, workingGroup, text, drafts);
                rates.add(drafts / seconds);
                out.printf(Locale.ROOT, "round %d: %d drafts published in %.2f s, %.1f briefs/s%n", round, drafts, seconds, drafts / seconds);
            }
            List<String> wrong = check(stack, workingGroup);
            if (!wrong.isEmpty()) {
                System.err.println("throughput: not every draft was published exactly once:");
                wrong.forEach(line -> System.err.println("  " + line));
                return 1;
            }
            List<Double> sorted = rates.stream().sorted().toList();
            out.printf(Locale.ROOT, "median: %.1f briefs/s end to end (%d drafts, each published exactly once)%n",
                    sorted.get(sorted.size() / 2), sequence);
        }
        return 0;
    }

    /** Uploads {@code count} new drafts from several threads and waits until every event is handled. */
    private double batch(LocalCloud stack, String workingGroup, byte[] text, int count) throws Exception {
        String uploads = stack.bucket(Seeder.UPLOADS);
        ExecutorService uploaders = Executors.newFixedThreadPool(8);
        long started = System.nanoTime();
        try (S3Client s3 = stack.s3Client()) {
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String key = DraftKey.keyFor(workingGroup, "throughput-" + (sequence++) + ".md");
                puts.add(uploaders.submit(() -> s3.putObject(put -> put.bucket(uploads).key(key), RequestBody.fromBytes(text))));
            }
            for (Future<?> put : puts) {
                put.get();
            }
            stack.awaitIdle(Duration.ofMinutes(30));
        } finally {
            uploaders.shutdown();
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** Each upload's publication, which must hold exactly one version, published. */
    private List<String> check(LocalCloud stack, String workingGroup) {
        List<String> wrong = new ArrayList<>();
        try (DynamoDbClient dynamoDb = stack.dynamoDbClient()) {
            DynamoDbPublicationStore publications = new DynamoDbPublicationStore(dynamoDb, stack.table("PublicationsTable"));
            for (int i = 0; i < sequence; i++) {
                String id = workingGroup + "/throughput-" + i;
                List<VersionState> versions = publications.versionStates(id);
                if (versions.size() != 1 || versions.get(0).version() != 1 || !versions.get(0).published()) {
                    wrong.add(id + ": " + versions);
                }
            }
        }
        return wrong;
    }
}
