package eu.s3cop.local;

import eu.s3cop.stack.LocalCloud;
import eu.s3cop.stack.StackSettings;
import eu.s3cop.stack.lambda.ColdStart;
import eu.s3cop.stack.template.FunctionResource;
import eu.s3cop.stack.template.Template;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Measures each function's cold start on this machine: a fresh JVM with only the function's
 * deployment package and the Lambda runtime's libraries on its class path creates the handler
 * and handles one real event against a local stack. Four ways, taken in turn so that a noisy
 * moment spreads over all of them: plain; with the SnapStart priming hook run first (its
 * first invocation is what a restored snapshot still has to do); and both again with an
 * application class-data-sharing archive made by a training run.
 */
@Command(name = "cold-start", mixinStandardHelpOptions = true,
        description = "Measure each function's cold start from its deployment package against a local stack (build with mvn package first).")
final class ColdStartCommand implements Callable<Integer> {

    private static final Pattern FIELD = Pattern.compile("(\\w+)=(-?\\d+)");
    private static final List<String> VARIANTS = List.of("plain", "primed", "appcds", "appcds+primed");

    /** What each function's single event is, and what its output must show for the run to count. */
    private record Scenario(String eventFile, String expected) {
    }

    private static final Map<String, Scenario> SCENARIOS = Map.of(
            "publish-brief", new Scenario("publish-brief/draft-uploaded.json", "\"result\":\"PUBLISHED\""),
            "refresh-catalogue", new Scenario("refresh-catalogue/briefs-listed.json", "\"message\":\"catalogue refreshed\""),
            "register-secretariat-files", new Scenario("register-secretariat-files/webinar-uploaded.json", "\"result\":\"REGISTERED\""),
            "webinar-scheduler", new Scenario("webinar-scheduler/scheduled.json", "\"message\":\"run done\""),
            "registration-lists", new Scenario("registration-lists/registrations-changed.json", "\"message\":\"lists refreshed\""),
            "register-dois", new Scenario("register-dois/scheduled.json", "\"message\":\"DOIs registered\""),
            "reader-api", new Scenario("reader-api/list-publications.json", ColdStart.RESULT));

    @Option(names = "--runs", description = "Runs of each way per function (default: ${DEFAULT-VALUE}).")
    int runs = 5;

    @Option(names = "--function", split = ",", description = "Only these functions (default: all).")
    List<String> only = new ArrayList<>();

    @Mixin
    BenchmarkInputs inputs;

    @Option(names = "--no-reference", description = "Do not time pandoc + Chromium converting the same draft, even when both are installed.")
    boolean noReference;

    private int sequence;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Path root = inputs.root();
        Template loaded = Template.read(inputs.templateFile());
        Path runtime = runtimeLibraries();
        Path work = Files.createTempDirectory("s3cop-cold-start");
        Map<String, Map<String, List<Map<String, Long>>>> results = new LinkedHashMap<>();
        try (LocalCloud stack = LocalCloud.start(loaded, StackSettings.ephemeral().withS3Events(false).withStreams(false))) {
            for (FunctionResource function : loaded.functions()) {
                if (!only.isEmpty() && !only.contains(function.name())) {
                    continue;
                }
                Path jar = root.resolve(function.codeUri());
                if (!Files.isRegularFile(jar)) {
                    System.err.println("s3cop-local: no deployment package at " + jar + "; run mvn package first");
                    return 2;
                }
                out.printf("%s: training run for the class-data-sharing archive, then %d runs of each way%n", function.name(), runs);
                Path archive = work.resolve(function.name() + ".jsa");
                run(stack, root, function, jar, runtime, work, List.of("-XX:ArchiveClassesAtExit=" + archive), true);
                Map<String, List<Map<String, Long>>> byVariant = new LinkedHashMap<>();
                List<String> variants = new ArrayList<>(VARIANTS);
                Optional<Reference> reference = function.name().equals("publish-brief") && !noReference ? Reference.find() : Optional.empty();
                if (reference.isPresent()) {
                    out.printf("%s: pandoc + Chromium convert the same draft in turn with the four ways%n", function.name());
                    variants.add(Reference.WAY);
                }
                for (int round = 0; round < runs; round++) {
                    for (int i = 0; i < variants.size(); i++) {
                        String variant = variants.get((i + round) % variants.size());
                        Map<String, Long> timings;
                        if (variant.equals(Reference.WAY)) {
                            timings = reference.get().convert(inputs.draftFile(), work.resolve("reference-" + (++sequence)));
                        } else {
                            List<String> flags = variant.startsWith("appcds") ? List.of("-XX:SharedArchiveFile=" + archive) : List.of();
                            timings = run(stack, root, function, jar, runtime, work, flags, variant.endsWith("primed"));
                        }
                        byVariant.computeIfAbsent(variant, key -> new ArrayList<>()).add(timings);
                    }
                }
                results.put(function.name(), byVariant);
            }
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
        print(out, results);
        return 0;
    }

    /** One fresh JVM: the function's package, one event, the timings it prints and its wall-clock time. */
    private Map<String, Long> run(LocalCloud stack, Path root, FunctionResource function, Path jar, Path runtime, Path work,
            List<String> jvmFlags, boolean prime) throws IOException, InterruptedException {
        Scenario scenario = SCENARIOS.get(function.name());
        Path event = work.resolve("event-" + (++sequence) + ".json");
        Files.writeString(event, event(stack, root, function.name(), scenario), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx" + function.memoryMb() * 85 / 100 + "m", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", jar + java.io.File.pathSeparator + runtime.resolve("*"), ColdStart.class.getName(),
                function.handlerClass(), event.toString()));
        if (prime) {
            command.add("--prime");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(stack.environment(function.name()));
        builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        long started = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0 || !output.contains(scenario.expected())
                || !output.contains(ColdStart.RESULT)) {
            throw new IllegalStateException(function.name() + ": the cold start did not do its work:\n" + output);
        }
        long wall = (System.nanoTime() - started) / 1_000_000;
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("wall", wall);
        Matcher field = FIELD.matcher(output.substring(output.indexOf(ColdStart.RESULT)));
        while (field.find()) {
            timings.put(field.group(1), Long.parseLong(field.group(2)));
        }
        return timings;
    }

    /** The sample event for the function, pointed at a fresh upload where the function reads one. */
    private String event(LocalCloud stack, Path root, String function, Scenario scenario) throws IOException {
        String json = Files.readString(root.resolve("events").resolve(scenario.eventFile()), StandardCharsets.UTF_8);
        String key = switch (function) {
            case "publish-brief" -> {
                inputs.uploadBesideFiles(stack, "drafts/innovation-diffusion");
                yield upload(stack, inputs.draftFile(), "drafts/innovation-diffusion/cold-start-" + sequence + ".md");
            }
            case "register-secretariat-files" -> upload(stack, root.resolve("events/webinars/bottlenecks-innovation-diffusion-2024.yaml"),
                    "webinars/cold-start-" + sequence + ".yaml");
            default -> null;
        };
        if (key != null) {
            json = json.replaceFirst("\"key\": \"[^\"]+\"", "\"key\": \"" + key + "\"").replaceFirst("\"eTag\": \"[^\"]+\"", "\"eTag\": \"\"");
        }
        return json.replaceFirst("\"time\": \"[^\"]+\"", "\"time\": \"" + Instant.now() + "\"");
    }

    private static String upload(LocalCloud stack, Path file, String key) {
        try (S3Client s3 = stack.s3Client()) {
            s3.putObject(put -> put.bucket(stack.bucket(Seeder.UPLOADS)).key(key), RequestBody.fromFile(file));
        }
        return key;
    }

    private static void print(PrintStream out, Map<String, Map<String, List<Map<String, Long>>>> results) {
        out.println();
        out.println("Medians in milliseconds; \"first event\" after priming is what a SnapStart restore still does.");
        out.println();
        out.println("| function | way | whole process | handler init | priming | first event | peak RSS (MB) |");
        out.println("|---|---|---:|---:|---:|---:|---:|");
        results.forEach((function, byVariant) -> byVariant.forEach((variant, timings) -> {
            if (variant.equals(Reference.WAY)) {
                out.printf("| %s | %s | %d | - | - | - | - |%n", function, variant, median(timings, "wall"));
            } else {
                out.printf("| %s | %s | %d | %d | %s | %d | %d |%n", function, variant, median(timings, "wall"), median(timings, "init"),
                        variant.endsWith("primed") ? String.valueOf(median(timings, "prime")) : "-", median(timings, "invoke"),
                        median(timings, "peakRssMb"));
            }
        }));
        results.forEach((function, byVariant) -> {
            List<Map<String, Long>> reference = byVariant.get(Reference.WAY);
            if (reference != null) {
                long against = median(reference, "wall");
                out.println();
                out.printf("%s against %s (whole process, median over median; below 1 is faster):%n", function, Reference.WAY);
                byVariant.forEach((variant, timings) -> {
                    if (!variant.equals(Reference.WAY)) {
                        out.printf(Locale.ROOT, "  %-14s %.2f%n", variant, (double) median(timings, "wall") / against);
                    }
                });
            }
        });
    }

    private static long median(List<Map<String, Long>> timings, String field) {
        List<Long> values = timings.stream().map(timing -> timing.getOrDefault(field, -1L)).sorted().toList();
        return values.get(values.size() / 2);
    }

    /** The Lambda runtime's own libraries, copied beside the jar by the build (target/lambda-runtime). */
    private static Path runtimeLibraries() {
        try {
            Path code = Path.of(ColdStartCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path runtime = code.getParent().resolve("lambda-runtime");
            if (!Files.isDirectory(runtime)) {
                throw new UncheckedIOException(new IOException("No Lambda runtime libraries at " + runtime + "; build with mvn package"));
            }
            return runtime;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
