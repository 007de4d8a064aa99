package eu.s3cop.secretariat;

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
 * Registers the files the secretariat uploads: webinar files under webinars/ and working groups'
 * registries under working-groups/: each is checked, saved and reported on, and nothing else.
 * The pages follow from what is saved (refresh-catalogue reads the table's stream). Under
 * SnapStart it primes itself before the snapshot by reading a built-in webinar file.
 */
public final class RegisterSecretariatFilesHandler extends PrimedHandler implements RequestHandler<S3Event, Void> {

    private static final Map<String, String> UNITS = Map.of("WebinarsRegistered", "Count", "WebinarsUpdated", "Count",
            "RegistriesUpdated", "Count", "Rejections", "Count");

    private final WebinarRegistrar registrar;
    private final RegistryRegistrar registries;

    /** Lambda's entry point: configuration from the process environment. */
    public RegisterSecretariatFilesHandler() {
        this(System.getenv());
    }

    /** The local stack's entry point: the environment the template describes. */
    public RegisterSecretariatFilesHandler(Map<String, String> variables) {
        super(variables);
        RegistrarConfig config = RegistrarConfig.from(environment());
        this.registrar = new WebinarRegistrar(clients().s3(), clients().dynamoDb(), config, Clock.systemUTC());
        this.registries = new RegistryRegistrar(clients().s3(), clients().dynamoDb(), config, Clock.systemUTC());
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
            boolean registry = RegistryRegistrar.handles(key);
            SecretariatUploads.Result result;
            try {
                String bucket = record.getS3().getBucket().getName();
                String eTag = record.getS3().getObject().geteTag();
                String upload = Objects.requireNonNullElse(record.getS3().getObject().getSequencer(), "");
                result = registry ? registries.register(bucket, key, eTag, upload) : registrar.register(bucket, key, eTag, upload);
            } catch (RuntimeException e) {
                log.error("failed; the event will be retried", e);
                throw e;
            }
            log.info(result.name().toLowerCase(Locale.ROOT), Map.of("result", result.name(), "durationMs", (System.nanoTime() - started) / 1_000_000));
            switch (result) {
                case REGISTERED, UPDATED -> log.metrics(Map.of(registry ? "RegistriesUpdated"
                        : result == SecretariatUploads.Result.REGISTERED ? "WebinarsRegistered" : "WebinarsUpdated", 1), UNITS);
                case REJECTED -> log.metrics(Map.of("Rejections", 1), UNITS);
                default -> {
                    // Unchanged, superseded and ignored files count for nothing.
                }
            }
        }
        return null;
    }
}
