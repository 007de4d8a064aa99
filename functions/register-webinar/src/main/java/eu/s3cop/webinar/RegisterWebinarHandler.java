package eu.s3cop.webinar;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.util.Map;

/** Receives the uploads bucket's ObjectCreated events for webinars/*.yaml and *.yml. */
public final class RegisterWebinarHandler implements RequestHandler<S3Event, Void> {

    public RegisterWebinarHandler() {
        this(System.getenv());
    }

    public RegisterWebinarHandler(Map<String, String> environment) {
    }

    @Override
    public Void handleRequest(S3Event event, Context context) {
        for (S3EventNotificationRecord record : event.getRecords()) {
            context.getLogger().log("webinar file received: " + record.getS3().getObject().getUrlDecodedKey());
        }
        return null;
    }
}
