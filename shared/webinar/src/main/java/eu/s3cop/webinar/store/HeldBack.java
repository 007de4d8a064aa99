package eu.s3cop.webinar.store;

import static eu.s3cop.core.Items.number;
import static eu.s3cop.core.Items.text;
import static eu.s3cop.webinar.store.RegistrationItems.EXPIRES_AT;
import static eu.s3cop.webinar.store.RegistrationItems.QUEUE_KEY;
import static eu.s3cop.webinar.store.RegistrationItems.WAITING;
import static eu.s3cop.webinar.store.RegistrationItems.epoch;
import static eu.s3cop.webinar.store.RegistrationItems.key;

import eu.s3cop.core.Items;
import eu.s3cop.webinar.model.Answers;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The lines of those held back by the cap per domain ({@link DomainShares}): one per domain,
 * beside the waiting list, counted on nothing the webinar's item holds, so that nobody else waits
 * for them. When a domain's share has room again (one of its places given back), the first of its
 * line joins the waiting list where they would have stood had they not been held back.
 *
 * @param table the table's name, as the template names it to the function
 */
record HeldBack(DynamoDbClient dynamoDb, String table, DomainShares shares) {

    /** Places in the lines looked at in one go: each domain's first is enough to move a line on. */
    private static final int LOOKED_AT = 100;

    /**
     * The writes that hold a pending registration back in its domain's line when its owner
     * confirms and the domain's share of the places is full: its state is waiting, as on the
     * waiting list, but nothing is counted on the webinar's item, so nobody else waits for it.
     */
    TransactWriteItem[] joined(String webinarId, String registration, String token, String email, String name, Answers answers, Instant now,
            Instant keepUntil) {
        return WaitingList.waitingAt(table, webinarId, RegistrationItems.heldBackKey(email, now, registration), registration, token, name, answers,
                null, now, keepUntil).toArray(TransactWriteItem[]::new);
    }

    /**
     * Moves the first of each domain's line whose share has room again onto the waiting list,
     * one transaction each, so that runs that repeat or overlap move each person once. Returns
     * how many moved.
     */
    int promote(String webinarId) {
        if (shares.cap() == 0) {
            return 0;
        }
        int moved = 0;
        Set<String> full = new HashSet<>();
        for (Map<String, AttributeValue> place : dynamoDb.query(query -> query.tableName(table).consistentRead(true).limit(LOOKED_AT)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :line)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(DynamoDbWebinarStore.partition(webinarId)),
                        ":line", AttributeValue.fromS(RegistrationItems.HELD_BACK)))).items()) {
            String lineKey = text(place, "sk");
            String line = lineKey.substring(0, lineKey.indexOf('#', RegistrationItems.HELD_BACK.length()) + 1);
            if (full.contains(line)) {
                continue;
            }
            String registration = text(place, "registration");
            Optional<Map<String, AttributeValue>> waiting = Items.item(dynamoDb, table, key(webinarId, registration))
                    .filter(item -> WAITING.equals(text(item, "state")) && lineKey.equals(text(item, QUEUE_KEY)));
            try {
                if (waiting.isEmpty()) {
                    // Its registration expired with the table's time to live: its place in the line goes with it.
                    dynamoDb.deleteItem(delete -> delete.tableName(table).key(key(webinarId, lineKey)));
                } else if (moved(webinarId, waiting.get(), lineKey)) {
                    moved++;
                } else {
                    full.add(line);
                }
            } catch (TransactionCanceledException changed) {
                // Left the line, or moved by another run, meanwhile.
            }
        }
        return moved;
    }

    /** Moves one held back onto the waiting list; false, with nothing changed, when their domain's share is still full. */
    private boolean moved(String webinarId, Map<String, AttributeValue> registration, String lineKey) {
        String regKey = text(registration, "sk");
        String share = RegistrationItems.shareKey(text(registration, "email"));
        String queueKey = RegistrationItems.promotedKey(lineKey);
        Instant keepUntil = Instant.ofEpochSecond(number(registration, EXPIRES_AT));
        Map<String, AttributeValue> place = new HashMap<>(key(webinarId, queueKey));
        place.putAll(Map.of("registration", AttributeValue.fromS(regKey), EXPIRES_AT, epoch(keepUntil)));
        try {
            dynamoDb.transactWriteItems(write -> write.transactItems(shares.claimed(webinarId, share, keepUntil),
                    TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(key(webinarId, lineKey))
                            .conditionExpression("attribute_exists(pk)")).build(),
                    TransactWriteItem.builder().put(put -> put.tableName(table).item(place).conditionExpression("attribute_not_exists(pk)")).build(),
                    TransactWriteItem.builder().update(update -> update.tableName(table).key(key(webinarId, regKey))
                            .updateExpression("SET #q = :queue, #share = :share").conditionExpression("#s = :waiting AND #q = :line")
                            .expressionAttributeNames(Map.of("#q", QUEUE_KEY, "#share", RegistrationItems.DOMAIN_SHARE, "#s", "state"))
                            .expressionAttributeValues(Map.of(":queue", AttributeValue.fromS(queueKey), ":share", AttributeValue.fromS(share),
                                    ":waiting", AttributeValue.fromS(WAITING), ":line", AttributeValue.fromS(lineKey)))).build(),
                    new Places(table).joinedWaitingList(webinarId)));
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailed(e, 0)) {
                return false;
            }
            throw e;
        }
    }
}
