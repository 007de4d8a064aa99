package eu.s3cop.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.s3cop.core.AwsClients;
import eu.s3cop.core.FunctionEnvironment;
import eu.s3cop.stack.dynamodb.LocalDynamoDb;
import eu.s3cop.stack.dynamodb.Tables;
import eu.s3cop.stack.http.HttpGateway;
import eu.s3cop.stack.http.Route;
import eu.s3cop.stack.http.StaticSite;
import eu.s3cop.stack.lambda.EventFilter;
import eu.s3cop.stack.lambda.Events;
import eu.s3cop.stack.lambda.FunctionRunner;
import eu.s3cop.stack.lambda.Invocation;
import eu.s3cop.stack.lambda.StreamMapping;
import eu.s3cop.stack.mail.Outbox;
import eu.s3cop.stack.s3.LocalS3;
import eu.s3cop.stack.s3.ObjectEvent;
import eu.s3cop.stack.schedule.ScheduleExpression;
import eu.s3cop.stack.template.BucketResource;
import eu.s3cop.stack.template.FunctionResource;
import eu.s3cop.stack.template.LocalResolver;
import eu.s3cop.stack.template.Template;
import eu.s3cop.stack.template.TemplateException;
import eu.s3cop.stack.template.Trigger;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole system on one machine: an S3 endpoint, a DynamoDB endpoint and an HTTP endpoint on
 * 127.0.0.1, the template's buckets and tables, and its functions wired to their triggers.
 *
 * <p>Uploads and deletions by any S3 client reach the functions the template wires to that bucket, event type,
 * prefix and suffix, as asynchronous invocations: delivered once, in the background, and retried
 * twice after a failure, as Lambda does. Changes to a table with a stream reach the functions
 * the template maps to that stream, in ordered batches, as Lambda's event source mappings
 * deliver them. Schedules run on their expressions and on demand.
 */
public final class LocalCloud implements AutoCloseable {

    private static final int ASYNC_ATTEMPTS = 3;
    private static final String SITE_BUCKET = "SiteBucket";
    /** The template parameter that says where readers reach the site, for links in emails. */
    private static final String SITE_URL = "SiteUrl";

    private final StackSettings settings;
    private final Template template;
    private final Path outboxFolder;
    private final List<Consumer<Invocation>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, FunctionRunner> runners = new LinkedHashMap<>();
    /** The EventBridge rules on the default bus that the template gives functions. */
    private final List<EventRule> eventRules = new CopyOnWriteArrayList<>();

    private record EventRule(String function, String eventId, EventFilter filter) {
    }
    private final Map<String, String> bucketNames = new LinkedHashMap<>();
    private final Map<String, String> tableNames = new LinkedHashMap<>();
    private final ExecutorService deliveries;
    private final ScheduledExecutorService clock;
    private final Pending pending = new Pending();
    private final List<StreamMapping> streamMappings = new ArrayList<>();
    private DynamoDbStreamsClient streamsClient;
    private LocalS3 s3;
    private LocalDynamoDb dynamoDb;
    private HttpGateway http;
    private S3Client siteClient;
    private volatile boolean closed;

    private LocalCloud(StackSettings settings, Template template) {
        this.settings = settings;
        this.template = template;
        this.outboxFolder = settings.dataDirectory() == null
                ? temporaryOutbox()
                : settings.dataDirectory().resolve("outbox");
        this.deliveries = Executors.newFixedThreadPool(settings.concurrency(), daemon("s3cop-lambda"));
        this.clock = Executors.newSingleThreadScheduledExecutor(daemon("s3cop-schedules"));
    }

    /** Starts every endpoint, creates the buckets and tables, and wires the functions. */
    public static LocalCloud start(Template template, StackSettings settings) {
        LocalCloud stack = new LocalCloud(settings, template);
        try {
            stack.startServices();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startServices() {
        Path data = settings.dataDirectory();
        s3 = LocalS3.start(settings.s3Port(), data == null ? null : data.resolve("s3"),
                settings.accessKey(), settings.secretKey(), this::objectChanged);
        dynamoDb = LocalDynamoDb.start(settings.dynamoDbPort(), data == null ? null : data.resolve("dynamodb"));

        for (BucketResource bucket : template.buckets()) {
            s3.createBucket(bucket.localName());
            bucketNames.put(bucket.logicalId(), bucket.localName());
        }
        template.tables().forEach(table -> tableNames.put(table.logicalId(), table.localName()));
        try (DynamoDbClient client = dynamoDbClient()) {
            Tables.create(client, template.tables());
        }

        Outbox outbox = new Outbox(outboxFolder, this::published, settings.region());
        if (settings.httpPort() >= 0) {
            // The site bucket, where there is one, is served as CloudFront serves it in the cloud.
            StaticSite site = null;
            if (bucketNames.containsKey(SITE_BUCKET)) {
                siteClient = s3Client();
                site = new StaticSite(siteClient, bucketNames.get(SITE_BUCKET));
            }
            http = HttpGateway.start(settings.httpPort(), routes(), (function, event, trigger) -> deliver(runner(function), event, trigger, 1),
                    this::runSchedule, outbox, site);
        }
        Map<String, String> parameters = new LinkedHashMap<>(settings.parameters());
        if (template.parameters().containsKey(SITE_URL)) {
            // Links in emails lead to the site this stack serves, as they lead to CloudFront's in the cloud;
            // a stack without HTTP serves no site, and its links lead to the address one would have.
            parameters.putIfAbsent(SITE_URL, (http != null ? http.endpoint().toString() : "http://127.0.0.1:" + StackSettings.HTTP_PORT) + "/");
        }
        LocalResolver resolver = new LocalResolver(template, settings.region(), parameters);
        for (FunctionResource function : template.functions()) {
            Map<String, String> environment = new LinkedHashMap<>(resolver.environment(function));
            environment.putAll(awsEnvironment(function));
            String arn = "arn:aws:lambda:" + settings.region() + ":" + LocalResolver.ACCOUNT_ID + ":function:" + function.name();
            runners.put(function.name(), new FunctionRunner(function, environment, arn, settings.code()));
            for (Trigger.EventBridgeRule rule : function.triggers(Trigger.EventBridgeRule.class)) {
                String where = function.logicalId() + ".Events." + rule.eventId() + ".Properties.Pattern";
                String pattern = toJson(resolver.resolveTree(rule.pattern(), where));
                eventRules.add(new EventRule(function.name(), rule.eventId(), EventFilter.of(List.of(pattern), where)));
            }
        }
        if (settings.runSchedules()) {
            runners.values().forEach(this::scheduleAll);
        }
        if (settings.deliverStreams()) {
            mapStreams();
        }
    }

    /** Starts reading each stream a function is mapped to. */
    private void mapStreams() {
        try (DynamoDbClient client = dynamoDbClient()) {
            // A function that is not on the class path would fail every batch: its streams are left unread.
            for (FunctionRunner runner : runners.values().stream().filter(FunctionRunner::present).toList()) {
                for (Trigger.DynamoDb trigger : runner.function().triggers(Trigger.DynamoDb.class)) {
                    mapStream(runner, trigger, client.describeTable(describe -> describe.tableName(table(trigger.table()))).table());
                }
            }
        }
    }

    private void mapStream(FunctionRunner runner, Trigger.DynamoDb trigger, TableDescription description) {
        if (description.latestStreamArn() == null) {
            throw new TemplateException(runner.function().name() + ".Events." + trigger.eventId() + " reads the stream of "
                    + trigger.table() + ", which has no StreamSpecification in the template");
        }
        if (streamsClient == null) {
            // The streams API is served at DynamoDB's endpoint, which the clients' environment names.
            streamsClient = clients().configure(DynamoDbStreamsClient.builder(), "DYNAMODB").build();
        }
        String eventSourceArn = "arn:aws:dynamodb:" + settings.region() + ":" + LocalResolver.ACCOUNT_ID + ":table/"
                + description.tableName() + "/stream/" + description.latestStreamLabel();
        streamMappings.add(new StreamMapping(streamsClient, description.latestStreamArn(), eventSourceArn, runner.function().name(),
                trigger, settings.region(), settings.retryDelay(), (event, what, attempt) -> deliver(runner, event, what, attempt)).start());
    }

    private Map<String, String> awsEnvironment(FunctionResource function) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_REGION", settings.region());
        environment.put("AWS_DEFAULT_REGION", settings.region());
        environment.put("AWS_ACCESS_KEY_ID", settings.accessKey());
        environment.put("AWS_SECRET_ACCESS_KEY", settings.secretKey());
        environment.put("AWS_ENDPOINT_URL_S3", s3.endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString());
        if (http != null) {
            environment.put("AWS_ENDPOINT_URL_SESV2", http.endpoint() + HttpGateway.SES_PATH);
        }
        environment.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(function.memoryMb()));
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime());
        return environment;
    }

    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (FunctionResource function : template.functions()) {
            for (Trigger.HttpApi route : function.triggers(Trigger.HttpApi.class)) {
                routes.add(new Route(function.name(), route.method(), route.path()));
            }
        }
        return routes;
    }

    // --- what tests and the command line use ---

    public Template template() {
        return template;
    }

    public StackSettings settings() {
        return settings;
    }

    public URI s3Endpoint() {
        return s3.endpoint();
    }

    public URI dynamoDbEndpoint() {
        return dynamoDb.endpoint();
    }

    /** The HTTP endpoint; empty when the stack was started without one. */
    public Optional<URI> httpEndpoint() {
        return Optional.ofNullable(http).map(HttpGateway::endpoint);
    }

    public Path outbox() {
        return outboxFolder;
    }

    /** The messages functions have sent through SES, oldest first. */
    public List<Path> outboxMessages() {
        return new Outbox(outboxFolder).messages();
    }

    /** The local name of a bucket by its logical id, for example {@code UploadsBucket} is {@code s3cop-uploads}. */
    public String bucket(String logicalId) {
        return name(bucketNames, logicalId, "bucket");
    }

    public String table(String logicalId) {
        return name(tableNames, logicalId, "table");
    }

    public List<FunctionRunner> functions() {
        return List.copyOf(runners.values());
    }

    /** The environment a function runs with: the template's variables resolved, plus the stack's endpoints. */
    public Map<String, String> environment(String function) {
        return runner(function).environment();
    }

    /**
     * An S3 client for the stack's endpoint, signed with its credentials and built as the
     * functions build theirs, so it talks to the local endpoint the way they do.
     */
    public S3Client s3Client() {
        return clients().s3();
    }

    public DynamoDbClient dynamoDbClient() {
        return clients().dynamoDb();
    }

    private AwsClients clients() {
        return AwsClients.from(FunctionEnvironment.of(Map.of(
                "AWS_REGION", settings.region(),
                "AWS_ACCESS_KEY_ID", settings.accessKey(),
                "AWS_SECRET_ACCESS_KEY", settings.secretKey(),
                "AWS_ENDPOINT_URL_S3", s3.endpoint().toString(),
                "AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString())));
    }

    /** Told of every invocation once it has finished, successful or not. */
    public void onInvocation(Consumer<Invocation> listener) {
        listeners.add(listener);
    }

    /** Runs a function now with an event document, as a synchronous invocation, and waits for it. */
    public Invocation invoke(String function, String eventJson) {
        return deliver(runner(function), eventJson, "invoke", 1);
    }

    /** Runs a function's schedule now (each of its schedules, if several) and waits for it; empty when it has none. */
    public Optional<Invocation> runSchedule(String function) {
        FunctionRunner runner = runners.get(function);
        if (runner == null || runner.function().triggers(Trigger.Schedule.class).isEmpty()) {
            return Optional.empty();
        }
        Invocation last = null;
        for (Trigger.Schedule schedule : runner.function().triggers(Trigger.Schedule.class)) {
            last = deliver(runner, Events.scheduled(schedule, function, settings.region(), Instant.now()), "on demand " + schedule.eventId(), 1);
        }
        return Optional.ofNullable(last);
    }

    /**
     * Waits until every event delivered so far, retries included, has been handled, and every
     * change written to a mapped stream so far has been delivered (without waiting out a
     * batching window), including what those deliveries cause in turn.
     */
    public void awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean delivered;
        do {
            if (!pending.awaitZero(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                throw new StackException("Events were still being handled after " + timeout.toMillis() + " ms");
            }
            delivered = false;
            for (StreamMapping mapping : streamMappings) {
                delivered |= mapping.drain(deadline);
            }
        } while (delivered);
    }

    // --- delivery ---

    private void objectChanged(ObjectEvent object) {
        if (closed || !settings.deliverS3Events()) {
            return;
        }
        String bucketId = bucketNames.entrySet().stream()
                .filter(entry -> entry.getValue().equals(object.bucket()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (bucketId == null) {
            return;
        }
        for (FunctionRunner runner : runners.values()) {
            for (Trigger.S3 trigger : runner.function().triggers(Trigger.S3.class)) {
                if (trigger.bucket().equals(bucketId) && trigger.matches("s3:" + object.eventName(), object.key())) {
                    deliverAsync(runner, Events.s3(object, settings.region()), "S3 " + object.bucket() + "/" + object.key());
                }
            }
        }
    }

    private void scheduleAll(FunctionRunner runner) {
        for (Trigger.Schedule schedule : runner.function().triggers(Trigger.Schedule.class)) {
            if (schedule.enabled()) {
                ScheduleExpression expression = ScheduleExpression.parse(schedule.expression());
                scheduleNext(runner, schedule, expression, Instant.now());
            }
        }
    }

    private void scheduleNext(FunctionRunner runner, Trigger.Schedule schedule, ScheduleExpression expression, Instant after) {
        Instant next = expression.next(after);
        if (closed || next.equals(Instant.MAX)) {
            return;
        }
        long delay = Math.max(0, Duration.between(Instant.now(), next).toMillis());
        clock.schedule(() -> {
            deliverAsync(runner, Events.scheduled(schedule, runner.function().name(), settings.region(), next), "schedule " + schedule.expression());
            scheduleNext(runner, schedule, expression, next);
        }, delay, TimeUnit.MILLISECONDS);
    }

    /**
     * An event put on the default bus (SES's feedback from the outbox): delivered, as EventBridge
     * does, asynchronously to every function whose rule's pattern it matches.
     */
    private void published(String event) {
        JsonNode parsed;
        try {
            parsed = new ObjectMapper().readTree(event);
        } catch (IOException e) {
            throw new StackException("An event for EventBridge is not JSON: " + e.getMessage(), e);
        }
        for (EventRule rule : eventRules) {
            FunctionRunner runner = runners.get(rule.function());
            if (runner != null && runner.present() && rule.filter().accepts(parsed)) {
                deliverAsync(runner, event, "EventBridge rule " + rule.eventId());
            }
        }
    }

    private static String toJson(Object tree) {
        try {
            return new ObjectMapper().writeValueAsString(tree);
        } catch (IOException e) {
            throw new StackException("A pattern of the template cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private void deliverAsync(FunctionRunner runner, String event, String trigger) {
        pending.increment();
        try {
            deliveries.execute(() -> {
                try {
                    for (int attempt = 1; attempt <= ASYNC_ATTEMPTS && !closed; attempt++) {
                        Invocation invocation = deliver(runner, event, trigger, attempt);
                        if (invocation.succeeded()) {
                            return;
                        }
                        // As Lambda logs a failed invocation's error, so that nothing fails unseen.
                        System.err.println(runner.function().name() + " | ERROR " + trigger + " (attempt " + attempt + " of "
                                + ASYNC_ATTEMPTS + "): " + invocation.error());
                        if (attempt == ASYNC_ATTEMPTS && invocation.error() != null) {
                            invocation.error().printStackTrace();
                        }
                        sleep(settings.retryDelay().multipliedBy(attempt));
                    }
                } finally {
                    pending.decrement();
                }
            });
        } catch (RuntimeException rejected) {
            pending.decrement();
        }
    }

    private Invocation deliver(FunctionRunner runner, String event, String trigger, int attempt) {
        Invocation invocation = runner.invoke(event, trigger, attempt);
        listeners.forEach(listener -> listener.accept(invocation));
        return invocation;
    }

    private FunctionRunner runner(String function) {
        FunctionRunner runner = runners.get(function);
        if (runner == null) {
            throw new TemplateException("No function named '" + function + "' in template.yaml; the functions are " + runners.keySet());
        }
        return runner;
    }

    private static String name(Map<String, String> names, String logicalId, String kind) {
        String name = names.get(logicalId);
        if (name == null) {
            throw new TemplateException("No " + kind + " with logical id '" + logicalId + "' in template.yaml; there are " + names.keySet());
        }
        return name;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path temporaryOutbox() {
        try {
            return Files.createTempDirectory("s3cop-outbox-");
        } catch (IOException e) {
            throw new StackException("Cannot create a temporary outbox: " + e.getMessage(), e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        closed = true;
        streamMappings.forEach(StreamMapping::close);
        if (streamsClient != null) {
            streamsClient.close();
        }
        clock.shutdownNow();
        deliveries.shutdown();
        try {
            deliveries.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (http != null) {
            http.close();
        }
        if (siteClient != null) {
            siteClient.close();
        }
        if (dynamoDb != null) {
            dynamoDb.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    /** Counts events in flight, so tests and the seed can wait for the stack to settle. */
    private static final class Pending {
        private int count;

        synchronized void increment() {
            count++;
        }

        synchronized void decrement() {
            count--;
            notifyAll();
        }

        synchronized boolean awaitZero(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (count > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }
}
