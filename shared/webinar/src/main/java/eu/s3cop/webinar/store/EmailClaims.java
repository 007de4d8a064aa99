package eu.s3cop.webinar.store;

import static eu.s3cop.core.Items.number;
import static eu.s3cop.core.Items.text;
import static eu.s3cop.webinar.store.RegistrationItems.CONFIRMED;
import static eu.s3cop.webinar.store.RegistrationItems.EXPIRES_AT;
import static eu.s3cop.webinar.store.RegistrationItems.INVITED;
import static eu.s3cop.webinar.store.RegistrationItems.LINK_REQUESTED;
import static eu.s3cop.webinar.store.RegistrationItems.LINK_SENT;
import static eu.s3cop.webinar.store.RegistrationItems.PENDING;
import static eu.s3cop.webinar.store.RegistrationItems.epoch;
import static eu.s3cop.webinar.store.RegistrationItems.expiredRequest;
import static eu.s3cop.webinar.store.RegistrationItems.key;

import eu.s3cop.core.Items;
import eu.s3cop.webinar.model.Attendance;
import eu.s3cop.webinar.model.Notice;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The scheduler's side of registrations: who is registered for a webinar, and a claim on each
 * email before it is sent, so that of runs that repeat or overlap one sends it. A claim is an
 * attribute on the registration ({@code sent_...}) that records the SEQUENCE it was sent for; a
 * send that certainly failed gives it back for a later run, up to a number of attempts counted
 * beside it ({@code failed_...}).
 *
 * @param table the table's name, as the template names it to the function
 */
public record EmailClaims(DynamoDbClient dynamoDb, String table) {

    /**
     * A registrant, as the scheduler needs them for emails.
     *
     * @param key which registration of the webinar this is, for {@link #claim}
     * @param invitedSequence the SEQUENCE the confirmation with the invite was claimed for, or {@link #NOT_INVITED}
     * @param pending whether the request still waits to be confirmed from the emailed link
     * @param linkRequested when the link to the registration's page was last asked for, in epoch seconds
     * @param linkDue whether that request's email is yet to be claimed
     * @param waiting whether it is on the waiting list, with no place yet
     * @param offeredUntil until when a place offered from the waiting list is held for it; null when none is
     * @param attendance how they said they attend; empty before they confirmed, or for a registration made before it was asked
     */
    public record Registrant(String key, String name, String email, String token, int invitedSequence, boolean pending,
            long linkRequested, boolean linkDue, boolean waiting, Instant offeredUntil, Optional<Attendance> attendance) {

        public static final int NOT_INVITED = -1;

        public boolean invited() {
            return invitedSequence != NOT_INVITED;
        }
    }

    /** An email claimed for one registrant: taken by this run alone, until it is released. */
    public static final class Claim {

        private final String webinarId;
        private final String registration;
        private final String marker;
        private final AttributeValue value;

        private Claim(String webinarId, String registration, String marker, AttributeValue value) {
            this.webinarId = webinarId;
            this.registration = registration;
            this.marker = marker;
            this.value = value;
        }
    }

    /**
     * The registrants of a webinar, with which emails are due, in registration key order:
     * confirmed ones and pending requests that have not expired.
     */
    public List<Registrant> registrants(String webinarId, Instant now) {
        return RegistrationItems.registrations(dynamoDb, table, webinarId, now).stream().map(EmailClaims::registrant).toList();
    }

    /** One registrant, as {@link #registrants} has them; empty when gone or an expired request. */
    public Optional<Registrant> registrant(String webinarId, String registration, Instant now) {
        return Items.item(dynamoDb, table, key(webinarId, registration)).filter(found -> !expiredRequest(found, now)).map(EmailClaims::registrant);
    }

    private static Registrant registrant(Map<String, AttributeValue> item) {
        long requested = number(item, LINK_REQUESTED);
        return new Registrant(text(item, "sk"), text(item, "name"), text(item, "email"), text(item, "token"),
                item.containsKey(INVITED) ? sequenceOf(text(item, INVITED)) : Registrant.NOT_INVITED,
                PENDING.equals(text(item, "state")), requested, requested > number(item, LINK_SENT),
                RegistrationItems.WAITING.equals(text(item, "state")), WaitingList.offeredUntil(item).orElse(null),
                Attendance.of(text(item, "attendance")));
    }

    /**
     * Claims the email with the link for the registrant's latest request, the same way as
     * {@link #claim}: of runs that repeat or overlap, one sends it.
     */
    public Optional<Claim> claimLink(String webinarId, Registrant registrant) {
        Claim claim = new Claim(webinarId, registrant.key(), LINK_SENT, AttributeValue.fromN(String.valueOf(registrant.linkRequested())));
        // The token names the registration this run read: one cancelled and asked for again meanwhile is another.
        return claimed(claim, () -> dynamoDb.updateItem(update -> update.tableName(table).key(key(webinarId, claim.registration))
                .updateExpression("SET #m = :at")
                .conditionExpression("#t = :token AND (attribute_not_exists(#m) OR #m < :at)")
                .expressionAttributeNames(Map.of("#m", claim.marker, "#t", "token"))
                .expressionAttributeValues(Map.of(":at", claim.value, ":token", AttributeValue.fromS(registrant.token())))));
    }

    /**
     * Claims the email that offers the registrant a freed place, once per offer, the same way as
     * {@link #claim}: only while the place is offered to the registration this run read.
     */
    public Optional<Claim> claimOffer(String webinarId, Registrant registrant) {
        AttributeValue until = epoch(registrant.offeredUntil());
        Claim claim = new Claim(webinarId, registrant.key(), "sent_offer", until);
        return claimed(claim, () -> dynamoDb.updateItem(update -> update.tableName(table).key(key(webinarId, claim.registration))
                .updateExpression("SET #m = :until")
                .conditionExpression("#t = :token AND #s = :offered AND (attribute_not_exists(#m) OR #m < :until)")
                .expressionAttributeNames(Map.of("#m", claim.marker, "#t", "token", "#s", "state"))
                .expressionAttributeValues(Map.of(":until", until, ":token", AttributeValue.fromS(registrant.token()),
                        ":offered", AttributeValue.fromS(RegistrationItems.OFFERED)))));
    }

    /**
     * The claim once its writes succeed; empty when their condition says it was claimed before
     * (or the registration is gone). When an answer is lost, the claim is taken back before the
     * failure is thrown, or no later run would send the email.
     */
    private Optional<Claim> claimed(Claim claim, Runnable writes) {
        try {
            writes.run();
            return Optional.of(claim);
        } catch (ConditionalCheckFailedException alreadyClaimed) {
            return Optional.empty();
        } catch (SdkClientException unanswered) {
            release(claim);
            throw unanswered;
        }
    }

    /**
     * Claims an email for a registrant before it is sent, recording which SEQUENCE it was for: a
     * conditional write, so of runs that repeat or overlap only one gets it.
     */
    public Optional<Claim> claim(String webinarId, Registrant registrant, Notice notice, int sequence, Instant now, Instant keepUntil) {
        Claim claim = new Claim(webinarId, registrant.key(), marker(notice, sequence), AttributeValue.fromS(sequence + "@" + now));
        // Only once confirmed: never an invite or a reminder to a request. A cancellation also reaches who confirmed onto the waiting list.
        boolean cancellation = notice == Notice.CANCELLATION;
        String states = cancellation ? "#s IN (:confirmed, :waiting, :offered)" : "#s = :confirmed";
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":at", claim.value, ":keep", epoch(keepUntil),
                ":token", AttributeValue.fromS(registrant.token()), ":confirmed", AttributeValue.fromS(CONFIRMED)));
        if (cancellation) {
            values.putAll(Map.of(":waiting", AttributeValue.fromS(RegistrationItems.WAITING), ":offered", AttributeValue.fromS(RegistrationItems.OFFERED)));
        }
        return claimed(claim, () -> {
            // Each email moves the registration's expiry with the webinar, so a later date keeps it longer.
            dynamoDb.updateItem(update -> update.tableName(table).key(key(webinarId, claim.registration))
                    // Only the registration this run read.
                    .updateExpression("SET #m = :at, #e = :keep")
                    .conditionExpression("#t = :token AND attribute_not_exists(#m) AND (attribute_not_exists(#s) OR " + states + ")")
                    .expressionAttributeNames(Map.of("#m", claim.marker, "#e", EXPIRES_AT, "#t", "token", "#s", "state"))
                    .expressionAttributeValues(values));
            if (notice == Notice.UPDATE || notice == Notice.CANCELLATION) {
                // The cancel link lasts as long as the registration it cancels.
                dynamoDb.updateItem(update -> update.tableName(table).key(key(webinarId, RegistrationItems.tokenKey(registrant.token())))
                        .updateExpression("SET #e = :keep").conditionExpression("attribute_exists(pk)")
                        .expressionAttributeNames(Map.of("#e", EXPIRES_AT)).expressionAttributeValues(Map.of(":keep", epoch(keepUntil))));
            }
        });
    }

    /** Takes back this claim, and only it: another run's claim of the same email stays. */
    public void release(Claim claim) {
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(key(claim.webinarId, claim.registration)).updateExpression("REMOVE #m")
                    .conditionExpression("#m = :at")
                    .expressionAttributeNames(Map.of("#m", claim.marker)).expressionAttributeValues(Map.of(":at", claim.value)));
        } catch (ConditionalCheckFailedException notOurs) {
            // Never written, or another run's: nothing of ours to take back.
        }
    }

    /**
     * Records that sending a claimed email certainly failed, and gives the claim back for a later
     * run to try again, until {@code attempts} have failed: then the claim stays, so the email is
     * never tried again, and the registration keeps the count of failures beside it.
     *
     * @return true when this was the last attempt
     */
    public boolean sendingFailed(Claim claim, int attempts) {
        String failures = "failed_" + claim.marker;
        Map<String, AttributeValue> counted = dynamoDb.updateItem(update -> update.tableName(table).key(key(claim.webinarId, claim.registration))
                .updateExpression("ADD #f :one").conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#f", failures)).expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes();
        if (Long.parseLong(counted.get(failures).n()) >= attempts) {
            return true;
        }
        release(claim);
        return false;
    }

    /** How often sending this email to the registrant with this address certainly failed, for operators; 0 when never. */
    public int failedSends(String webinarId, String email, Notice notice, int sequence) {
        return Items.item(dynamoDb, table, key(webinarId, RegistrationItems.registrationKey(email)))
                .map(item -> (int) number(item, "failed_" + marker(notice, sequence))).orElse(0);
    }

    /** The attribute on the registration that records an email's claim; an update's names its SEQUENCE. */
    private static String marker(Notice notice, int sequence) {
        return switch (notice) {
            case LINK -> LINK_SENT;
            case OFFER -> "sent_offer";
            case CONFIRMATION -> INVITED;
            case UPDATE -> "sent_update_" + sequence;
            case CANCELLATION -> "sent_cancel";
            case REMINDER_DAY_BEFORE -> "sent_reminder24";
            case REMINDER_HOUR_BEFORE -> "sent_reminder1";
            case RECORDING -> "sent_recording";
        };
    }

    /** The SEQUENCE an email was claimed for, from its claim ("<sequence>@<time>"). */
    private static int sequenceOf(String claim) {
        return Integer.parseInt(claim.substring(0, claim.indexOf('@')));
    }
}
