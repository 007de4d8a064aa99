package eu.s3cop.scheduler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import eu.s3cop.core.InvocationLog;
import eu.s3cop.core.PrimedHandler;
import eu.s3cop.publications.ListingStream;
import eu.s3cop.publications.Publication;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.webinar.store.NewsDeliveries;
import eu.s3cop.webinar.store.EmailClaims;
import eu.s3cop.webinar.store.RegistrationStream;
import eu.s3cop.webinar.store.Suppressions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Sends the webinar emails, and nothing else. On EventBridge Scheduler's schedule: the emails
 * that are due, as of the run's scheduled time (so a late or repeated run decides as the planned
 * one would). From the webinars table's stream, which brings each registration request and
 * confirmation: the link or the invite, within seconds rather than at the next run. From SES,
 * through EventBridge: bounces and complaints, whose addresses are never written to again. Under
 * SnapStart it primes itself before the snapshot by composing an email, sending and storing nothing.
 *
 * <p>One handler takes both events, so its input is the event's JSON as a map: a stream batch
 * has {@code Records}, SES's feedback has {@code source} {@code aws.ses}, a scheduled event has {@code time}.
 */
public final class WebinarSchedulerHandler extends PrimedHandler implements RequestHandler<Map<String, Object>, Void> {

    private static final Map<String, String> UNITS = Map.of("EmailsSent", "Count", "RemindersSent", "Count",
            "EmailsFailed", "Count", "EmailsGivenUp", "Count", "AddressesSuppressed", "Count");

    private final Reminders reminders;
    private final NewsAlerts news;
    private final Suppressions suppressions;

    /** Lambda's entry point: configuration from the process environment. */
    public WebinarSchedulerHandler() {
        this(System.getenv());
    }

    /** The local stack's entry point: the environment the template describes. */
    public WebinarSchedulerHandler(Map<String, String> variables) {
        super(variables);
        SchedulerConfig config = SchedulerConfig.from(environment());
        this.suppressions = new Suppressions(clients().dynamoDb(), config.webinarsTable());
        SesV2Client ses = clients().configure(SesV2Client.builder(), "SESV2").build();
        this.reminders = new Reminders(new DynamoDbWebinarStore(clients().dynamoDb(), config.webinarsTable()),
                new EmailClaims(clients().dynamoDb(), config.webinarsTable()), suppressions, ses, config);
        this.news = new NewsAlerts(new NewsDeliveries(clients().dynamoDb(), config.webinarsTable()), suppressions, ses, config);
    }

    @Override
    protected void prime() {
        reminders.prime();
    }

    @Override
    public Void handleRequest(Map<String, Object> event, Context context) {
        if (event.get("Records") instanceof List<?> records) {
            notified(records, context);
        } else if (SendingFeedback.is(event)) {
            feedback(event, context);
        } else {
            scheduled(event.get("time") instanceof String time ? Instant.parse(time) : Instant.now(), context);
        }
        return null;
    }

    /**
     * The registrations a stream batch names, each once however many of its records name it, and
     * the webinars whose places changed, where a freed place may be offered.
     */
    private void notified(List<?> records, Context context) {
        long started = System.nanoTime();
        Set<RegistrationStream.Notification> notifications = new LinkedHashSet<>();
        Set<String> changed = new TreeSet<>();
        Set<NewsDeliveries.LinkRequest> subscriptions = new LinkedHashSet<>();
        List<Publication> listed = new ArrayList<>();
        for (Object record : records) {
            Map<?, ?> change = map(map(record).get("dynamodb"));
            Map<?, ?> keys = map(change.get("Keys"));
            RegistrationStream.notification(string(keys.get("pk")), string(keys.get("sk"))).ifPresent(notifications::add);
            DynamoDbWebinarStore.changedWebinar(string(keys.get("pk")), string(keys.get("sk"))).ifPresent(changed::add);
            NewsDeliveries.notification(string(keys.get("pk")), string(keys.get("sk"))).ifPresent(subscriptions::add);
            // The publications table's records come with their new image: a version listed.
            ListingStream.listedPublication(map(change.get("NewImage"))).ifPresent(listed::add);
        }
        if (!subscriptions.isEmpty() || !listed.isEmpty()) {
            news(subscriptions, listed, context);
            if (notifications.isEmpty() && changed.isEmpty()) {
                return;
            }
        }
        // The batch's subject is the webinars it concerns: their ids, never a registrant's key or address.
        Set<String> webinars = new TreeSet<>(changed);
        notifications.forEach(notification -> webinars.add(notification.webinarId()));
        InvocationLog log = log(context, "webinars", String.join(",", webinars));
        Reminders.Run run = reminders.notified(notifications, changed, Instant.now());
        run.failures().forEach(failure -> log.warn("email not sent: " + failure, null));
        log.info("registrations notified", Map.of("records", records.size(), "registrations", notifications.size(), "emailsSent", run.sent(),
                "emailsFailed", run.failures().size(), "durationMs", (System.nanoTime() - started) / 1_000_000));
        log.metrics(Map.of("EmailsSent", run.sent(), "EmailsFailed", run.failures().size(), "EmailsGivenUp", run.givenUp()), UNITS);
    }

    /**
     * The links subscription requests asked for, and the announcements of versions listed. An
     * announcement that certainly failed fails the batch, which the stream delivers again: the
     * claims of those sent keep them from going twice.
     */
    private void news(Set<NewsDeliveries.LinkRequest> subscriptions, List<Publication> listed, Context context) {
        long started = System.nanoTime();
        // The subject is the publications announced, never a subscriber's key or address.
        InvocationLog log = log(context, "publications", listed.isEmpty() ? "none" : String.join(",", listed.stream().map(Publication::id).distinct().toList()));
        Instant now = Instant.now();
        NewsAlerts.Sent links = news.links(subscriptions, now);
        NewsAlerts.Sent announced = news.announce(listed, now);
        links.failures().forEach(failure -> log.warn("email not sent: " + failure, null));
        announced.failures().forEach(failure -> log.warn("email not sent: " + failure, null));
        log.info("news sent", Map.of("links", links.sent(), "announcements", announced.sent(), "emailsFailed",
                links.failures().size() + announced.failures().size(), "durationMs", (System.nanoTime() - started) / 1_000_000));
        log.metrics(Map.of("EmailsSent", links.sent() + announced.sent(), "EmailsFailed", links.failures().size() + announced.failures().size()), UNITS);
        if (announced.failures().stream().anyMatch(failure -> failure.endsWith("tried again)"))) {
            throw new IllegalStateException("Announcements could not be sent; the stream delivers the batch again");
        }
    }

    /** Suppresses the mailboxes SES reports as bounced for good or complaining: nothing is sent to them again. */
    private void feedback(Map<String, Object> event, Context context) {
        // The subject is the kind of feedback, never the address it concerns.
        InvocationLog log = log(context, "feedback", String.valueOf(event.get("detail-type")));
        List<SendingFeedback.Recipient> recipients = SendingFeedback.recipients(event);
        Instant now = Instant.now();
        recipients.forEach(recipient -> suppressions.suppress(recipient.email(), recipient.reason(), now));
        log.info("addresses suppressed", Map.of("suppressed", recipients.size()));
        log.metrics(Map.of("AddressesSuppressed", recipients.size()), UNITS);
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> found ? found : Map.of();
    }

    /** A key attribute's string, as a stream record writes it: {"S": "..."}. */
    private static String string(Object attribute) {
        return map(attribute).get("S") instanceof String text ? text : null;
    }

    private void scheduled(Instant now, Context context) {
        long started = System.nanoTime();
        // The run's subject is its scheduled time: each line names the run it belongs to.
        InvocationLog log = log(context, "scheduledTime", now.toString());
        Reminders.Run run;
        NewsAlerts.Sent digests;
        try {
            run = reminders.run(now);
            digests = news.digest(now);
        } catch (RuntimeException e) {
            log.error("run failed; the next run makes it good", e);
            throw e;
        }
        run.failures().forEach(failure -> log.warn("email not sent: " + failure, null));
        digests.failures().forEach(failure -> log.warn("email not sent: " + failure, null));
        log.info("run done", Map.of("emailsSent", run.sent(), "remindersSent", run.reminders(), "digestsSent", digests.sent(),
                "emailsFailed", run.failures().size(), "emailsGivenUp", run.givenUp(), "durationMs", (System.nanoTime() - started) / 1_000_000));
        log.metrics(Map.of("EmailsSent", run.sent(), "RemindersSent", run.reminders(),
                "EmailsFailed", run.failures().size(), "EmailsGivenUp", run.givenUp()), UNITS);
    }
}
