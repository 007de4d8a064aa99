package eu.s3cop.brief;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import eu.s3cop.core.AwsClients;
import eu.s3cop.core.FunctionEnvironment;
import eu.s3cop.render.PdfRenderer;
import java.time.Clock;
import java.util.Map;

/** Turns the uploads bucket's ObjectCreated events for drafts into publications. */
public final class PublishBriefHandler implements RequestHandler<S3Event, Void> {

    private final BriefPublisher publisher;

    /** Lambda's entry point: configuration from the process environment. */
    public PublishBriefHandler() {
        this(System.getenv());
    }

    /** The local stack's entry point: the environment the template describes. */
    public PublishBriefHandler(Map<String, String> environment) {
        this(publisher(FunctionEnvironment.of(environment)));
    }

    /** For tests: a publisher built by hand. */
    public PublishBriefHandler(BriefPublisher publisher) {
        this.publisher = publisher;
    }

    private static BriefPublisher publisher(FunctionEnvironment environment) {
        AwsClients clients = AwsClients.from(environment);
        return new BriefPublisher(PublishingConfig.from(environment), clients.s3(), clients.dynamoDb(), new PdfRenderer(), Clock.systemUTC());
    }

    @Override
    public Void handleRequest(S3Event event, Context context) {
        for (S3EventNotificationRecord record : event.getRecords()) {
            var object = record.getS3().getObject();
            // Without bucket versioning the event's version id is absent or blank: there is no version to ask for.
            String versionId = object.getVersionId() == null || object.getVersionId().isBlank() ? null : object.getVersionId();
            Upload upload = new Upload(record.getS3().getBucket().getName(), object.getUrlDecodedKey(), versionId, object.geteTag());
            long started = System.nanoTime();
            BriefPublisher.Publication publication = publisher.publish(upload);
            context.getLogger().log(String.format("%s %s%s%s (%d ms)", publication.result(), upload.key(),
                    publication.id() == null ? "" : " -> " + publication.id(),
                    publication.version() > 0 ? " v" + publication.version() : "",
                    (System.nanoTime() - started) / 1_000_000));
        }
        return null;
    }
}
