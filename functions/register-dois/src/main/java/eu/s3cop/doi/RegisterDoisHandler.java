package eu.s3cop.doi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import eu.s3cop.core.InvocationLog;
import eu.s3cop.core.PrimedHandler;
import eu.s3cop.metadata.DataCiteXml;
import eu.s3cop.publications.DoiRegistry;
import eu.s3cop.publications.DynamoDbPublicationStore;
import eu.s3cop.publications.Harvest;
import eu.s3cop.publications.Publication;
import eu.s3cop.publications.PublicationVersion;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Registers DOIs with DataCite on the clock's schedule, every five minutes: what was published
 * since the last run gets its DOIs (see {@link DoiRegistrar}). Where the stack has no DataCite
 * repository it does nothing at all. A run that DataCite cannot take stops where it is and
 * succeeds; the next run carries on from there.
 */
public final class RegisterDoisHandler extends PrimedHandler implements RequestHandler<Map<String, Object>, Void> {

    private static final Map<String, String> UNITS = Map.of("DoisRegistered", "Count", "DoisRefused", "Count", "DoiRunsStopped", "Count");

    private final DoiConfig config;
    private final DoiRegistrar registrar;

    /** Lambda's entry point: configuration from the process environment. */
    public RegisterDoisHandler() {
        this(System.getenv());
    }

    /** The local stack's entry point: the environment the template describes. */
    public RegisterDoisHandler(Map<String, String> variables) {
        super(variables);
        this.config = DoiConfig.from(environment());
        this.registrar = config.dois().map(dois -> new DoiRegistrar(dois,
                new DataCiteClient(config.api(), config.repository(), config.password(),
                        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Duration.ofSeconds(15)),
                new Harvest(clients().dynamoDb(), config.table()), new DynamoDbPublicationStore(clients().dynamoDb(), config.table()),
                new DoiRegistry(clients().dynamoDb(), config.table()), config.site())).orElse(null);
    }

    @Override
    protected void prime() {
        Publication publication = new Publication("innovation-diffusion/priming", "Priming", "policy-brief", "innovation-diffusion",
                List.of("S3 Community of Practice"), "2024-01-01", "en", "", List.of(), 1, 1, 1, "", "", "2024-01-01T00:00:00Z");
        DataCiteXml.version(publication, new PublicationVersion(1, "Priming", "2024-01-01", 1, 1, "", "", "2024-01-01T00:00:00Z", ""),
                new DataCiteXml.Relations("10.1234/priming.v1", true, "10.1234/priming", null, null, null));
    }

    @Override
    public Void handleRequest(Map<String, Object> event, Context context) {
        InvocationLog log = log(context, "run", String.valueOf(event.getOrDefault("time", "now")));
        if (registrar == null) {
            log.info("DOIs registered", Map.of("registered", 0, "dataCite", "none configured"));
            return null;
        }
        long started = System.nanoTime();
        DoiRegistrar.Run run = registrar.run();
        if (!run.refused().isEmpty()) {
            log.error("DataCite refused " + String.join(", ", run.refused()), null);
        }
        if (run.stoppedAt() != null) {
            log.warn("DataCite could not be reached or failed at " + run.stoppedAt() + "; the next run carries on from there", null);
        }
        log.info("DOIs registered", Map.of("registered", run.registered(), "refused", run.refused().size(),
                "durationMs", (System.nanoTime() - started) / 1_000_000));
        log.metrics(Map.of("DoisRegistered", run.registered(), "DoisRefused", run.refused().size(),
                "DoiRunsStopped", run.stoppedAt() == null ? 0 : 1), UNITS);
        return null;
    }
}
