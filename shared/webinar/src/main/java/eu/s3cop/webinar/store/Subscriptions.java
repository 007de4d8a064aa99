package eu.s3cop.webinar.store;

import static eu.s3cop.core.Items.number;
import static eu.s3cop.core.Items.text;
import static eu.s3cop.webinar.store.RegistrationItems.EXPIRES_AT;
import static eu.s3cop.webinar.store.RegistrationItems.LINK_REQUESTED;
import static eu.s3cop.webinar.store.RegistrationItems.epoch;
import static eu.s3cop.webinar.store.SubscriptionItems.CONFIRMED;
import static eu.s3cop.webinar.store.SubscriptionItems.PENDING;
import static eu.s3cop.webinar.store.SubscriptionItems.notifyKey;
import static eu.s3cop.webinar.store.SubscriptionItems.subscriptionKey;
import static eu.s3cop.webinar.store.SubscriptionItems.tokenKey;

import eu.s3cop.core.Items;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Subscriptions to news of publications, the visitor's side, with double opt-in as registration
 * has it: a request writes a pending subscription and its token and asks for the link to be
 * emailed ({@link SubscriptionItems}); the page that link opens confirms it or unsubscribes. A
 * request counts against the same bounds on strangers as a registration's, and only when it sends
 * a link ({@link RegistrationLimits}); every spelling of one inbox is one subscription per scope.
 * Unsubscribing deletes the address at once. A confirmed subscription ends after
 * {@link #KEPT_FOR} unless its owner subscribes again.
 */
public final class Subscriptions {

    /** How often news comes: an email per new publication or version, or one a week with the week's. */
    public enum Frequency {
        EACH, WEEKLY;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Frequency> of(String code) {
            for (Frequency frequency : values()) {
                if (frequency.code().equals(code)) {
                    return Optional.of(frequency);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * A subscription as its page shows it to the holder of its token.
     *
     * @param scope {@link #ALL}, or the working group whose publications it brings
     * @param until when a confirmed subscription ends; when a pending request lapses
     */
    public record Subscription(String scope, Frequency frequency, boolean confirmed, Instant until) {
    }

    /** The scope of a subscription to every new publication. */
    public static final String ALL = "all";
    /** How long a confirmed subscription lasts: the address is deleted then, unless its owner subscribed again. */
    public static final Duration KEPT_FOR = Duration.ofDays(730);

    /** The partitions that subscribing writes, as IAM's {@code dynamodb:LeadingKeys} pattern. */
    public static final String WRITTEN_PARTITIONS = SubscriptionItems.PARTITION + "*";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final RegistrationLimits limits;

    public Subscriptions(RegistrationLimits limits) {
        this.dynamoDb = limits.dynamoDb();
        this.table = limits.table();
        this.limits = limits;
    }

    /**
     * Asks for a subscription of the address: a new one is written pending, for
     * {@link Registrations#PENDING_FOR}, and its link emailed; a known one (pending or confirmed)
     * has its link emailed again, at most once per {@link Registrations#RESEND_AFTER}, so that its
     * owner can find their page again. Answered as registration requests are: the same reads and
     * one transaction whether the address was known or not.
     */
    public Registrations.Request request(String scope, Frequency frequency, String email, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                return requestOnce(scope, frequency, email, now);
            } catch (TransactionCanceledException e) {
                if (e.cancellationReasons().stream().noneMatch(reason -> "TransactionConflict".equals(reason.code()))) {
                    // The same writes at the same places as a registration request's: answered alike.
                    return RegistrationRequests.refused(e);
                }
                if (attempt == 4) {
                    return Registrations.Request.WEBINAR_BUSY;
                }
            }
        }
    }

    private Registrations.Request requestOnce(String scope, Frequency frequency, String email, Instant now) {
        String subscriber = RegistrationItems.registrationKey(email).substring(RegistrationItems.REGISTRATION.length());
        Map<String, AttributeValue> key = subscriptionKey(scope, subscriber);
        Optional<Map<String, AttributeValue>> existing = Items.item(dynamoDb, table, key)
                .filter(found -> number(found, EXPIRES_AT) > now.getEpochSecond());
        List<TransactWriteItem> writes = new ArrayList<>();
        AttributeValue until = epoch(now.plus(Registrations.PENDING_FOR));
        if (existing.isEmpty()) {
            String token = RegistrationItems.token();
            Map<String, AttributeValue> subscription = new HashMap<>(key);
            subscription.putAll(Map.of("email", AttributeValue.fromS(email), "scope", AttributeValue.fromS(scope),
                    "frequency", AttributeValue.fromS(frequency.code()), "token", AttributeValue.fromS(token),
                    "state", AttributeValue.fromS(PENDING), LINK_REQUESTED, epoch(now), EXPIRES_AT, until));
            Map<String, AttributeValue> tokenItem = new HashMap<>(tokenKey(token));
            tokenItem.putAll(Map.of("scope", AttributeValue.fromS(scope), "subscriber", AttributeValue.fromS(subscriber), EXPIRES_AT, until));
            // A lapsed request the time to live has not yet deleted is replaced.
            writes.add(TransactWriteItem.builder().put(put -> put.tableName(table).item(subscription)
                    .conditionExpression("attribute_not_exists(pk) OR #e <= :now")
                    .expressionAttributeNames(Map.of("#e", EXPIRES_AT)).expressionAttributeValues(Map.of(":now", epoch(now)))).build());
            writes.add(TransactWriteItem.builder().put(put -> put.tableName(table).item(tokenItem).conditionExpression("attribute_not_exists(pk)")).build());
        } else {
            // As many writes as for a new address, so that neither the work nor its time tells them apart.
            boolean pending = PENDING.equals(text(existing.get(), "state"));
            String token = text(existing.get(), "token");
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":now", epoch(now), ":resend", epoch(now.minus(Registrations.RESEND_AFTER)),
                    ":token", AttributeValue.fromS(token)));
            if (pending) {
                // The link sent again works for a day from now, and brings what was asked for last.
                values.put(":until", until);
                values.put(":frequency", AttributeValue.fromS(frequency.code()));
            }
            writes.add(TransactWriteItem.builder().update(update -> update.tableName(table).key(key)
                    .updateExpression(pending ? "SET #l = :now, #e = :until, frequency = :frequency" : "SET #l = :now")
                    .conditionExpression("#t = :token AND #l <= :resend")
                    .expressionAttributeNames(pending ? Map.of("#l", LINK_REQUESTED, "#t", "token", "#e", EXPIRES_AT)
                            : Map.of("#l", LINK_REQUESTED, "#t", "token"))
                    .expressionAttributeValues(values)).build());
            writes.add(TransactWriteItem.builder().update(update -> update.tableName(table).key(tokenKey(token))
                    .conditionExpression("attribute_exists(pk)").updateExpression(pending ? "SET #e = :until" : "SET #e = #e")
                    .expressionAttributeNames(Map.of("#e", EXPIRES_AT))
                    .expressionAttributeValues(pending ? Map.of(":until", until) : null)).build());
        }
        Map<String, AttributeValue> notify = new HashMap<>(notifyKey(scope, subscriber));
        notify.putAll(Map.of("at", AttributeValue.fromS(now.toString()), EXPIRES_AT, until));
        writes.add(TransactWriteItem.builder().put(put -> put.tableName(table).item(notify)).build());
        writes.addAll(limits.linkCounted(SubscriptionItems.rateKey(now.truncatedTo(ChronoUnit.MINUTES)), SubscriptionItems.LINK_SUBJECT, email, now));
        dynamoDb.transactWriteItems(write -> write.transactItems(writes));
        return existing.isEmpty() ? Registrations.Request.NEW : Registrations.Request.RESENT;
    }

    /** The subscription the token names; empty when there is none, or its request lapsed. */
    public Optional<Subscription> subscription(String token, Instant now) {
        return byToken(token, now).map(Subscriptions::subscription);
    }

    /**
     * Confirms the subscription the token names, or changes how often a confirmed one comes; it
     * is kept for {@link #KEPT_FOR} from now, as is its token. Empty when the token names none.
     *
     * @param frequency how often news should come; null to keep what was asked for
     */
    public Optional<Subscription> confirm(String token, Frequency frequency, Instant now) {
        Optional<Map<String, AttributeValue>> found = byToken(token, now);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = found.get();
        String chosen = frequency == null ? text(item, "frequency") : frequency.code();
        AttributeValue until = epoch(now.plus(KEPT_FOR));
        try {
            dynamoDb.transactWriteItems(write -> write.transactItems(
                    TransactWriteItem.builder().update(update -> update.tableName(table).key(Map.of("pk", item.get("pk"), "sk", item.get("sk")))
                            .updateExpression("SET #s = :confirmed, frequency = :frequency, confirmedAt = :at, #e = :until")
                            .conditionExpression("#t = :token")
                            .expressionAttributeNames(Map.of("#s", "state", "#e", EXPIRES_AT, "#t", "token"))
                            .expressionAttributeValues(Map.of(":confirmed", AttributeValue.fromS(CONFIRMED), ":frequency", AttributeValue.fromS(chosen),
                                    ":at", AttributeValue.fromS(now.toString()), ":until", until, ":token", AttributeValue.fromS(token)))).build(),
                    TransactWriteItem.builder().update(update -> update.tableName(table).key(tokenKey(token)).conditionExpression("attribute_exists(pk)")
                            .updateExpression("SET #e = :until").expressionAttributeNames(Map.of("#e", EXPIRES_AT))
                            .expressionAttributeValues(Map.of(":until", until))).build()));
        } catch (TransactionCanceledException unsubscribedMeanwhile) {
            return Optional.empty();
        }
        return Optional.of(new Subscription(text(item, "scope"), Frequency.of(chosen).orElse(Frequency.EACH), true, now.plus(KEPT_FOR)));
    }

    /** Deletes the subscription the token names, its address and its token, at once; false when there is none. */
    public boolean unsubscribe(String token) {
        Optional<Map<String, AttributeValue>> tokenItem = Items.item(dynamoDb, table, tokenKey(token));
        if (tokenItem.isEmpty()) {
            return false;
        }
        String scope = text(tokenItem.get(), "scope");
        String subscriber = text(tokenItem.get(), "subscriber");
        dynamoDb.transactWriteItems(write -> write.transactItems(
                TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(subscriptionKey(scope, subscriber))
                        .conditionExpression("attribute_not_exists(pk) OR #t = :token").expressionAttributeNames(Map.of("#t", "token"))
                        .expressionAttributeValues(Map.of(":token", AttributeValue.fromS(token)))).build(),
                TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(tokenKey(token))).build(),
                TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(notifyKey(scope, subscriber))).build()));
        return true;
    }

    private Optional<Map<String, AttributeValue>> byToken(String token, Instant now) {
        return Items.item(dynamoDb, table, tokenKey(token))
                .flatMap(found -> Items.item(dynamoDb, table, subscriptionKey(text(found, "scope"), text(found, "subscriber"))))
                .filter(found -> token.equals(text(found, "token")) && number(found, EXPIRES_AT) > now.getEpochSecond());
    }

    private static Subscription subscription(Map<String, AttributeValue> item) {
        return new Subscription(text(item, "scope"), Frequency.of(text(item, "frequency")).orElse(Frequency.EACH),
                CONFIRMED.equals(text(item, "state")), Instant.ofEpochSecond(number(item, EXPIRES_AT)));
    }
}
