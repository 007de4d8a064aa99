package eu.s3cop.webinar.store;

import static eu.s3cop.core.Items.number;
import static eu.s3cop.core.Items.text;
import static eu.s3cop.webinar.store.RegistrationItems.EXPIRES_AT;
import static eu.s3cop.webinar.store.RegistrationItems.LINK_REQUESTED;
import static eu.s3cop.webinar.store.RegistrationItems.LINK_SENT;
import static eu.s3cop.webinar.store.RegistrationItems.OFFERED;
import static eu.s3cop.webinar.store.RegistrationItems.OFFERED_UNTIL;
import static eu.s3cop.webinar.store.RegistrationItems.PENDING;
import static eu.s3cop.webinar.store.RegistrationItems.QUEUE;
import static eu.s3cop.webinar.store.RegistrationItems.QUEUE_KEY;
import static eu.s3cop.webinar.store.RegistrationItems.WAITING;
import static eu.s3cop.webinar.store.RegistrationItems.epoch;
import static eu.s3cop.webinar.store.RegistrationItems.key;
import static eu.s3cop.webinar.store.RegistrationItems.tokenKey;

import eu.s3cop.core.Items;
import eu.s3cop.webinar.model.Answers;
import eu.s3cop.webinar.model.Webinar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A full webinar's waiting list. Whoever confirms a registration when every place is taken (or
 * while others wait) joins it, in order: {@code WAIT#<joined>#<hash>} beside the registrations,
 * and a count on the webinar's item, which keeps newcomers from taking a freed place before those
 * who wait. When a place frees up, the first in line, and only that person, is offered it: the
 * place is taken for them at once (so it is never offered twice, nor oversold), held until
 * {@link #deadline}, and their registration asks the stream for the offer's email. An offer
 * taken is a registration like any other, marked as from the waiting list; one not taken lapses
 * and the place goes to the next in line.
 *
 * <p>Whoever confirms beyond their domain's share of the places ({@link DomainShares}) is held
 * back in that domain's own line, {@code HELD#<hash of the domain>#<joined>#<hash>}, and joins
 * the waiting list, where they would have stood, when the share has room again.
 *
 * @param table the table's name, as the template names it to the function
 * @param placesPerDomain the cap on one domain's places at one event; 0 for none
 */
public record WaitingList(DynamoDbClient dynamoDb, String table, int placesPerDomain) {

    /** How long an offered place is held, unless registration closes sooner. */
    public static final Duration OFFER_HELD_FOR = Duration.ofHours(24);

    /** Offers made in one go at most: a capacity raised by hundreds is offered over the next runs. */
    private static final int MOST_OFFERS_AT_ONCE = 50;
    private static final int ATTEMPTS = 10;

    private DynamoDbWebinarStore webinars() {
        return new DynamoDbWebinarStore(dynamoDb, table);
    }

    private Places places() {
        return new Places(table);
    }

    DomainShares shares() {
        return new DomainShares(table, placesPerDomain);
    }

    /** Until when a place offered at {@code now} is held: a day, or until registration closes if sooner. */
    public static Instant deadline(Webinar webinar, Instant now) {
        Instant day = now.plus(OFFER_HELD_FOR);
        return webinar.closes().isBefore(day) ? webinar.closes() : day;
    }

    /**
     * The writes that put a pending registration on the waiting list when its owner confirms
     * and no place is free to them: its state, its place in the queue, and the webinar's count.
     * Kept as long as a confirmed registration would be, as is its token.
     */
    TransactWriteItem[] joined(String webinarId, String registration, String token, String name, Answers answers, String share, Instant now,
            Instant keepUntil) {
        List<TransactWriteItem> writes = new ArrayList<>(List.of(places().joinedWaitingList(webinarId)));
        writes.addAll(waitingAt(table, webinarId, RegistrationItems.queueKey(now, registration), registration, token, name, answers, share, now,
                keepUntil));
        if (share != null) {
            // Last, so that its refusal is told apart: a domain whose share is full is held back instead.
            writes.add(shares().claimed(webinarId, share, keepUntil));
        }
        return writes.toArray(TransactWriteItem[]::new);
    }

    /**
     * The writes that take a pending registration to waiting at {@code lineKey}, on the waiting
     * list or in its domain's line, when its owner confirms: its state, name and answers (kept
     * for when a place is offered; a place in the room is taken only with the place), its place
     * in line, and its token kept as long as it.
     */
    static List<TransactWriteItem> waitingAt(String table, String webinarId, String lineKey, String registration, String token, String name,
            Answers answers, String share, Instant now, Instant keepUntil) {
        Map<String, AttributeValue> place = new HashMap<>(key(webinarId, lineKey));
        place.putAll(Map.of("registration", AttributeValue.fromS(registration), EXPIRES_AT, epoch(keepUntil)));
        Map<String, String> names = new HashMap<>(Map.of("#s", "state", "#q", QUEUE_KEY, "#e", EXPIRES_AT, "#sent", LINK_SENT,
                "#requested", LINK_REQUESTED, "#n", "name", "#t", "token"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":waiting", AttributeValue.fromS(WAITING), ":queue", AttributeValue.fromS(lineKey),
                ":at", AttributeValue.fromS(now.toString()), ":keep", epoch(keepUntil), ":name", AttributeValue.fromS(name),
                ":pending", AttributeValue.fromS(PENDING), ":token", AttributeValue.fromS(token), ":now", epoch(now)));
        String update = "SET #s = :waiting, #q = :queue, waitingSince = :at, #e = :keep, #sent = #requested, #n = :name, "
                + RegistrationItems.answered(answers, false, share, names, values);
        return List.of(
                TransactWriteItem.builder().update(change -> change.tableName(table).key(key(webinarId, registration)).updateExpression(update)
                        .conditionExpression("#s = :pending AND #t = :token AND #e > :now")
                        .expressionAttributeNames(names).expressionAttributeValues(values)).build(),
                TransactWriteItem.builder().put(put -> put.tableName(table).item(place).conditionExpression("attribute_not_exists(pk)")).build(),
                RegistrationItems.tokenKept(table, webinarId, token, keepUntil));
    }

    /** Where a waiting registration stands, on the waiting list or held back in its domain's line. */
    Registrations.Waiting standing(String webinarId, String queueKey) {
        return new Registrations.Waiting(position(webinarId, queueKey), heldBack(queueKey));
    }

    /** Whether a waiting registration's place is in its domain's line rather than on the waiting list. */
    static boolean heldBack(String queueKey) {
        return queueKey.startsWith(RegistrationItems.HELD_BACK);
    }

    /**
     * The writes that take a waiting registration off the list without a place: its place in the
     * queue, the count, and what it counted against its domain's share; held back, its place in
     * its domain's line alone.
     */
    List<TransactWriteItem> left(String webinarId, Map<String, AttributeValue> registration) {
        String queueKey = text(registration, QUEUE_KEY);
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(key(webinarId, queueKey))).build()));
        if (!heldBack(queueKey)) {
            writes.add(places().leftWaitingList(webinarId));
        }
        RegistrationItems.share(registration).ifPresent(share -> writes.add(shares().released(webinarId, share)));
        return writes;
    }

    /** Where a waiting registration stands: 1 for the first in line. */
    public int position(String webinarId, String queueKey) {
        // Held back, the line is the domain's: its keys share what comes before the moment of joining.
        String first = heldBack(queueKey) ? queueKey.substring(0, queueKey.indexOf('#', RegistrationItems.HELD_BACK.length()) + 1) : QUEUE;
        int ahead = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = dynamoDb.query(query -> query.tableName(table).consistentRead(true).select(Select.COUNT)
                    .keyConditionExpression("pk = :pk AND sk BETWEEN :first AND :mine")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(DynamoDbWebinarStore.partition(webinarId)),
                            ":first", AttributeValue.fromS(first), ":mine", AttributeValue.fromS(queueKey)))
                    .exclusiveStartKey(from));
            ahead += response.count();
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return ahead;
    }

    /**
     * Offers every free place to the first in line, one person per place, while registration is
     * open: each offer is one transaction that takes the place, so runs that repeat or overlap
     * (a stream's retry, the schedule) offer a place once. Returns how many offers were made.
     */
    public int offerFreedPlaces(String webinarId, Instant now) {
        int offers = 0;
        for (int attempt = 0; attempt < ATTEMPTS && offers < MOST_OFFERS_AT_ONCE; attempt++) {
            Optional<StoredWebinar> read = webinars().get(webinarId);
            if (read.isEmpty()) {
                return offers;
            }
            StoredWebinar stored = read.get();
            Webinar webinar = stored.webinar();
            if (attempt == 0 && offers == 0 && webinar.registrationOpen(now) && new HeldBack(dynamoDb, table, shares()).promote(webinarId) > 0) {
                // Those held back whose domain's share has room again are on the list now: read the counts again.
                continue;
            }
            // A lifted capacity (0) has a place for everyone still waiting.
            if (!webinar.registrationOpen(now) || stored.waiting() == 0 || (webinar.capacity() > 0 && stored.registered() >= webinar.capacity())) {
                return offers;
            }
            Optional<Map<String, AttributeValue>> first = firstInLine(webinarId);
            if (first.isEmpty()) {
                return offers;
            }
            String queueKey = text(first.get(), "sk");
            String registration = text(first.get(), "registration");
            Optional<Map<String, AttributeValue>> waiting = Items.item(dynamoDb, table, key(webinarId, registration))
                    .filter(item -> WAITING.equals(text(item, "state")) && queueKey.equals(text(item, QUEUE_KEY)));
            try {
                if (waiting.isEmpty()) {
                    // Its registration expired with the table's time to live: the place in line goes with it.
                    dynamoDb.transactWriteItems(write -> write.transactItems(TransactWriteItem.builder().delete(delete -> delete.tableName(table)
                            .key(key(webinarId, queueKey)).conditionExpression("attribute_exists(pk)")).build(), places().leftWaitingList(webinarId)));
                } else {
                    offer(webinarId, registration, queueKey, deadline(webinar, now), now);
                    offers++;
                    attempt = -1;
                }
            } catch (TransactionCanceledException changed) {
                // Another run offered this place, or someone left the list meanwhile: read again.
            }
        }
        return offers;
    }

    private void offer(String webinarId, String registration, String queueKey, Instant until, Instant now) {
        dynamoDb.transactWriteItems(write -> write.transactItems(places().offered(webinarId),
                TransactWriteItem.builder().update(update -> update.tableName(table).key(key(webinarId, registration))
                        .updateExpression("SET #s = :offered, #until = :until, offeredAt = :at REMOVE #q")
                        .conditionExpression("#s = :waiting AND #q = :queue")
                        .expressionAttributeNames(Map.of("#s", "state", "#until", OFFERED_UNTIL, "#q", QUEUE_KEY))
                        .expressionAttributeValues(Map.of(":offered", AttributeValue.fromS(OFFERED), ":until", epoch(until),
                                ":at", AttributeValue.fromS(now.toString()), ":waiting", AttributeValue.fromS(WAITING),
                                ":queue", AttributeValue.fromS(queueKey)))).build(),
                TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(key(webinarId, queueKey))
                        .conditionExpression("attribute_exists(pk)")).build(),
                new RegistrationStream(table).notify(webinarId, registration, now)));
    }

    private Optional<Map<String, AttributeValue>> firstInLine(String webinarId) {
        return dynamoDb.query(query -> query.tableName(table).consistentRead(true).limit(1)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :queue)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(DynamoDbWebinarStore.partition(webinarId)),
                        ":queue", AttributeValue.fromS(QUEUE)))).items().stream().findFirst();
    }

    /**
     * Ends an offer that was not taken in time: the registration and its personal data are
     * deleted and the place is free again, for {@link #offerFreedPlaces} to offer to the next in
     * line. False when the offer was taken, declined or ended meanwhile.
     */
    public boolean lapse(String webinarId, String registration, String token, Instant now) {
        Optional<String> share = Items.item(dynamoDb, table, key(webinarId, registration)).flatMap(RegistrationItems::share);
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(key(webinarId, registration))
                        .conditionExpression("#s = :offered AND #t = :token AND #until <= :now")
                        .expressionAttributeNames(Map.of("#s", "state", "#t", "token", "#until", OFFERED_UNTIL))
                        .expressionAttributeValues(Map.of(":offered", AttributeValue.fromS(OFFERED), ":token", AttributeValue.fromS(token),
                                ":now", epoch(now)))).build(),
                TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(key(webinarId, tokenKey(token)))).build(),
                new RegistrationStream(table).forget(webinarId, registration),
                places().freed(webinarId, false)));
        share.ifPresent(counted -> writes.add(shares().released(webinarId, counted)));
        try {
            dynamoDb.transactWriteItems(write -> write.transactItems(writes));
            return true;
        } catch (TransactionCanceledException gone) {
            return false;
        }
    }

    /** Until when the registration's offered place is held; empty when it holds no offer. */
    static Optional<Instant> offeredUntil(Map<String, AttributeValue> registration) {
        return OFFERED.equals(text(registration, "state")) ? Optional.of(Instant.ofEpochSecond(number(registration, OFFERED_UNTIL))) : Optional.empty();
    }
}
