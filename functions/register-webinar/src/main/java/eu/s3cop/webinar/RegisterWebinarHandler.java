package eu.s3cop.webinar;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import eu.s3cop.core.InvocationLog;
import eu.s3cop.core.PrimedHandler;
import java.time.Clock;
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

    /** Lambda's entry point: configuration from the process environment. */
    public RegisterWebinarHandler() {
        this(System.getenv());
    }

    /** The local stack's entry point: the environment the template describes. */
    public RegisterWebinarHandler(Map<String, String> variables) {
        super(variables);
        this.registrar = new WebinarRegistrar(clients().s3(), clients().dynamoDb(), RegistrarConfig.from(environment()), Clock.systemUTC());
    }

    @Override
    protected void prime() {
        registrar.prime();
    }

    @Override
    public Void handleRequest(S3Event event, Context context) {
        for (S3EventNotificationRecord record : event.getRecords()) {
            String key = record.getS3().getObject().getUrlDecodedKey();
            InvocationLog log = log(context, "key", key);
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
