package eu.s3cop.scheduler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Map;

/** Receives EventBridge Scheduler's runs. */
public final class WebinarSchedulerHandler implements RequestHandler<ScheduledEvent, Void> {

    public WebinarSchedulerHandler() {
        this(System.getenv());
    }

    public WebinarSchedulerHandler(Map<String, String> environment) {
    }

    @Override
    public Void handleRequest(ScheduledEvent event, Context context) {
        context.getLogger().log("scheduled run for " + event.getTime());
        return null;
    }
}
