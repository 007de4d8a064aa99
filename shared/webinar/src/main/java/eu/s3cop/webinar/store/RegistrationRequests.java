package eu.s3cop.webinar.store;

import static eu.s3cop.core.Items.text;
import static eu.s3cop.webinar.store.RegistrationItems.EXPIRES_AT;
import static eu.s3cop.webinar.store.RegistrationItems.LINK_REQUESTED;
import static eu.s3cop.webinar.store.RegistrationItems.PENDING;
import static eu.s3cop.webinar.store.RegistrationItems.epoch;
import static eu.s3cop.webinar.store.RegistrationItems.expiredRequest;
import static eu.s3cop.webinar.store.RegistrationItems.key;
import static eu.s3cop.webinar.store.RegistrationItems.tokenKey;

import eu.s3cop.core.Items;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Registration requests from the form, for {@link Registrations#request}: a pending registration
 * and its token, or the link sent again, in one transaction with the counts that bound strangers
 * ({@link RegistrationLimits}), so that only a request that sends a link counts.
 */
final class RegistrationRequests {

    /** How often a request is tried again when another request's transaction held one of its items at that moment. */
    private static final int ATTEMPTS = 4;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final RegistrationLimits limits;
    private final RegistrationStream stream;

    RegistrationRequests(DynamoDbClient dynamoDb, String table, RegistrationLimits limits, RegistrationStream stream) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.limits = limits;
        this.stream = stream;
    }

    Registrations.Request request(String webinarId, String name, String email, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                return requestOnce(webinarId, name, email, now);
            } catch (TransactionCanceledException e) {
                boolean conflict = e.cancellationReasons().stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()));
                if (!conflict) {
                    return refused(e);
                }
                if (attempt == ATTEMPTS) {
                    return Registrations.Request.WEBINAR_BUSY;
                }
                // Other requests counted on the same day's items at that moment: read again and try again.
            }
        }
    }

    /**
     * Where {@link RegistrationLimits#linkCounted}'s writes begin in a request's transaction: after
     * the registration's two and the notification (a subscription's request writes as many before them).
     */
    private static final int COUNTED_FROM = 3;

    /**
     * What a request's cancelled transaction answers: the bound that refused it, or
     * {@link Request#NOT_SENT} for a reason that concerns the address (a link sent too recently,
     * its mailbox's day, a bounce, or the scheduler's write at that moment), which the answer must not tell.
     */
    static Registrations.Request refused(TransactionCanceledException e) {
        RegistrationLimits.Refusal refusal = RegistrationLimits.refusal(e, COUNTED_FROM);
        if (refusal == null) {
            return Registrations.Request.NOT_SENT;
        }
        return switch (refusal) {
            case WEBINAR_BUSY -> Registrations.Request.WEBINAR_BUSY;
            case DOMAIN_DAY -> Registrations.Request.DOMAIN_DAY_REACHED;
            case ALL_DAY -> Registrations.Request.DAY_REACHED;
        };
    }

    private Registrations.Request requestOnce(String webinarId, String name, String email, Instant now) {
        String regKey = RegistrationItems.registrationKey(email);
        Optional<Map<String, AttributeValue>> existing = item(webinarId, regKey).filter(found -> !expiredRequest(found, now));
        List<TransactWriteItem> writes = new ArrayList<>();
        if (existing.isEmpty()) {
            String token = RegistrationItems.token();
            AttributeValue until = epoch(now.plus(Registrations.PENDING_FOR));
            Map<String, AttributeValue> registration = new HashMap<>(key(webinarId, regKey));
            registration.putAll(Map.of("name", AttributeValue.fromS(name), "email", AttributeValue.fromS(email),
                    "token", AttributeValue.fromS(token), "state", AttributeValue.fromS(PENDING), "requestedAt", AttributeValue.fromS(now.toString()),
                    LINK_REQUESTED, epoch(now), EXPIRES_AT, until));
            Map<String, AttributeValue> tokenItem = new HashMap<>(key(webinarId, tokenKey(token)));
            tokenItem.putAll(Map.of("registration", AttributeValue.fromS(regKey), EXPIRES_AT, until));
            // A request that expired unconfirmed, and that the time to live has not yet deleted, is replaced.
            writes.add(TransactWriteItem.builder().put(put -> put.tableName(table).item(registration)
                    .conditionExpression("attribute_not_exists(pk) OR (#s = :pending AND #e <= :now AND #l <= :resend)")
                    .expressionAttributeNames(Map.of("#s", "state", "#e", EXPIRES_AT, "#l", LINK_REQUESTED))
                    .expressionAttributeValues(Map.of(":pending", AttributeValue.fromS(PENDING), ":now", epoch(now),
                            ":resend", epoch(now.minus(Registrations.RESEND_AFTER))))).build());
            writes.add(TransactWriteItem.builder().put(put -> put.tableName(table).item(tokenItem).conditionExpression("attribute_not_exists(pk)")).build());
        } else {
            // As many writes as for a new address, so that neither the work nor its time tells them apart.
            boolean pending = PENDING.equals(text(existing.get(), "state"));
            String token = text(existing.get(), "token");
            Map<String, String> names = new HashMap<>(Map.of("#l", LINK_REQUESTED, "#t", "token"));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":now", epoch(now), ":resend", epoch(now.minus(Registrations.RESEND_AFTER)),
                    ":token", AttributeValue.fromS(token)));
            if (pending) {
                // The link sent again works for a day from now, as its email says.
                names.put("#e", EXPIRES_AT);
                values.put(":until", epoch(now.plus(Registrations.PENDING_FOR)));
            }
            writes.add(TransactWriteItem.builder().update(update -> update.tableName(table).key(key(webinarId, regKey))
                    .updateExpression(pending ? "SET #l = :now, #e = :until" : "SET #l = :now")
                    .conditionExpression("#t = :token AND (attribute_not_exists(#l) OR #l <= :resend)")
                    .expressionAttributeNames(names).expressionAttributeValues(values)).build());
            writes.add(TransactWriteItem.builder().update(update -> {
                update.tableName(table).key(key(webinarId, tokenKey(token))).conditionExpression("attribute_exists(pk)")
                        .expressionAttributeNames(Map.of("#e", EXPIRES_AT));
                if (pending) {
                    update.updateExpression("SET #e = :until").expressionAttributeValues(Map.of(":until", epoch(now.plus(Registrations.PENDING_FOR))));
                } else {
                    update.updateExpression("SET #e = #e");
                }
            }).build());
        }
        writes.add(stream.notify(webinarId, regKey, now));
        writes.addAll(limits.linkCounted(webinarId, email, now));
        dynamoDb.transactWriteItems(write -> write.transactItems(writes));
        return existing.isEmpty() ? Registrations.Request.NEW : Registrations.Request.RESENT;
    }

    private Optional<Map<String, AttributeValue>> item(String webinarId, String sortKey) {
        return Items.item(dynamoDb, table, key(webinarId, sortKey));
    }
}
