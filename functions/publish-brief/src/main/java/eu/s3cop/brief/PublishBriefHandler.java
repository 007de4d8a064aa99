package eu.s3cop.brief;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.util.Map;

/** Receives the uploads bucket's ObjectCreated events for drafts/**.md. */
public final class PublishBriefHandler implements RequestHandler<S3Event, Void> {

    /** Lambda's entry point: configuration from the process environment. */
    public PublishBriefHandler() {
        this(System.getenv());
    }

    /** The local stack's entry point: the environment the template describes. */
    public PublishBriefHandler(Map<String, String> environment) {
    }

    @Override
    public Void handleRequest(S3Event event, Context context) {
        for (S3EventNotificationRecord record : event.getRecords()) {
            context.getLogger().log("draft received: " + record.getS3().getBucket().getName() + "/"
                    + record.getS3().getObject().getUrlDecodedKey() + " (" + record.getS3().getObject().getSizeAsLong() + " bytes)");
        }
        return null;
    }
}
