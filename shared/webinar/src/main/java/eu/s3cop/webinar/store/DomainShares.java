package eu.s3cop.webinar.store;

import static eu.s3cop.webinar.store.RegistrationItems.EXPIRES_AT;
import static eu.s3cop.webinar.store.RegistrationItems.epoch;
import static eu.s3cop.webinar.store.RegistrationItems.key;

import eu.s3cop.core.Mailboxes;
import eu.s3cop.webinar.model.Webinar;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The cap on the places the addresses of one domain may have at one event: a domain whose server
 * takes every name (a catch-all) could otherwise confirm address after address until the event
 * is full. A place held, offered or waited for in line counts against the domain's share, a
 * count beside the registrations ({@code SHARE#<hash of the domain>}) written in the transaction
 * that gives or gives back the place, so the cap holds under concurrency. Whoever confirms beyond
 * it is held back in their domain's own line and joins the waiting list, in their turn, when the
 * share has room again. Events without a limit, and large providers of personal mailboxes
 * ({@link Mailboxes#personalProvider}), have no cap.
 *
 * @param cap places per domain at one event; 0 for no cap
 */
record DomainShares(String table, int cap) {

    /** Whether the cap applies to the address's registration for the webinar. */
    boolean applies(Webinar webinar, String email) {
        return cap > 0 && webinar.capacity() > 0 && !Mailboxes.personalProvider(Mailboxes.domain(email));
    }

    /** Counts one more against the domain's share, kept as long as the registration that counts; refused when the share is full. */
    TransactWriteItem claimed(String webinarId, String share, Instant keepUntil) {
        return TransactWriteItem.builder().update(update -> update.tableName(table).key(key(webinarId, share))
                .updateExpression("SET claims = if_not_exists(claims, :zero) + :one, #e = :keep")
                .conditionExpression("attribute_not_exists(claims) OR claims < :cap")
                .expressionAttributeNames(Map.of("#e", EXPIRES_AT))
                .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"), ":one", AttributeValue.fromN("1"),
                        ":cap", AttributeValue.fromN(String.valueOf(cap)), ":keep", epoch(keepUntil)))).build();
    }

    /** Gives back what a registration counted against its domain's share, in the transaction that removes it. */
    TransactWriteItem released(String webinarId, String share) {
        return TransactWriteItem.builder().update(update -> update.tableName(table).key(key(webinarId, share))
                // Unconditional: giving a place back never fails for its count, which expires with the registrations that made it.
                .updateExpression("SET claims = if_not_exists(claims, :one) - :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))).build();
    }
}
