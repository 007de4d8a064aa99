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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

    /** As a rapporteurs' deadline brings them: a hundred drafts at once. */
    @Option(names = "--drafts", description = "Drafts in the measured batch (default: ${DEFAULT-VALUE}).")
    int drafts = 100;

    /**
     * What a stack a newcomer has just used has published: 200 drafts. The JIT is still
     * compiling the renderer then (a longer warm-up, 1,200 drafts, gave 23 briefs a second with
     * the JVM's default compilers), which is the state a real stack is in after a quiet week.
     */
    @Option(names = "--warm-up", description = "Drafts published first and not measured (default: ${DEFAULT-VALUE}).")
    int warmUp = 200;

    @Option(names = "--rounds", description = "Measured batches, each of --drafts new drafts (default: ${DEFAULT-VALUE}).")
    int rounds = 3;

    /** As many warm containers as events at once; on 2 cores 2, 4 and 8 publish at the same rate. */
    @Option(names = "--concurrency", description = "Events the stack handles at once, as that many warm containers (default: ${DEFAULT-VALUE}).")
    int concurrency = 8;

    /**
     * The template gives the functions JAVA_TOOL_OPTIONS (C1 alone on Lambda); the stack runs
     * every function in one JVM, so by default the command runs itself again in a JVM started
     * with those options, as Lambda starts a function's.
     */
    @Option(names = "--jvm", description = "lambda: a JVM with the template's JAVA_TOOL_OPTIONS, as Lambda runs the functions;"
            + " as-started: this JVM as it is (default: ${DEFAULT-VALUE}).")
    String jvm = "lambda";

    @Mixin
    BenchmarkInputs inputs;

    private int sequence;
    /** When each draft's upload started, by its number. */
    private final Map<Integer, Long> uploaded = new ConcurrentHashMap<>();
    /** When each draft's publish-brief run ended (its report written) and its thread's CPU time, by file name. */
    private final Map<String, long[]> finished = new ConcurrentHashMap<>();

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        if (jvm.equals("lambda")) {
            Optional<Integer> child = asLambda();
            if (child.isPresent()) {
                return child.get();
            }
        } else if (!jvm.equals("as-started")) {
            System.err.println("throughput: --jvm is lambda or as-started, not " + jvm);
            return 2;
        }
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
            out.printf("throughput: %d drafts to warm up, then %d rounds of %d drafts, %d events at a time, JAVA_TOOL_OPTIONS %s%n",
                    warmUp, rounds, drafts, settings.concurrency(), Objects.requireNonNullElse(System.getenv("JAVA_TOOL_OPTIONS"), "unset"));
            stack.onInvocation(invocation -> {
                if (invocation.function().equals("publish-brief") && invocation.succeeded()) {
                    finished.put(invocation.trigger().substring(invocation.trigger().lastIndexOf('/') + 1), new long[] {System.nanoTime(), invocation.cpuNanos()});
                }
            });
            inputs.uploadBesideFiles(stack, "drafts/" + workingGroup);
            batch(stack, workingGroup, text, warmUp);
            List<Double> rates = new ArrayList<>();
            List<Double> latencies = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                int first = sequence;
                double seconds = batch(stack, workingGroup, text, drafts);
                rates.add(drafts / seconds);
                List<Double> roundLatencies = new ArrayList<>();
                for (int i = first; i < sequence; i++) {
                    long[] done = finished.get("throughput-" + i + ".md");
                    if (done != null) {
                        roundLatencies.add((done[0] - uploaded.get(i)) / 1e9);
                        cpu.add(done[1] / 1e6);
                    }
                }
                latencies.addAll(roundLatencies);
                out.printf(Locale.ROOT, "round %d: %d drafts published in %.2f s, %.1f briefs/s; upload to report: median %.2f s, p90 %.2f s%n",
                        round, drafts, seconds, drafts / seconds, percentile(roundLatencies, 50), percentile(roundLatencies, 90));
            }
            out.printf(Locale.ROOT, "upload to report over the rounds: median %.2f s, p90 %.2f s;"
                    + " publish-brief's own CPU a brief (its handler's thread): median %.0f ms, p90 %.0f ms%n",
                    percentile(latencies, 50), percentile(latencies, 90), percentile(cpu, 50), percentile(cpu, 90));
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
                int number = sequence++;
                String key = DraftKey.keyFor(workingGroup, "throughput-" + number + ".md");
                puts.add(uploaders.submit(() -> {
                    uploaded.put(number, System.nanoTime());
                    return s3.putObject(put -> put.bucket(uploads).key(key), RequestBody.fromBytes(text));
                }));
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

    /** The {@code p}th percentile, nearest rank; 0 for none. */
    static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /**
     * Runs this command again in a JVM started with the template's JAVA_TOOL_OPTIONS for
     * publish-brief, unless this is that JVM; empty when it is, or the template sets none.
     */
    private Optional<Integer> asLambda() throws Exception {
        Object given = Template.read(inputs.templateFile()).function("publish-brief").environment().get("JAVA_TOOL_OPTIONS");
        String options = given instanceof String text ? text : "";
        if (options.isEmpty() || options.equals(System.getenv("JAVA_TOOL_OPTIONS"))) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "throughput",
                "--drafts", String.valueOf(drafts), "--warm-up", String.valueOf(warmUp), "--rounds", String.valueOf(rounds),
                "--concurrency", String.valueOf(concurrency), "--template", inputs.templateFile().toAbsolutePath().toString(),
                "--draft", inputs.draftFile().toAbsolutePath().toString()));
        ProcessBuilder child = new ProcessBuilder(command).inheritIO();
        child.environment().put("JAVA_TOOL_OPTIONS", options);
        return Optional.of(child.start().waitFor());
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
