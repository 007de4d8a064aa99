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
import java.util.Optional;

/**
 * Registers the files the secretariat uploads: webinar files under webinars/, each event's
 * materials under {@code webinars/<id>/materials/}, and working groups' registries under
 * working-groups/: each is checked, saved and reported on, and nothing else. A material removed
 * from S3 leaves its event's page. The pages follow from what is saved (refresh-catalogue reads
 * the table's stream). Under SnapStart it primes itself before the snapshot by reading a
 * built-in webinar file.
 */
public final class RegisterSecretariatFilesHandler extends PrimedHandler implements RequestHandler<S3Event, Void> {

    private static final Map<String, String> UNITS = Map.of("WebinarsRegistered", "Count", "WebinarsUpdated", "Count",
            "RegistriesUpdated", "Count", "MaterialsListed", "Count", "MaterialsRemoved", "Count", "Rejections", "Count");

    private final WebinarRegistrar registrar;
    private final RegistryRegistrar registries;
    private final MaterialRegistrar materials;

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
        this.materials = new MaterialRegistrar(clients().s3(), clients().dynamoDb(), config);
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
            SecretariatUploads.Result result;
            try {
                String bucket = record.getS3().getBucket().getName();
                String sequencer = Objects.requireNonNullElse(record.getS3().getObject().getSequencer(), "");
                result = String.valueOf(record.getEventName()).startsWith("ObjectRemoved:")
                        ? removed(bucket, key, sequencer)
                        : uploaded(bucket, key, record.getS3().getObject().geteTag(), sequencer);
            } catch (RuntimeException e) {
                log.error("failed; the event will be retried", e);
                throw e;
            }
            log.info(result.name().toLowerCase(Locale.ROOT), Map.of("result", result.name(), "durationMs", (System.nanoTime() - started) / 1_000_000));
            metric(key, result).ifPresent(metric -> log.metrics(Map.of(metric, 1), UNITS));
        }
        return null;
    }

    /** Which registrar answers an upload is told by where it is: the template sends every upload under webinars/ here. */
    private SecretariatUploads.Result uploaded(String bucket, String key, String eTag, String sequencer) {
        if (key.endsWith("/")) {
            // A folder, as a desktop client or the console makes one: not a file to check.
            return SecretariatUploads.Result.IGNORED;
        }
        if (RegistryRegistrar.handles(key)) {
            return registries.register(bucket, key, eTag, sequencer);
        }
        if (WebinarRegistrar.handles(key)) {
            return registrar.register(bucket, key, eTag, sequencer);
        }
        return MaterialRegistrar.handles(key) ? materials.register(bucket, key, eTag, sequencer) : registrar.misplaced(bucket, key);
    }

    /** Only a material's removal changes anything: a webinar is cancelled by its file, and a registry replaced by a new one. */
    private SecretariatUploads.Result removed(String bucket, String key, String sequencer) {
        return MaterialRegistrar.handles(key) && !key.endsWith("/") ? materials.remove(bucket, key, sequencer) : SecretariatUploads.Result.IGNORED;
    }

    private static Optional<String> metric(String key, SecretariatUploads.Result result) {
        return switch (result) {
            case REGISTERED -> Optional.of(RegistryRegistrar.handles(key) ? "RegistriesUpdated" : "WebinarsRegistered");
            case UPDATED -> Optional.of(RegistryRegistrar.handles(key) ? "RegistriesUpdated" : "WebinarsUpdated");
            case LISTED -> Optional.of("MaterialsListed");
            case REMOVED -> Optional.of("MaterialsRemoved");
            case REJECTED -> Optional.of("Rejections");
            // Unchanged, superseded and ignored files count for nothing.
            case UNCHANGED, SUPERSEDED, IGNORED -> Optional.empty();
        };
    }
}
