package eu.s3cop.webinar;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import eu.s3cop.catalogue.CatalogueSite;
import eu.s3cop.core.AwsClients;
import eu.s3cop.core.FunctionEnvironment;
import eu.s3cop.core.InvocationLog;
import eu.s3cop.core.PrimedHandler;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Registers the webinar files the secretariat uploads under webinars/. Under SnapStart it
 * primes itself before the snapshot by reading a built-in webinar file and writing its invite.
 */
public final class RegisterWebinarHandler extends PrimedHandler implements RequestHandler<S3Event, Void> {

    private static final Map<String, String> UNITS = Map.of("WebinarsRegistered", "Count", "WebinarsUpdated", "Count", "Rejections", "Count");

    private final WebinarRegistrar registrar;
    private final String metricsNamespace;

    public RegisterWebinarHandler() {
        this(System.getenv());
    }

    public RegisterWebinarHandler(Map<String, String> environment) {
        this(FunctionEnvironment.of(environment));
    }

    private RegisterWebinarHandler(FunctionEnvironment environment) {
        this(registrar(environment), environment.metricsNamespace());
    }

    RegisterWebinarHandler(WebinarRegistrar registrar, String metricsNamespace) {
        this.registrar = registrar;
        this.metricsNamespace = metricsNamespace;
    }

    @Override
    protected void prime() {
        registrar.prime();
    }

    private static WebinarRegistrar registrar(FunctionEnvironment environment) {
        AwsClients clients = AwsClients.from(environment);
        List<String> groups = environment.workingGroups();
        String webinars = environment.required("WEBINARS_TABLE");
        CatalogueSite site = new CatalogueSite(clients.s3(), clients.dynamoDb(), environment.required("PUBLICATIONS_TABLE"), webinars,
                environment.required("SITE_BUCKET"), groups, Clock.systemUTC());
        return new WebinarRegistrar(clients.s3(), new DynamoDbWebinarStore(clients.dynamoDb(), webinars),
                groups, environment.required("UPLOADS_BUCKET"), environment.required("PUBLICATIONS_BUCKET"), site,
                environment.required("SENDER_ADDRESS"), Clock.systemUTC());
    }

    @Override
    public Void handleRequest(S3Event event, Context context) {
        for (S3EventNotificationRecord record : event.getRecords()) {
            String key = record.getS3().getObject().getUrlDecodedKey();
            InvocationLog log = InvocationLog.of(context, metricsNamespace, "key", key);
            long started = System.nanoTime();
            WebinarRegistrar.Result result;
            try {
                result = registrar.register(record.getS3().getBucket().getName(), key, record.getS3().getObject().geteTag(),
                        Objects.requireNonNullElse(record.getS3().getObject().getSequencer(), ""));
            } catch (RuntimeException e) {
                log.error("failed; the event will be retried", e);
                throw e;
            }
            log.info(result.name().toLowerCase(Locale.ROOT), Map.of("result", result.name(), "durationMs", (System.nanoTime() - started) / 1_000_000));
            switch (result) {
                case REGISTERED -> log.metrics(Map.of("WebinarsRegistered", 1), UNITS);
                case UPDATED -> log.metrics(Map.of("WebinarsUpdated", 1), UNITS);
                case REJECTED -> log.metrics(Map.of("Rejections", 1), UNITS);
                default -> {
                    // Unchanged, superseded and ignored files count for nothing.
                }
            }
        }
        return null;
    }
}
