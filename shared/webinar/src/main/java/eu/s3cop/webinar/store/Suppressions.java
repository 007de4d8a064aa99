package eu.s3cop.webinar.store;

import static eu.s3cop.webinar.store.RegistrationItems.EXPIRES_AT;
import static eu.s3cop.webinar.store.RegistrationItems.epoch;

import eu.s3cop.core.Items;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Mailboxes that are never emailed again: those whose mail bounced for good (the address does not
 * exist) and those whose owner marked our mail as spam. Sending on to them is what gets a
 * sending account paused, which would stop every invite and reminder. Kept by the mailbox's hash
 * ({@link eu.s3cop.core.Mailboxes}), with no address, for {@link #KEPT_FOR}; a registration
 * request for a suppressed mailbox writes nothing and is answered like any other.
 *
 * @param table the table's name, as the template names it to the function
 */
public record Suppressions(DynamoDbClient dynamoDb, String table) {

    /** Why a mailbox is suppressed, as the sending service reported it. */
    public enum Reason { BOUNCE, COMPLAINT }

    /** How long a suppression lasts: a year, after which an address that works again may be used again. */
    public static final Duration KEPT_FOR = Duration.ofDays(365);

    /** The partition suppressions are in, as IAM's {@code dynamodb:LeadingKeys} pattern: only the sender's feedback writes it. */
    public static final String WRITTEN_PARTITION = RegistrationItems.SUPPRESSED_PARTITION + "*";

    /** Suppresses the address's mailbox from {@code now} for {@link #KEPT_FOR}; repeated reports only move that on. */
    public void suppress(String email, Reason reason, Instant now) {
        dynamoDb.updateItem(update -> update.tableName(table).key(RegistrationItems.suppressedKey(email))
                .updateExpression("SET #r = :reason, #at = :at, #e = :expires")
                .expressionAttributeNames(Map.of("#r", "reason", "#at", "suppressedAt", "#e", EXPIRES_AT))
                .expressionAttributeValues(Map.of(":reason", AttributeValue.fromS(reason.name()), ":at", AttributeValue.fromS(now.toString()),
                        ":expires", epoch(now.plus(KEPT_FOR)))));
    }

    /** Whether mail to the address's mailbox bounced for good or was reported as spam, and is not to be sent. */
    public boolean suppressed(String email, Instant now) {
        return Items.item(dynamoDb, table, RegistrationItems.suppressedKey(email))
                .filter(item -> Items.number(item, EXPIRES_AT) > now.getEpochSecond()).isPresent();
    }
}
