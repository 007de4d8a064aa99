package eu.s3cop.scheduler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import eu.s3cop.catalogue.CatalogueSite;
import eu.s3cop.core.AwsClients;
import eu.s3cop.core.FunctionEnvironment;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs on EventBridge Scheduler's schedule: refreshes the catalogue site, so that it is whole
 * even after overlapping publications. Webinar reminders and states join it with the webinars.
 */
public final class WebinarSchedulerHandler implements RequestHandler<ScheduledEvent, Void> {

    private final CatalogueSite site;

    public WebinarSchedulerHandler() {
        this(System.getenv());
    }

    public WebinarSchedulerHandler(Map<String, String> environment) {
        this(site(FunctionEnvironment.of(environment)));
    }

    WebinarSchedulerHandler(CatalogueSite site) {
        this.site = site;
    }

    private static CatalogueSite site(FunctionEnvironment environment) {
        AwsClients clients = AwsClients.from(environment);
        List<String> groups = Arrays.stream(environment.optional("WORKING_GROUPS",
                "innovation-diffusion,industrial-transition,interregional-cooperation").split(","))
                .map(String::strip).filter(group -> !group.isEmpty()).toList();
        return new CatalogueSite(clients.s3(), clients.dynamoDb(), environment.required("PUBLICATIONS_TABLE"),
                environment.required("WEBINARS_TABLE"), environment.required("SITE_BUCKET"), groups, Clock.systemUTC());
    }

    @Override
    public Void handleRequest(ScheduledEvent event, Context context) {
        long started = System.nanoTime();
        site.regenerate();
        context.getLogger().log("catalogue site refreshed for the run of " + event.getTime()
                + " (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
        return null;
    }
}
