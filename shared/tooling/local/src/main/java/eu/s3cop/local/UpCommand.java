package eu.s3cop.local;

import eu.s3cop.stack.LocalCloud;
import eu.s3cop.stack.StackException;
import eu.s3cop.stack.StackSettings;
import eu.s3cop.stack.template.Template;
import eu.s3cop.stack.template.TemplateException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Starts the stack, prints what runs where, and runs until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start S3, DynamoDB and the HTTP API on 127.0.0.1 with the template's buckets, tables and functions.")
final class UpCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "Where objects, tables and the outbox persist (default: ${DEFAULT-VALUE}).")
    Path data = Path.of(".s3cop-local");

    @Option(names = "--ephemeral", description = "Keep everything in memory; nothing is written to disk but the outbox (a temporary folder).")
    boolean ephemeral;

    @Option(names = "--seed", description = "Upload the sample drafts, webinar files and working-group registries from events/ once the stack is up.")
    boolean seed;

    @Option(names = "--template", paramLabel = "FILE", description = "The template to run (default: the nearest template.yaml from the working directory up).")
    Path template;

    @Option(names = "--s3-port", description = "S3 endpoint port (default: ${DEFAULT-VALUE}).")
    int s3Port = StackSettings.S3_PORT;

    @Option(names = "--dynamodb-port", description = "DynamoDB endpoint port (default: ${DEFAULT-VALUE}).")
    int dynamoDbPort = StackSettings.DYNAMODB_PORT;

    @Option(names = "--http-port", description = "HTTP endpoint port (default: ${DEFAULT-VALUE}).")
    int httpPort = StackSettings.HTTP_PORT;

    @Option(names = "--no-schedules", negatable = false, description = "Do not run schedules on their own (they still run on demand).")
    boolean noSchedules;

    @Option(names = "--no-s3-events", negatable = false,
            description = "Do not invoke functions when objects are written (invoke them by hand, as the cold-start benchmark does).")
    boolean noS3Events;

    @Option(names = "--parameter", paramLabel = "NAME=VALUE", description = "Override a template parameter; repeatable.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Override
    public Integer call() {
        PrintStream out = System.out;
        Template loaded;
        Path templateFile;
        try {
            templateFile = template != null ? template : Template.locate(Path.of("")).orElseThrow(() ->
                    new TemplateException("No template.yaml in " + Path.of("").toAbsolutePath()
                            + " or its parents: run from the project folder or pass --template FILE"));
            loaded = Template.read(templateFile);
        } catch (TemplateException e) {
            System.err.println("s3cop-local: " + e.getMessage());
            return 2;
        }
        StackSettings settings = StackSettings.defaults(ephemeral ? null : data.toAbsolutePath())
                .withPorts(s3Port, dynamoDbPort, httpPort)
                .withRunSchedules(!noSchedules)
                .withS3Events(!noS3Events)
                .withParameters(parameters);
        LocalCloud stack;
        try {
            stack = LocalCloud.start(loaded, settings);
        } catch (StackException e) {
            System.err.println("s3cop-local: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping…");
            stack.close();
            stopped.countDown();
        }, "s3cop-shutdown"));

        stack.onInvocation(invocation -> {
            out.println(invocation.summary());
            invocation.failure().ifPresent(error -> out.println("    " + error));
        });
        new Summary(stack, templateFile).print(out);
        if (seed) {
            Seeder.seed(stack, templateFile.toAbsolutePath().getParent().resolve("events"), out);
            stack.awaitIdle(Duration.ofMinutes(5));
        }
        out.println("Ready. Ctrl-C stops the stack.");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
