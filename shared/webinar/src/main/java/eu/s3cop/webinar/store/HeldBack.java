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
 * The lines of those held back by the cap per domain ({@link DomainShares}): one per domain,
 * beside the waiting list, counted on nothing the webinar's item holds, so that nobody else waits
 * for them. When a domain's share has room again (one of its places given back), the first of its
 * line joins the waiting list where they would have stood had they not been held back.
 *
 * @param table the table's name, as the template names it to the function
 */
record HeldBack(DynamoDbClient dynamoDb, String table, DomainShares shares) {

    /** Lines looked at in one go; the next run, or the next place given back, goes on. */
    private static final int LINES_AT_ONCE = 100;
    /** People moved in one go, so that a lifted cap moves a long line over several runs. */
    private static final int MOST_AT_ONCE = 200;
    /** A character after every one a key holds, to bound a range of keys. */
    private static final String END = "\uffff";

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
     * one transaction each, so that runs that repeat or overlap move each person once; with the
     * cap lifted (0), everyone held back. Line by line, so that one long line never hides the
     * others. Returns how many moved.
     */
    int promote(String webinarId) {
        int moved = 0;
        // Past every key of the line before: a line's keys are hex, a hash and times.
        String after = RegistrationItems.HELD_BACK;
        for (int lines = 0; lines < LINES_AT_ONCE; lines++) {
            Optional<Map<String, AttributeValue>> first = firstFrom(webinarId, after);
            if (first.isEmpty()) {
                break;
            }
            String line = lineOf(text(first.get(), "sk"));
            while (first.isPresent() && line.equals(lineOf(text(first.get(), "sk"))) && moved < MOST_AT_ONCE) {
                if (!moveFirst(webinarId, first.get())) {
                    break;
                }
                moved++;
                first = firstFrom(webinarId, line);
            }
            after = line + END;
        }
        return moved;
    }

    /** Moves the first of a line on, or drops a place whose registration has gone; false when its domain's share is still full. */
    private boolean moveFirst(String webinarId, Map<String, AttributeValue> place) {
        String lineKey = text(place, "sk");
        Optional<Map<String, AttributeValue>> waiting = Items.item(dynamoDb, table, key(webinarId, text(place, "registration")))
                .filter(item -> WAITING.equals(text(item, "state")) && lineKey.equals(text(item, QUEUE_KEY)));
        try {
            if (waiting.isEmpty()) {
                // Its registration expired with the table's time to live, or left: its place in the line goes with it.
                dynamoDb.deleteItem(delete -> delete.tableName(table).key(key(webinarId, lineKey)));
                return true;
            }
            return moved(webinarId, waiting.get(), lineKey);
        } catch (TransactionCanceledException changed) {
            // Left the line, or moved by another run, meanwhile: the next read of the line tells.
            return !RegistrationItems.conflicted(changed);
        }
    }

    /** The first place in the lines at or after {@code from}, in key order. */
    private Optional<Map<String, AttributeValue>> firstFrom(String webinarId, String from) {
        return dynamoDb.query(query -> query.tableName(table).consistentRead(true).limit(1)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :last")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(DynamoDbWebinarStore.partition(webinarId)),
                        ":from", AttributeValue.fromS(from), ":last", AttributeValue.fromS(RegistrationItems.HELD_BACK + END))))
                .items().stream().findFirst();
    }

    /** The line a place is in: what its key starts with up to the moment of joining. */
    private static String lineOf(String lineKey) {
        return lineKey.substring(0, lineKey.indexOf('#', RegistrationItems.HELD_BACK.length()) + 1);
    }

    /** Moves one held back onto the waiting list; false, with nothing changed, when their domain's share is still full. */
    private boolean moved(String webinarId, Map<String, AttributeValue> registration, String lineKey) {
        String regKey = text(registration, "sk");
        // With the cap lifted, nothing is counted against the domain's share.
        String share = shares.cap() > 0 ? RegistrationItems.shareKey(text(registration, "email")) : "";
        String queueKey = RegistrationItems.promotedKey(lineKey);
        Instant keepUntil = Instant.ofEpochSecond(number(registration, EXPIRES_AT));
        Map<String, AttributeValue> place = new HashMap<>(key(webinarId, queueKey));
        place.putAll(Map.of("registration", AttributeValue.fromS(regKey), EXPIRES_AT, epoch(keepUntil)));
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(key(webinarId, lineKey))
                        .conditionExpression("attribute_exists(pk)")).build(),
                TransactWriteItem.builder().put(put -> put.tableName(table).item(place).conditionExpression("attribute_not_exists(pk)")).build(),
                TransactWriteItem.builder().update(update -> update.tableName(table).key(key(webinarId, regKey))
                        .updateExpression("SET #q = :queue, #share = :share").conditionExpression("#s = :waiting AND #q = :line")
                        .expressionAttributeNames(Map.of("#q", QUEUE_KEY, "#share", RegistrationItems.DOMAIN_SHARE, "#s", "state"))
                        .expressionAttributeValues(Map.of(":queue", AttributeValue.fromS(queueKey), ":share", AttributeValue.fromS(share),
                                ":waiting", AttributeValue.fromS(WAITING), ":line", AttributeValue.fromS(lineKey)))).build(),
                new Places(table).joinedWaitingList(webinarId)));
        if (!share.isEmpty()) {
            writes.add(shares.claimed(webinarId, share, keepUntil));
        }
        try {
            dynamoDb.transactWriteItems(write -> write.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            if (!share.isEmpty() && Items.conditionFailed(e, writes.size() - 1)) {
                return false;
            }
            throw e;
        }
    }
}
