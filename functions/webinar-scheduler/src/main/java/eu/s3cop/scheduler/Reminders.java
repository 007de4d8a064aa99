package eu.s3cop.scheduler;

import eu.s3cop.core.SiteAddresses;
import eu.s3cop.webinar.model.Answers;
import eu.s3cop.webinar.model.Attendance;
import eu.s3cop.webinar.model.Format;
import eu.s3cop.webinar.model.Invites;
import eu.s3cop.webinar.model.Notice;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.webinar.store.EmailClaims;
import eu.s3cop.webinar.store.RegistrationStream;
import eu.s3cop.webinar.store.StoredWebinar;
import eu.s3cop.webinar.store.Suppressions;
import eu.s3cop.webinar.store.WaitingList;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The emails of a scheduled run, each sent at most once per registrant however runs repeat or
 * overlap: the link to confirm a request (and again when asked again), a confirmation once confirmed, a reminder about 24 hours and about 1 hour before, a notice for
 * every change (REQUEST with the new SEQUENCE, or CANCEL), and the recording once it is set.
 * An email is claimed in the store before it is sent, and the claim is released if sending
 * certainly failed, so the next run tries again; when SES may have taken it (no answer), the
 * claim stays: never twice is chosen over retrying. The words are {@link EmailTexts}'.
 */
final class Reminders {

    /**
     * What a run sent and changed, for its log line (counts and webinar ids only: no personal data).
     *
     * @param failures each email that could not be sent, as "webinar id: notice (what failed)"
     * @param givenUp how many of those failed for the last time and will not be tried again
     */
    record Run(int sent, int reminders, List<String> failures, int givenUp) {

        Run {
            failures = List.copyOf(failures);
        }
    }

    /** How often an email is tried when sending it certainly fails, once per run, before it is given up. */
    static final int ATTEMPTS = 3;

    private final DynamoDbWebinarStore webinars;
    private final EmailClaims registrations;
    private final Suppressions suppressions;
    private final WaitingList waitingList;
    private final SesV2Client ses;
    private final String sender;
    private final Duration retention;
    private final URI site;
    private final String configurationSet;

    Reminders(DynamoDbWebinarStore webinars, EmailClaims registrations, Suppressions suppressions, SesV2Client ses, SchedulerConfig config) {
        this.webinars = webinars;
        this.registrations = registrations;
        this.suppressions = suppressions;
        this.waitingList = new WaitingList(registrations.dynamoDb(), registrations.table(), config.placesPerDomain());
        this.ses = ses;
        this.sender = config.senderAddress();
        this.retention = config.retention();
        this.site = config.siteUrl();
        this.configurationSet = config.configurationSet();
    }

    /**
     * Composes a confirmation for a built-in webinar and sends nothing: run before a SnapStart
     * snapshot, it leaves time-zone, text, iCalendar and MIME code loaded.
     */
    int prime() {
        Webinar webinar = new Webinar("priming", "Priming webinar", "priming", LocalDateTime.of(2030, 3, 28, 10, 0), ZoneId.of("Europe/Brussels"),
                Duration.ofMinutes(90), "Laid out once before a snapshot.", List.of(new Webinar.Speaker("S3 CoP", "Secretariat")),
                Format.ONLINE, null, List.of(), "https://example.org/join", null, 0, 0, "", false);
        EmailClaims.Registrant registrant = new EmailClaims.Registrant("", "Registrant", "registrant@example.invalid", "priming",
                EmailClaims.Registrant.NOT_INVITED, false, 0, false, false, null, Optional.empty());
        return mail(new StoredWebinar(webinar, 0, "", Instant.EPOCH, 0), registrant, Notice.CONFIRMATION)
                .mime(sender, EmailTexts.sender(), Instant.EPOCH).length;
    }

    Run run(Instant now) {
        Tally tally = new Tally();
        for (StoredWebinar listed : webinars.all()) {
            String id = listed.webinar().id();
            // Places freed by what no stream record brought (an offer that lapsed last run, say) go to the next in line.
            StoredWebinar stored = waitingList.offerFreedPlaces(id, now) > 0 ? webinars.get(id).orElse(listed) : listed;
            for (EmailClaims.Registrant registrant : registrations.registrants(id, now)) {
                due(stored, registrant, now, tally);
            }
            if (tally.lapsed > 0) {
                // Offers not taken in time: their places go to the next in line, whose offers' records bring their emails.
                waitingList.offerFreedPlaces(id, now);
                tally.lapsed = 0;
            }
        }
        return new Run(tally.sent, tally.reminders, tally.failures, tally.givenUp);
    }

    /**
     * Sends at once what is due for registrations that were just requested or confirmed, as the
     * table's stream names them: the link to confirm, or the confirmation with the invite. What
     * this misses (a failed send, a lost batch) the next scheduled run sends.
     */
    Run notified(Collection<RegistrationStream.Notification> notifications, Collection<String> changedWebinars, Instant now) {
        Tally tally = new Tally();
        // A place freed (a cancellation, a raised capacity) is offered at once; the offer's own record brings its email.
        changedWebinars.forEach(id -> waitingList.offerFreedPlaces(id, now));
        for (RegistrationStream.Notification notification : notifications) {
            Optional<StoredWebinar> stored = webinars.get(notification.webinarId());
            Optional<EmailClaims.Registrant> registrant = registrations.registrant(notification.webinarId(), notification.registration(), now);
            if (stored.isPresent() && registrant.isPresent()) {
                due(stored.get(), registrant.get(), now, tally);
            }
        }
        return new Run(tally.sent, tally.reminders, tally.failures, tally.givenUp);
    }

    /** The emails a run sent, how many of them were reminders, and those that failed. */
    private static final class Tally {
        int sent;
        int reminders;
        final List<String> failures = new ArrayList<>();
        int givenUp;
        int lapsed;
    }

    /** Sends what is due for one registrant and counts it in the run's tally. */
    private void due(StoredWebinar stored, EmailClaims.Registrant registrant, Instant now, Tally tally) {
        Webinar webinar = stored.webinar();
        boolean over = !now.isBefore(webinar.end());
        if (registrant.linkDue() && !webinar.cancelled() && now.isBefore(webinar.start()) && send(stored, registrant, tally, Notice.LINK, now)) {
            tally.sent++;
        }
        if (webinar.cancelled() && !registrant.pending() && (registrant.waiting() || registrant.offeredUntil() != null)) {
            // Those who confirmed onto the waiting list hear of the cancellation too.
            if (send(stored, registrant, tally, Notice.CANCELLATION, now)) {
                tally.sent++;
            }
            return;
        }
        if (registrant.pending() || registrant.waiting()) {
            // Nothing else until the address's owner confirms, or is offered a place: no invite, no reminder, no notice.
            return;
        }
        if (registrant.offeredUntil() != null) {
            if (now.isBefore(registrant.offeredUntil())) {
                if (!webinar.cancelled() && send(stored, registrant, tally, Notice.OFFER, now)) {
                    tally.sent++;
                }
            } else if (waitingList.lapse(webinar.id(), registrant.key(), registrant.token(), now)) {
                tally.lapsed++;
            }
            return;
        }
        if (webinar.cancelled()) {
            if (registrant.invited() && send(stored, registrant, tally, Notice.CANCELLATION, now)) {
                tally.sent++;
            }
            return;
        }
        if (!over && !registrant.invited()) {
            if (send(stored, registrant, tally, Notice.CONFIRMATION, now)) {
                tally.sent++;
            }
        } else if (!over && registrant.invitedSequence() < stored.sequence()) {
            if (send(stored, registrant, tally, Notice.UPDATE, now)) {
                tally.sent++;
            }
        }
        Instant start = webinar.start();
        if (now.isBefore(start)) {
            if (!now.isBefore(start.minus(Duration.ofHours(24))) && now.isBefore(start.minus(Duration.ofHours(1)))
                    && send(stored, registrant, tally, Notice.REMINDER_DAY_BEFORE, now)) {
                tally.sent++;
                tally.reminders++;
            }
            if (!now.isBefore(start.minus(Duration.ofHours(1))) && send(stored, registrant, tally, Notice.REMINDER_HOUR_BEFORE, now)) {
                tally.sent++;
                tally.reminders++;
            }
        }
        if (over && !webinar.recordingUrl().isEmpty() && send(stored, registrant, tally, Notice.RECORDING, now)) {
            tally.sent++;
        }
    }

    /** The email of this kind to a registrant, with the invite it carries (none for the recording). */
    private Mail mail(StoredWebinar stored, EmailClaims.Registrant registrant, Notice notice) {
        Webinar webinar = stored.webinar();
        // As the format has everyone attend, or as a hybrid event's registrant chose (online when they did not say).
        Attendance attendance = Answers.attendanceIn(webinar.format(), registrant.attendance().orElse(null));
        String page = SiteAddresses.absolute(site, SiteAddresses.registration(webinar.id(), registrant.token()));
        EmailTexts.Text text = EmailTexts.of(notice, registrant.pending(), webinar, attendance, registrant.name(), page, registrant.offeredUntil());
        Invites.Kind kind = switch (notice) {
            case CANCELLATION -> Invites.Kind.CANCEL;
            case RECORDING, LINK, OFFER -> Invites.Kind.PUBLISH;
            default -> Invites.Kind.REQUEST;
        };
        // The link's email carries no invite: the address's owner has not said yes yet.
        String invite = notice == Notice.RECORDING || notice == Notice.LINK || notice == Notice.OFFER ? null
                : Invites.calendar(kind, List.of(new Invites.Entry(webinar, stored.sequence(), stored.updatedAt(), registrant.email(), attendance)), sender);
        // The link's email is addressed without a name, in its header too: whoever typed the name may not own the address.
        Mail mail = new Mail(registrant.email(), notice == Notice.LINK ? null : registrant.name(), text.subject(), text.body(), invite, kind, null);
        if (notice == Notice.LINK || notice == Notice.CONFIRMATION) {
            // Each answers the person's own request, this moment: no list to leave.
            return mail;
        }
        // What the person did not just ask for carries RFC 8058's one-click unsubscribe, which cancels the registration.
        return mail.onList(new Mail.ListHeaders(listId(webinar.id()), page));
    }

    /** The List-Id of a webinar's emails (RFC 2919): the webinar under the sender's domain, so filters can tell one from another. */
    private String listId(String webinarId) {
        return "<" + webinarId + ".webinars." + sender.substring(sender.lastIndexOf('@') + 1) + ">";
    }

    /**
     * Claims the email and sends it. When sending certainly failed, the claim is released for the
     * next run, up to {@link #ATTEMPTS} times; when SES may have taken it, the claim stays. False
     * when it was sent before, the registration is gone, or sending failed.
     */
    private boolean send(StoredWebinar stored, EmailClaims.Registrant registrant, Tally tally, Notice notice, Instant now) {
        if (suppressions.suppressed(registrant.email(), now)) {
            // Bounced for good or reported as spam: nothing more goes there, whatever is due.
            return false;
        }
        Optional<EmailClaims.Claim> claim = notice == Notice.LINK ? registrations.claimLink(stored.webinar().id(), registrant)
                : notice == Notice.OFFER ? registrations.claimOffer(stored.webinar().id(), registrant)
                : registrations.claim(stored.webinar().id(), registrant, notice, stored.sequence(), now, stored.webinar().end().plus(retention));
        if (claim.isEmpty()) {
            return false;
        }
        try {
            byte[] raw = mail(stored, registrant, notice).mime(sender, EmailTexts.sender(), now);
            ses.sendEmail(email -> email.fromEmailAddress(sender).destination(to -> to.toAddresses(registrant.email()))
                    .configurationSetName(configurationSet.isEmpty() ? null : configurationSet)
                    .content(content -> content.raw(message -> message.data(SdkBytes.fromByteArray(raw)))));
            return true;
        } catch (RuntimeException e) {
            // One registrant's failure is theirs alone: the run goes on to the others.
            String failure = stored.webinar().id() + ": " + notice + " (" + e.getClass().getSimpleName() + ")";
            if (mayHaveBeenSent(e)) {
                tally.failures.add(failure + ", perhaps sent: not tried again");
            } else if (registrations.sendingFailed(claim.get(), ATTEMPTS)) {
                tally.failures.add(failure + ", failed " + ATTEMPTS + " times: given up");
                tally.givenUp++;
            } else {
                tally.failures.add(failure + ", tried again next run");
            }
            return false;
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
}
