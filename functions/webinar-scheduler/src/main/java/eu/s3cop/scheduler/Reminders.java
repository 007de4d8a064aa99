package eu.s3cop.scheduler;

import eu.s3cop.webinar.model.Invites;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.webinar.store.Registrations;
import eu.s3cop.webinar.store.StoredWebinar;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The emails of a scheduled run, each sent at most once per registrant however runs repeat or
 * overlap: a confirmation, a reminder about 24 hours and about 1 hour before, a notice for
 * every change (REQUEST with the new SEQUENCE, or CANCEL), and the recording once it is set.
 * An email is claimed by a conditional write on the registration before it is sent, and the
 * claim is released if sending certainly failed, so the next run tries again; when SES may have
 * taken it (no answer), the claim stays: never twice is chosen over retrying.
 */
final class Reminders {

    /** What a run sent and changed, for its log line (counts only: no personal data). */
    record Run(int sent, int reminders, int states) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);

    private final DynamoDbWebinarStore webinars;
    private final Registrations registrations;
    private final DynamoDbClient dynamoDb;
    private final SesV2Client ses;
    private final String sender;

    Reminders(DynamoDbWebinarStore webinars, Registrations registrations, SesV2Client ses, String sender) {
        this.webinars = webinars;
        this.registrations = registrations;
        this.dynamoDb = webinars.client();
        this.ses = ses;
        this.sender = sender;
    }

    /**
     * Writes an invite for a built-in webinar and sends nothing: run before a SnapStart
     * snapshot, it leaves time-zone and iCalendar code loaded.
     */
    int prime() {
        Webinar webinar = new Webinar("priming", "Priming webinar", "priming", LocalDateTime.of(2030, 3, 28, 10, 0), ZoneId.of("Europe/Brussels"),
                Duration.ofMinutes(90), "Laid out once before a snapshot.", List.of(new Webinar.Speaker("S3 CoP", "Secretariat")),
                "https://example.org/join", null, 0, "", false);
        return Invites.calendar(Invites.Kind.REQUEST, List.of(new Invites.Entry(webinar, 0, Instant.EPOCH, "registrant@example.invalid")), sender)
                .length();
    }

    Run run(Instant now) {
        Tally tally = new Tally();
        int states = 0;
        for (StoredWebinar stored : webinars.all()) {
            if (moveState(stored, now)) {
                states++;
            }
            for (Registrations.Registrant registrant : registrations.registrants(stored.webinar().id())) {
                due(stored, registrant, now, tally);
            }
        }
        return new Run(tally.sent, tally.reminders, states);
    }

    /** The emails a run sent, and how many of them were reminders. */
    private static final class Tally {
        int sent;
        int reminders;
    }

    /** Sends what is due for one registrant and counts it in the run's tally. */
    private void due(StoredWebinar stored, Registrations.Registrant registrant, Instant now, Tally tally) {
        Webinar webinar = stored.webinar();
        boolean over = !now.isBefore(webinar.end());
        String when = WHEN.format(webinar.starts()) + " (" + webinar.timezone().getId() + ", " + webinar.duration().toMinutes() + " minutes)";
        int confirmedSequence = registrant.item().containsKey("sent_confirmation") ? sequenceOf(registrant, "sent_confirmation") : -1;
        if (webinar.cancelled()) {
            if (confirmedSequence >= 0 && send(stored, registrant, "sent_cancel", new Mail(registrant.email(), registrant.name(),
                    "Cancelled: " + webinar.title(), "Dear " + registrant.name() + ",\n\nthe webinar \"" + webinar.title() + "\" planned for "
                    + when + " is cancelled. We are sorry for the change.\n\nS3 CoP secretariat\n",
                    invite(stored, registrant, Invites.Kind.CANCEL), Invites.Kind.CANCEL), now)) {
                tally.sent++;
            }
            return;
        }
        if (!over && confirmedSequence < 0) {
            if (send(stored, registrant, "sent_confirmation", new Mail(registrant.email(), registrant.name(),
                    "You are registered: " + webinar.title(), "Dear " + registrant.name() + ",\n\nyou are registered for \"" + webinar.title()
                    + "\" on " + when + "." + join(webinar) + "\n\nThe invite is attached. To cancel your registration: DELETE "
                    + "/webinars/" + webinar.id() + "/registrations/" + registrant.token() + "\n\nS3 CoP secretariat\n",
                    invite(stored, registrant, Invites.Kind.REQUEST), Invites.Kind.REQUEST), now)) {
                tally.sent++;
            }
        } else if (!over && confirmedSequence < stored.sequence()) {
            if (send(stored, registrant, "sent_update_" + stored.sequence(), new Mail(registrant.email(), registrant.name(),
                    "Changed: " + webinar.title(), "Dear " + registrant.name() + ",\n\nthe webinar \"" + webinar.title() + "\" has changed. It is now on "
                    + when + "." + join(webinar) + "\n\nThe updated invite is attached.\n\nS3 CoP secretariat\n",
                    invite(stored, registrant, Invites.Kind.REQUEST), Invites.Kind.REQUEST), now)) {
                tally.sent++;
            }
        }
        Instant start = webinar.start();
        if (now.isBefore(start)) {
            if (!now.isBefore(start.minus(Duration.ofHours(24))) && now.isBefore(start.minus(Duration.ofHours(1)))
                    && send(stored, registrant, "sent_reminder24", reminder(stored, registrant, "tomorrow", when), now)) {
                tally.sent++;
                tally.reminders++;
            }
            if (!now.isBefore(start.minus(Duration.ofHours(1)))
                    && send(stored, registrant, "sent_reminder1", reminder(stored, registrant, "in one hour", when), now)) {
                tally.sent++;
                tally.reminders++;
            }
        }
        if (over && !webinar.recordingUrl().isEmpty() && send(stored, registrant, "sent_recording", new Mail(registrant.email(),
                registrant.name(), "Recording: " + webinar.title(), "Dear " + registrant.name() + ",\n\nthe recording of \"" + webinar.title()
                + "\" is online: " + webinar.recordingUrl() + "\n\nS3 CoP secretariat\n", null, Invites.Kind.PUBLISH), now)) {
            tally.sent++;
        }
    }

    private Mail reminder(StoredWebinar stored, Registrations.Registrant registrant, String soon, String when) {
        Webinar webinar = stored.webinar();
        return new Mail(registrant.email(), registrant.name(), "Reminder (" + soon + "): " + webinar.title(),
                "Dear " + registrant.name() + ",\n\n\"" + webinar.title() + "\" starts " + soon + ": " + when + "." + join(webinar)
                        + "\n\nS3 CoP secretariat\n", invite(stored, registrant, Invites.Kind.REQUEST), Invites.Kind.REQUEST);
    }

    private static String join(Webinar webinar) {
        return webinar.joinUrl().isEmpty() ? "" : "\n\nJoin here: " + webinar.joinUrl();
    }

    private String invite(StoredWebinar stored, Registrations.Registrant registrant, Invites.Kind kind) {
        return Invites.calendar(kind, List.of(new Invites.Entry(stored.webinar(), stored.sequence(), stored.updatedAt(), registrant.email())), sender);
    }

    /**
     * Claims the email (records which SEQUENCE it was for), sends it, and releases the claim if
     * sending certainly failed. False when it was sent before or the registration is gone.
     */
    private boolean send(StoredWebinar stored, Registrations.Registrant registrant, String marker, Mail mail, Instant now) {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("WEBINAR#" + stored.webinar().id()), "sk", AttributeValue.fromS(registrant.key()));
        AttributeValue claim = AttributeValue.fromS(stored.sequence() + "@" + now);
        try {
            dynamoDb.updateItem(update -> update.tableName(webinars.table()).key(key)
                    .updateExpression("SET #m = :at")
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(#m)")
                    .expressionAttributeNames(Map.of("#m", marker))
                    .expressionAttributeValues(Map.of(":at", claim)));
        } catch (ConditionalCheckFailedException alreadyClaimed) {
            return false;
        } catch (SdkClientException unanswered) {
            // The claim may have been written with its answer lost: take it back, or no later run would send this email.
            release(key, marker, claim);
            throw unanswered;
        }
        try {
            byte[] raw = mail.mime(sender, now);
            ses.sendEmail(email -> email.fromEmailAddress(sender).destination(to -> to.toAddresses(mail.to()))
                    .content(content -> content.raw(message -> message.data(SdkBytes.fromByteArray(raw)))));
            return true;
        } catch (RuntimeException e) {
            if (!mayHaveBeenSent(e)) {
                release(key, marker, claim);
            }
            throw e;
        }
    }

    /** Removes this run's claim, and only it: another run's claim of the same email stays. */
    private void release(Map<String, AttributeValue> key, String marker, AttributeValue claim) {
        try {
            dynamoDb.updateItem(update -> update.tableName(webinars.table()).key(key).updateExpression("REMOVE #m")
                    .conditionExpression("#m = :at")
                    .expressionAttributeNames(Map.of("#m", marker)).expressionAttributeValues(Map.of(":at", claim)));
        } catch (ConditionalCheckFailedException notOurs) {
            // Never written, or another run's: nothing of ours to take back.
        }
    }

    /**
     * Whether SES may have taken the email although the call failed: no answer came back and the
     * connection was not simply refused (a timeout, a reset). Then the claim stays, so a later run
     * never sends it a second time; when SES answered with an error, or nobody was reached, the
     * claim is released and the next run sends it.
     */
    static boolean mayHaveBeenSent(Throwable failure) {
        if (!(failure instanceof SdkClientException)) {
            return false;
        }
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return false;
            }
        }
        return true;
    }

    /** The SEQUENCE an email was sent for, from its claim ("<sequence>@<time>"). */
    private static int sequenceOf(Registrations.Registrant registrant, String marker) {
        String claim = registrant.item().get(marker).s();
        return Integer.parseInt(claim.substring(0, claim.indexOf('@')));
    }

    /** Records upcoming, live or past on the webinar when it changes; conditional, so repeats are harmless. */
    private boolean moveState(StoredWebinar stored, Instant now) {
        Webinar webinar = stored.webinar();
        String state = webinar.cancelled() ? "cancelled" : now.isBefore(webinar.start()) ? "upcoming" : now.isBefore(webinar.end()) ? "live" : "past";
        try {
            dynamoDb.updateItem(update -> update.tableName(webinars.table())
                    .key(Map.of("pk", AttributeValue.fromS("WEBINAR#" + webinar.id()), "sk", AttributeValue.fromS("META")))
                    .updateExpression("SET #s = :s").conditionExpression("attribute_exists(pk) AND (attribute_not_exists(#s) OR #s <> :s)")
                    .expressionAttributeNames(Map.of("#s", "state")).expressionAttributeValues(Map.of(":s", AttributeValue.fromS(state))));
            return true;
        } catch (ConditionalCheckFailedException unchanged) {
            return false;
        }
    }
}
