package eu.s3cop.scheduler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import eu.s3cop.catalogue.CatalogueSite;
import eu.s3cop.core.InvocationLog;
import eu.s3cop.core.PrimedHandler;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.webinar.store.Registrations;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Runs on EventBridge Scheduler's schedule: the webinar emails that are due and the webinars'
 * states, as of the run's scheduled time (so a late or repeated run decides as the planned one
 * would), then a refresh of the catalogue site. Under SnapStart it primes itself before the
 * snapshot by writing an invite and laying out the catalogue, sending and storing nothing.
 */
public final class WebinarSchedulerHandler extends PrimedHandler implements RequestHandler<ScheduledEvent, Void> {

    private static final Map<String, String> UNITS = Map.of("EmailsSent", "Count", "RemindersSent", "Count", "WebinarStateChanges", "Count",
            "EmailsFailed", "Count", "EmailsGivenUp", "Count");

    private final Reminders reminders;
    private final CatalogueSite site;

    /** Lambda's entry point: configuration from the process environment. */
    public WebinarSchedulerHandler() {
        this(System.getenv());
    }

    /** The local stack's entry point: the environment the template describes. */
    public WebinarSchedulerHandler(Map<String, String> variables) {
        super(variables);
        SchedulerConfig config = SchedulerConfig.from(environment());
        this.reminders = new Reminders(new DynamoDbWebinarStore(clients().dynamoDb(), config.webinarsTable()),
                new Registrations(clients().dynamoDb(), config.webinarsTable()), clients().configure(SesV2Client.builder(), "SESV2").build(),
                config.senderAddress(), config.retention());
        this.site = new CatalogueSite(clients().s3(), clients().dynamoDb(), config.site(), Clock.systemUTC());
    }

    @Override
    protected void prime() {
        reminders.prime();
        site.prime();
    }

    @Override
    public Void handleRequest(ScheduledEvent event, Context context) {
        long started = System.nanoTime();
        Instant now = event.getTime() == null ? Instant.now() : Instant.ofEpochMilli(event.getTime().getMillis());
        // The run's subject is its scheduled time: each line names the run it belongs to.
        InvocationLog log = log(context, "scheduledTime", now.toString());
        Reminders.Run run;
        try {
            run = reminders.run(now);
            site.regenerate();
        } catch (RuntimeException e) {
            log.error("run failed; the next run makes it good", e);
            throw e;
        }
        run.failures().forEach(failure -> log.warn("email not sent: " + failure, null));
        log.info("run done", Map.of("emailsSent", run.sent(), "remindersSent", run.reminders(), "stateChanges", run.states(),
                "emailsFailed", run.failures().size(), "emailsGivenUp", run.givenUp(), "durationMs", (System.nanoTime() - started) / 1_000_000));
        log.metrics(Map.of("EmailsSent", run.sent(), "RemindersSent", run.reminders(), "WebinarStateChanges", run.states(),
                "EmailsFailed", run.failures().size(), "EmailsGivenUp", run.givenUp()), UNITS);
        return null;
    }
}
