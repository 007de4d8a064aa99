package eu.s3cop.webinar.store;

import static eu.s3cop.core.Items.conditionFailed;
import static eu.s3cop.core.Items.number;
import static eu.s3cop.core.Items.text;
import static eu.s3cop.webinar.store.RegistrationItems.CONFIRMED;
import static eu.s3cop.webinar.store.RegistrationItems.EXPIRES_AT;
import static eu.s3cop.webinar.store.RegistrationItems.LINK_REQUESTED;
import static eu.s3cop.webinar.store.RegistrationItems.LINK_SENT;
import static eu.s3cop.webinar.store.RegistrationItems.PENDING;
import static eu.s3cop.webinar.store.RegistrationItems.epoch;
import static eu.s3cop.webinar.store.RegistrationItems.expiredRequest;
import static eu.s3cop.webinar.store.RegistrationItems.key;
import static eu.s3cop.webinar.store.RegistrationItems.tokenKey;

import eu.s3cop.core.Items;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Registrations for webinars, beside each webinar, with double opt-in: a request writes a
 * pending {@code REG#<sha256 of the address's mailbox>} (the registrant's name and email,
 * personal data deleted with the registration) and {@code TOKEN#<token>}, which the emailed link
 * carries; confirming it takes a seat, in one transaction with the webinar's count, so capacity
 * holds under concurrent requests. A pending request takes nothing and expires after a day.
 * Every request and confirmation also writes {@code NOTIFY#<same hash>}, whose arrival on the
 * table's stream has the email sent at once ({@link RegistrationStream}).
 *
 * <p>A request counts against the bounds on strangers only when it sends a link: its counts
 * are writes of its own transaction ({@link RegistrationLimits}).
 *
 * <p>This is the visitor's side, from the form and the emailed link: the scheduler's emails are
 * {@link EmailClaims}, the bounds on strangers {@link RegistrationLimits}.
 */
public final class Registrations {

    /** What a registration request led to; the API answers all of them alike. */
    public enum Request {
        /** A new pending registration: its link is emailed. */
        NEW,
        /** A known address asked again: its link is emailed again. */
        RESENT,
        /**
         * Nothing written: the link went out less than an hour ago, the mailbox had its day's
         * links, or it bounced or complained before. Answered as {@link #NEW} is.
         */
        NOT_SENT,
        /** Nothing written: the webinar sent its links for this minute ({@link RegistrationLimits#REQUESTS_PER_MINUTE}). */
        WEBINAR_BUSY,
        /** Nothing written: addresses at the domain had their links for the day. */
        DOMAIN_DAY_REACHED,
        /** Nothing written: every link the day allows went out. */
        DAY_REACHED
    }

    /** The outcome of confirming a registration from its link. */
    public sealed interface Outcome permits Confirmed, AlreadyConfirmed, Full, Unavailable, Unknown {
    }

    public record Confirmed() implements Outcome {
    }

    public record AlreadyConfirmed() implements Outcome {
    }

    public record Full(int capacity) implements Outcome {
    }

    /** The webinar changed under the request (cancelled, say): read it again. */
    public record Unavailable() implements Outcome {
    }

    /** No registration has that token: never given, cancelled, or a request that expired unconfirmed. */
    public record Unknown() implements Outcome {
    }

    /**
     * A registration as its page shows it to the holder of its token, who owns the address: the
     * name is shown so that one typed by someone else is seen, and corrected, before confirming.
     */
    public record Registration(boolean confirmed, String name) {
    }

    /** How long a request waits for its confirmation before it is forgotten. */
    public static final Duration PENDING_FOR = Duration.ofDays(1);
    /** The least time between two link emails for one registration, however often it is asked for. */
    public static final Duration RESEND_AFTER = Duration.ofHours(1);

    /**
     * The partitions that registering writes, as IAM's {@code dynamodb:LeadingKeys} patterns: a
     * webinar's (its registrations, and its places on its own item) and an address's daily count
     * of links. The reader API's role may write these and nothing else of the table.
     */
    public static final List<String> WRITTEN_PARTITIONS = List.of(DynamoDbWebinarStore.partition("*"),
            RegistrationItems.ADDRESS_PARTITION + "*", RegistrationItems.COUNT_PARTITION + "*");

    /** How often a request is tried again when another request's transaction held one of its items at that moment. */
    private static final int ATTEMPTS = 4;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final DynamoDbWebinarStore webinars;
    private final RegistrationLimits limits;
    private final RegistrationStream stream;

    /** With the bounds' defaults, as a deployment has them unless its parameters say otherwise. */
    public Registrations(DynamoDbClient dynamoDb, String table) {
        this(new RegistrationLimits(dynamoDb, table, RegistrationLimits.Caps.DEFAULTS));
    }

    public Registrations(RegistrationLimits limits) {
        this.dynamoDb = limits.dynamoDb();
        this.table = limits.table();
        this.webinars = new DynamoDbWebinarStore(dynamoDb, table);
        this.limits = limits;
        this.stream = new RegistrationStream(table);
    }

    /**
     * Asks for a registration of the address: a new one is written pending, for
     * {@link #PENDING_FOR}, and its link emailed; a known one (pending or confirmed) has its link
     * emailed again, at most once per {@link #RESEND_AFTER}. Either way the same reads and one
     * transaction, so neither the answer nor its timing tells whether the address was known.
     * The name is kept for later emails once the address owner confirms; the link email does
     * not carry it.
     */
    public Request request(String webinarId, String name, String email, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                return requestOnce(webinarId, name, email, now);
            } catch (TransactionCanceledException e) {
                boolean conflict = e.cancellationReasons().stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()));
                if (!conflict) {
                    return refused(e);
                }
                if (attempt == ATTEMPTS) {
                    return Request.WEBINAR_BUSY;
                }
                // Other requests counted on the same day's items at that moment: read again and try again.
            }
        }
    }

    /** Where {@link RegistrationLimits#linkCounted}'s writes begin in a request's transaction: after the registration's two and the notification. */
    private static final int COUNTED_FROM = 3;

    /**
     * What a request's cancelled transaction answers: the bound that refused it, or
     * {@link Request#NOT_SENT} for a reason that concerns the address (a link sent too recently,
     * its mailbox's day, a bounce, or the scheduler's write at that moment), which the answer must not tell.
     */
    private static Request refused(TransactionCanceledException e) {
        RegistrationLimits.Refusal refusal = RegistrationLimits.refusal(e, COUNTED_FROM);
        if (refusal == null) {
            return Request.NOT_SENT;
        }
        return switch (refusal) {
            case WEBINAR_BUSY -> Request.WEBINAR_BUSY;
            case DOMAIN_DAY -> Request.DOMAIN_DAY_REACHED;
            case ALL_DAY -> Request.DAY_REACHED;
        };
    }

    private Request requestOnce(String webinarId, String name, String email, Instant now) {
        String regKey = RegistrationItems.registrationKey(email);
        Optional<Map<String, AttributeValue>> existing = item(webinarId, regKey).filter(found -> !expiredRequest(found, now));
        List<TransactWriteItem> writes = new ArrayList<>();
        if (existing.isEmpty()) {
            String token = RegistrationItems.token();
            AttributeValue until = epoch(now.plus(PENDING_FOR));
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
                            ":resend", epoch(now.minus(RESEND_AFTER))))).build());
            writes.add(TransactWriteItem.builder().put(put -> put.tableName(table).item(tokenItem).conditionExpression("attribute_not_exists(pk)")).build());
        } else {
            // As many writes as for a new address, so that neither the work nor its time tells them apart.
            boolean pending = PENDING.equals(text(existing.get(), "state"));
            String token = text(existing.get(), "token");
            Map<String, String> names = new HashMap<>(Map.of("#l", LINK_REQUESTED, "#t", "token"));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":now", epoch(now), ":resend", epoch(now.minus(RESEND_AFTER)),
                    ":token", AttributeValue.fromS(token)));
            if (pending) {
                // The link sent again works for a day from now, as its email says.
                names.put("#e", EXPIRES_AT);
                values.put(":until", epoch(now.plus(PENDING_FOR)));
            }
            writes.add(TransactWriteItem.builder().update(update -> update.tableName(table).key(key(webinarId, regKey))
                    .updateExpression(pending ? "SET #l = :now, #e = :until" : "SET #l = :now")
                    .conditionExpression("#t = :token AND (attribute_not_exists(#l) OR #l <= :resend)")
                    .expressionAttributeNames(names).expressionAttributeValues(values)).build());
            writes.add(TransactWriteItem.builder().update(update -> {
                update.tableName(table).key(key(webinarId, tokenKey(token))).conditionExpression("attribute_exists(pk)")
                        .expressionAttributeNames(Map.of("#e", EXPIRES_AT));
                if (pending) {
                    update.updateExpression("SET #e = :until").expressionAttributeValues(Map.of(":until", epoch(now.plus(PENDING_FOR))));
                } else {
                    update.updateExpression("SET #e = #e");
                }
            }).build());
        }
        writes.add(stream.notify(webinarId, regKey, now));
        writes.addAll(limits.linkCounted(webinarId, email, now));
        dynamoDb.transactWriteItems(write -> write.transactItems(writes));
        return existing.isEmpty() ? Request.NEW : Request.RESENT;
    }

    /**
     * Confirms the registration the token names: it takes a seat, unless the webinar is full, and
     * is kept from then on until {@code keepUntil}, as is its token.
     *
     * @param name the name the address's owner confirmed, which replaces the one requested; null to keep that
     */
    public Outcome confirm(String webinarId, String token, String name, Instant now, Instant keepUntil) {
        Optional<Map<String, AttributeValue>> registration = byToken(webinarId, token, now);
        if (registration.isEmpty()) {
            return new Unknown();
        }
        if (!PENDING.equals(text(registration.get(), "state"))) {
            return new AlreadyConfirmed();
        }
        String regKey = text(registration.get(), "sk");
        try {
            dynamoDb.transactWriteItems(write -> write.transactItems(webinars.seatTaken(webinarId),
                    TransactWriteItem.builder().update(update -> update.tableName(table).key(key(webinarId, regKey))
                            // Whoever confirms holds the link: a link still due for the request is not sent.
                            .updateExpression("SET #s = :confirmed, registeredAt = :at, #e = :keep, #sent = #requested, #n = :name")
                            .conditionExpression("#s = :pending AND #t = :token AND #e > :now")
                            .expressionAttributeNames(Map.of("#s", "state", "#t", "token", "#e", EXPIRES_AT, "#sent", LINK_SENT,
                                    "#requested", LINK_REQUESTED, "#n", "name"))
                            .expressionAttributeValues(Map.of(":confirmed", AttributeValue.fromS(CONFIRMED), ":pending", AttributeValue.fromS(PENDING),
                                    ":at", AttributeValue.fromS(now.toString()), ":keep", epoch(keepUntil), ":token", AttributeValue.fromS(token),
                                    ":now", epoch(now), ":name", AttributeValue.fromS(name == null ? text(registration.get(), "name") : name)))).build(),
                    TransactWriteItem.builder().update(update -> update.tableName(table).key(key(webinarId, tokenKey(token)))
                            .updateExpression("SET #e = :keep").conditionExpression("attribute_exists(pk)")
                            .expressionAttributeNames(Map.of("#e", EXPIRES_AT)).expressionAttributeValues(Map.of(":keep", epoch(keepUntil)))).build(),
                    stream.notify(webinarId, regKey, now)));
            return new Confirmed();
        } catch (TransactionCanceledException e) {
            if (conditionFailed(e, 1)) {
                // Confirmed or cancelled meanwhile, by another click.
                return byToken(webinarId, token, now).<Outcome>map(found -> PENDING.equals(text(found, "state"))
                        ? new Unavailable() : new AlreadyConfirmed()).orElse(new Unknown());
            }
            if (conditionFailed(e, 0)) {
                return webinars.openCapacity(webinarId).<Outcome>map(Full::new).orElse(new Unavailable());
            }
            throw e;
        }
    }

    /** The registration the token names; empty when there is none (or its request expired). */
    public Optional<Registration> registration(String webinarId, String token, Instant now) {
        return byToken(webinarId, token, now).map(found -> new Registration(!PENDING.equals(text(found, "state")), text(found, "name")));
    }

    /** The registration the token names, if it is the token's and not a request that expired. */
    private Optional<Map<String, AttributeValue>> byToken(String webinarId, String token, Instant now) {
        return item(webinarId, tokenKey(token))
                .flatMap(found -> item(webinarId, text(found, "registration")))
                .filter(found -> token.equals(text(found, "token")) && !expiredRequest(found, now));
    }

    /**
     * Removes a registration and the personal data in it, and gives back its seat if it had
     * one (a pending request took none); false when the token names none.
     */
    public boolean unregister(String webinarId, String token) {
        Optional<Map<String, AttributeValue>> tokenItem = item(webinarId, tokenKey(token));
        if (tokenItem.isEmpty()) {
            return false;
        }
        String regKey = text(tokenItem.get(), "registration");
        Optional<Map<String, AttributeValue>> registration = item(webinarId, regKey).filter(found -> token.equals(text(found, "token")));
        if (registration.isEmpty()) {
            return false;
        }
        boolean seated = !PENDING.equals(text(registration.get(), "state"));
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(key(webinarId, regKey))
                        .conditionExpression((seated ? "(attribute_not_exists(#s) OR #s = :confirmed)" : "#s = :pending") + " AND #t = :token")
                        .expressionAttributeNames(Map.of("#s", "state", "#t", "token"))
                        .expressionAttributeValues(seated ? Map.of(":confirmed", AttributeValue.fromS(CONFIRMED), ":token", AttributeValue.fromS(token))
                                : Map.of(":pending", AttributeValue.fromS(PENDING), ":token", AttributeValue.fromS(token)))).build(),
                TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(key(webinarId, tokenKey(token)))).build(),
                stream.forget(webinarId, regKey)));
        if (seated) {
            writes.add(webinars.seatFreed(webinarId));
        }
        try {
            dynamoDb.transactWriteItems(write -> write.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            return false;
        }
    }

    /**
     * When the table's time to live deletes the registration of this address and its cancel
     * token, in that order; empty when there is none.
     */
    public List<Instant> expiries(String webinarId, String email) {
        Optional<Map<String, AttributeValue>> registration = item(webinarId, RegistrationItems.registrationKey(email));
        if (registration.isEmpty()) {
            return List.of();
        }
        Optional<Map<String, AttributeValue>> token = item(webinarId, tokenKey(text(registration.get(), "token")));
        return Stream.of(registration, token).flatMap(Optional::stream)
                .map(found -> Instant.ofEpochSecond(number(found, EXPIRES_AT))).toList();
    }

    private Optional<Map<String, AttributeValue>> item(String webinarId, String sortKey) {
        return Items.item(dynamoDb, table, key(webinarId, sortKey));
    }
}
