package eu.s3cop.brief;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import eu.s3cop.core.InvocationLog;
import eu.s3cop.core.PrimedHandler;
import eu.s3cop.render.PdfRenderer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the uploads bucket's ObjectCreated events for drafts into publications.
 *
 * <p>Under SnapStart it primes itself before the snapshot: it lays out a built-in draft, so a
 * restored container renders its first brief with fonts and layout code ready.
 */
public final class PublishBriefHandler extends PrimedHandler implements RequestHandler<S3Event, Void> {

    private static final Map<String, String> UNITS = Map.of("Publications", "Count", "Previews", "Count", "Rejections", "Count",
            "RenderTime", "Milliseconds");

    private final BriefPublisher publisher;

    /** Lambda's entry point: configuration from the process environment. */
    public PublishBriefHandler() {
        this(System.getenv());
    }

    /** The local stack's entry point: the environment the template describes. */
    public PublishBriefHandler(Map<String, String> variables) {
        super(variables);
        this.publisher = new BriefPublisher(PublishingConfig.from(environment()), clients().s3(), clients().dynamoDb(), new PdfRenderer(),
                Clock.systemUTC());
    }

    @Override
    protected void prime() {
        publisher.prime();
    }

    @Override
    public Void handleRequest(S3Event event, Context context) {
        for (S3EventNotificationRecord record : event.getRecords()) {
            var object = record.getS3().getObject();
            // Without bucket versioning the event's version id is absent or blank: there is no version to ask for.
            String versionId = object.getVersionId() == null || object.getVersionId().isBlank() ? null : object.getVersionId();
            String uploader = record.getUserIdentity() == null || record.getUserIdentity().getPrincipalId() == null
                    ? "" : record.getUserIdentity().getPrincipalId();
            Upload upload = new Upload(record.getS3().getBucket().getName(), object.getUrlDecodedKey(), versionId, object.geteTag(), uploader);
            InvocationLog log = log(context, "key", upload.key());
            long started = System.nanoTime();
            BriefPublisher.Publication publication;
            try {
                publication = publisher.publish(upload);
            } catch (RuntimeException e) {
                // Lambda retries the event; this line says which upload failed and why.
                log.error("failed; the event will be retried", e);
                throw e;
            }
            if (publication.layoutFailure() != null) {
                log.warn("the layout engine could not lay the draft out; the rapporteur has a rejection report", publication.layoutFailure());
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("result", publication.result().name());
            if (publication.id() != null) {
                fields.put("publication", publication.id());
            }
            if (publication.version() > 0) {
                fields.put("version", publication.version());
            }
            fields.put("durationMs", (System.nanoTime() - started) / 1_000_000);
            log.info(publication.result().name().toLowerCase(Locale.ROOT), fields);
            log.metrics(metrics(publication), UNITS);
        }
        return null;
    }

    private static Map<String, Number> metrics(BriefPublisher.Publication publication) {
        Map<String, Number> metrics = new LinkedHashMap<>();
        switch (publication.result()) {
            case PUBLISHED -> metrics.put("Publications", 1);
            case PREVIEW -> metrics.put("Previews", 1);
            case REJECTED -> metrics.put("Rejections", 1);
            default -> {
                // Unchanged, superseded and ignored uploads count for nothing.
            }
        }
        if (publication.renderMillis() > 0) {
            metrics.put("RenderTime", publication.renderMillis());
        }
        return metrics;
    }
}
