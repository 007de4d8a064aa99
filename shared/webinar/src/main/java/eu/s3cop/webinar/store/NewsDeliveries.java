package eu.s3cop.webinar.store;

import static eu.s3cop.core.Items.number;
import static eu.s3cop.core.Items.text;
import static eu.s3cop.webinar.store.RegistrationItems.EXPIRES_AT;
import static eu.s3cop.webinar.store.RegistrationItems.LINK_REQUESTED;
import static eu.s3cop.webinar.store.RegistrationItems.LINK_SENT;
import static eu.s3cop.webinar.store.RegistrationItems.epoch;

import eu.s3cop.core.Items;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The scheduler's side of subscriptions: the link each request asks for, the subscribers a new
 * publication or a week's digest goes to, and a claim on each of those emails before it is sent,
 * so that however stream batches and runs repeat, a mailbox gets each announcement and each
 * week's digest once, whether it subscribed to everything, to a group, or to both.
 *
 * @param table the table's name, as the template names it to the function
 */
public record NewsDeliveries(DynamoDbClient dynamoDb, String table) {

    /** How long the claim of an announcement is kept: longer than any stream batch is retried. */
    private static final Duration CLAIM_KEPT = Duration.ofDays(60);
    /** Subscriptions read at a time. */
    private static final int PAGE = 100;

    /**
     * A subscriber, as the scheduler needs them for an email.
     *
     * @param subscriber the hash of their mailbox, which claims are keyed by
     * @param linkDue whether a request's link is yet to be claimed
     */
    public record Subscriber(String scope, String subscriber, String email, String token, Subscriptions.Frequency frequency, boolean confirmed,
            long linkRequested, boolean linkDue) {
    }

    /**
     * A version published, as announcements and digests tell of it: nothing personal.
     *
     * @param readOnline whether the version has a page of its own on the site, to link to
     * @param workingGroups the groups whose subscribers it concerns: its own, or those a secretariat's publication speaks for
     */
    public record Listed(String id, int version, String title, String type, String workingGroup, String summary, Instant listedAt,
            boolean readOnline, List<String> workingGroups) {

        public Listed {
            workingGroups = workingGroups == null ? List.of(workingGroup) : List.copyOf(workingGroups);
        }
    }

    /** A page of subscribers and where the next starts; null when this is the last. */
    public record Page(List<Subscriber> subscribers, Map<String, AttributeValue> next) {
    }

    /** A subscription whose link a request asked for, by its scope and the hash of its mailbox. */
    public record LinkRequest(String scope, String subscriber) {
    }

    /** The subscription whose link a stream record's keys ask for; empty for any other item. */
    public static Optional<LinkRequest> notification(String partitionKey, String sortKey) {
        return SubscriptionItems.notified(partitionKey, sortKey);
    }

    /** The subscription a notification names, as it stands now; empty once it is gone or lapsed. */
    public Optional<Subscriber> subscriber(String scope, String subscriber, Instant now) {
        return Items.item(dynamoDb, table, SubscriptionItems.subscriptionKey(scope, subscriber))
                .filter(item -> number(item, EXPIRES_AT) > now.getEpochSecond()).map(NewsDeliveries::subscriber);
    }

    /** Claims the email with the link a request asked for, once per request. */
    public boolean claimLink(Subscriber subscriber) {
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(SubscriptionItems.subscriptionKey(subscriber.scope(), subscriber.subscriber()))
                    .updateExpression("SET #m = :at").conditionExpression("#t = :token AND (attribute_not_exists(#m) OR #m < :at)")
                    .expressionAttributeNames(Map.of("#m", LINK_SENT, "#t", "token"))
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromN(String.valueOf(subscriber.linkRequested())),
                            ":token", AttributeValue.fromS(subscriber.token()))));
            return true;
        } catch (ConditionalCheckFailedException sentOrGone) {
            return false;
        }
    }

    /** Gives back the claim of a link whose email certainly failed, so that asking again sends it. */
    public void linkFailed(Subscriber subscriber) {
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(SubscriptionItems.subscriptionKey(subscriber.scope(), subscriber.subscriber()))
                    .updateExpression("REMOVE #m").conditionExpression("#m = :at").expressionAttributeNames(Map.of("#m", LINK_SENT))
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromN(String.valueOf(subscriber.linkRequested())))));
        } catch (ConditionalCheckFailedException askedAgain) {
            // A newer request's claim: its own email decides.
        }
    }

    /** A page of the confirmed subscribers of a scope who chose this frequency. */
    public Page subscribers(String scope, Subscriptions.Frequency frequency, Map<String, AttributeValue> from, Instant now) {
        QueryResponse response = dynamoDb.query(query -> query.tableName(table).limit(PAGE).exclusiveStartKey(from)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :sub)")
                .filterExpression("#s = :confirmed AND frequency = :frequency AND #e > :now")
                .expressionAttributeNames(Map.of("#s", "state", "#e", EXPIRES_AT))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(SubscriptionItems.scopePartition(scope)),
                        ":sub", AttributeValue.fromS(SubscriptionItems.SUBSCRIPTION), ":confirmed", AttributeValue.fromS(SubscriptionItems.CONFIRMED),
                        ":frequency", AttributeValue.fromS(frequency.code()), ":now", epoch(now))));
        List<Subscriber> subscribers = response.items().stream().map(NewsDeliveries::subscriber).toList();
        return new Page(subscribers, response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null);
    }

    /** The email that announces a version, as its claims name it. */
    public static String announcement(Listed listed) {
        return SubscriptionItems.announcement(listed.id(), listed.version());
    }

    /** The email with the digest of the week that starts on {@code monday}, as its claims name it. */
    public static String digest(LocalDate monday) {
        return SubscriptionItems.digest(monday);
    }

    /** Gives back a claim whose email certainly failed, so that the next batch or run sends it. */
    public void release(String subscriber, String email) {
        dynamoDb.updateItem(update -> update.tableName(table).key(SubscriptionItems.sentKey(subscriber, email)).updateExpression("SET #r = :yes")
                .expressionAttributeNames(Map.of("#r", RELEASED)).expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true))));
    }

    /** Marks a claim given back: claiming it again succeeds, as for an email never claimed. */
    private static final String RELEASED = "released";

    /** Claims an email ({@link #announcement}, {@link #digest}) for a mailbox; false when it has it already. */
    public boolean claim(String subscriber, String email, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(SubscriptionItems.sentKey(subscriber, email));
        item.put(EXPIRES_AT, epoch(now.plus(CLAIM_KEPT)));
        try {
            dynamoDb.putItem(put -> put.tableName(table).item(item).conditionExpression("attribute_not_exists(pk) OR #r = :yes")
                    .expressionAttributeNames(Map.of("#r", RELEASED)).expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true))));
            return true;
        } catch (ConditionalCheckFailedException sent) {
            return false;
        }
    }

    /** Records a published version in its week, for the week's digests. */
    public void listed(Listed listed) {
        Map<String, AttributeValue> item = new HashMap<>(SubscriptionItems.key(SubscriptionItems.weekPartition(monday(listed.listedAt())),
                SubscriptionItems.weekEntry(listed.listedAt(), listed.id(), listed.version())));
        item.putAll(Map.of("id", AttributeValue.fromS(listed.id()), "version", AttributeValue.fromN(String.valueOf(listed.version())),
                "title", AttributeValue.fromS(listed.title()), "type", AttributeValue.fromS(listed.type()),
                "workingGroup", AttributeValue.fromS(listed.workingGroup()), "summary", AttributeValue.fromS(listed.summary()),
                "listedAt", AttributeValue.fromS(listed.listedAt().toString()), "readOnline", AttributeValue.fromBool(listed.readOnline()),
                EXPIRES_AT, epoch(listed.listedAt().plus(Duration.ofDays(35)))));
        item.put("workingGroups", AttributeValue.fromL(listed.workingGroups().stream().map(AttributeValue::fromS).toList()));
        dynamoDb.putItem(put -> put.tableName(table).item(item));
    }

    /** What was published in the week that starts on {@code monday} (UTC), in the order it was. */
    public List<Listed> week(LocalDate monday) {
        List<Listed> listed = new ArrayList<>();
        Map<String, AttributeValue> from = null;
        do {
            Map<String, AttributeValue> start = from;
            QueryResponse response = dynamoDb.query(query -> query.tableName(table).exclusiveStartKey(start)
                    .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(SubscriptionItems.weekPartition(monday)))));
            response.items().forEach(item -> listed.add(new Listed(text(item, "id"), (int) number(item, "version"), text(item, "title"),
                    text(item, "type"), text(item, "workingGroup"), text(item, "summary"), Instant.parse(text(item, "listedAt")),
                    Boolean.TRUE.equals(item.getOrDefault("readOnline", AttributeValue.fromBool(false)).bool()),
                    item.containsKey("workingGroups") ? Items.texts(item, "workingGroups") : null)));
            from = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (from != null);
        return listed;
    }

    public boolean digestSent(LocalDate monday) {
        return Items.item(dynamoDb, table, SubscriptionItems.digestDoneKey(monday)).isPresent();
    }

    public void digestDone(LocalDate monday, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(SubscriptionItems.digestDoneKey(monday));
        item.putAll(Map.of("at", AttributeValue.fromS(now.toString()), EXPIRES_AT, epoch(now.plus(CLAIM_KEPT))));
        dynamoDb.putItem(put -> put.tableName(table).item(item));
    }

    /** The Monday (UTC) that starts the week of an instant. */
    public static LocalDate monday(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static Subscriber subscriber(Map<String, AttributeValue> item) {
        long requested = number(item, LINK_REQUESTED);
        return new Subscriber(text(item, "scope"), text(item, "sk").substring(SubscriptionItems.SUBSCRIPTION.length()), text(item, "email"),
                text(item, "token"), Subscriptions.Frequency.of(text(item, "frequency")).orElse(Subscriptions.Frequency.EACH),
                SubscriptionItems.CONFIRMED.equals(text(item, "state")), requested, number(item, LINK_SENT) < requested);
    }
}
