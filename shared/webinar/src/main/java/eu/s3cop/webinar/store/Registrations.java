package eu.s3cop.webinar.store;

import static eu.s3cop.core.Items.conditionFailed;
import static eu.s3cop.core.Items.number;
import static eu.s3cop.core.Items.text;

import eu.s3cop.core.Items;
import eu.s3cop.webinar.model.Notice;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Registrations for webinars, beside each webinar, with double opt-in: a request writes a
 * pending {@code REG#<sha256 of the lower-cased email>} (the registrant's name and email,
 * personal data deleted with the registration) and {@code TOKEN#<token>}, which the emailed link
 * carries; confirming it takes a seat, in one transaction with the webinar's count, so capacity
 * holds under concurrent requests. A pending request takes nothing and expires after a day.
 * Every request and confirmation also writes {@code NOTIFY#<same hash>}, whose arrival on the
 * table's stream has the email sent at once.
 */
public final class Registrations {

    /**
     * A registrant, as the scheduler needs them for emails.
     *
     * @param key which registration of the webinar this is, for {@link #claim}
     * @param invitedSequence the SEQUENCE the confirmation with the invite was claimed for, or {@link #NOT_INVITED}
     * @param pending whether the request still waits to be confirmed from the emailed link
     * @param linkRequested when the link to the registration's page was last asked for, in epoch seconds
     * @param linkDue whether that request's email is yet to be claimed
     */
    public record Registrant(String key, String name, String email, String token, int invitedSequence, boolean pending,
            long linkRequested, boolean linkDue) {

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

    /** What a registration request led to; the API answers all of them alike. */
    public enum Request {
        /** A new pending registration: its link is emailed. */
        NEW,
        /** A known address asked again: its link is emailed again. */
        RESENT,
        /** Nothing written: the link went out less than an hour ago, or the address had its day's links. */
        NOT_SENT
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

    /** A registration the table's stream says has an email to send now. */
    public record Notification(String webinarId, String registration) {
    }

    /**
     * The table stream's filter (the template's {@code FilterCriteria}) that passes the writes
     * asking for a registration's email to be sent now, and nothing else: not the emails' own
     * claims, which would bring the scheduler back for nothing.
     */
    public static final String NOTIFIED_STREAM_FILTER =
            "{\"eventName\": [\"INSERT\", \"MODIFY\"], \"dynamodb\": {\"Keys\": {\"sk\": {\"S\": [{\"prefix\": \"NOTIFY#\"}]}}}}";

    /** Registration requests one webinar takes in a minute; more get "try again" (429). */
    public static final int REQUESTS_PER_MINUTE = 120;
    /** How long a request waits for its confirmation before it is forgotten. */
    public static final Duration PENDING_FOR = Duration.ofDays(1);
    /** The least time between two link emails for one registration, however often it is asked for. */
    public static final Duration RESEND_AFTER = Duration.ofHours(1);
    /** Link emails one address gets in a UTC day, over all webinars: bounds what a stranger can have us send. */
    public static final int LINKS_PER_ADDRESS_A_DAY = 10;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String INVITED = "sent_confirmation";
    private static final String LINK_SENT = "sent_link";
    private static final String LINK_REQUESTED = "linkRequested";
    private static final String PENDING = "pending";
    private static final String CONFIRMED = "confirmed";
    /** The table's time-to-live attribute, in epoch seconds. */
    private static final String EXPIRES_AT = "expiresAt";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final DynamoDbWebinarStore webinars;

    public Registrations(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.webinars = new DynamoDbWebinarStore(dynamoDb, table);
    }

    /**
     * Counts a registration request for the webinar in the current minute; false when the
     * webinar has had {@link #REQUESTS_PER_MINUTE} already. Counted per webinar, whoever asks and
     * for whichever address, so the answer says nothing about an address. The count expires
     * with the table's time to live.
     */
    public boolean withinRate(String webinarId, Instant now) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(key(webinarId, "RATE#" + minute))
                    .updateExpression("ADD #r :one SET #e = :expires")
                    .conditionExpression("attribute_not_exists(#r) OR #r < :max")
                    .expressionAttributeNames(Map.of("#r", "requests", "#e", EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":max", AttributeValue.fromN(String.valueOf(REQUESTS_PER_MINUTE)),
                            ":expires", expiry(minute.plus(Duration.ofHours(1))))));
            return true;
        } catch (ConditionalCheckFailedException full) {
            return false;
        }
    }

    /**
     * Asks for a registration of the address: a new one is written pending, for
     * {@link #PENDING_FOR}, and its link emailed; a known one (pending or confirmed) has its link
     * emailed again, at most once per {@link #RESEND_AFTER}. Either way one read and one
     * transaction, so neither the answer nor its timing tells whether the address was known.
     * The name is kept for later emails once the address owner confirms; the link email does
     * not carry it.
     */
    public Request request(String webinarId, String name, String email, Instant now) {
        String hash = emailHash(email);
        String regKey = "REG#" + hash;
        Optional<Map<String, AttributeValue>> existing = item(webinarId, regKey).filter(found -> !expiredRequest(found, now));
        List<TransactWriteItem> writes = new ArrayList<>();
        if (existing.isEmpty()) {
            String token = token();
            AttributeValue until = expiry(now.plus(PENDING_FOR));
            Map<String, AttributeValue> registration = new HashMap<>(key(webinarId, regKey));
            registration.putAll(Map.of("name", AttributeValue.fromS(name), "email", AttributeValue.fromS(email),
                    "token", AttributeValue.fromS(token), "state", AttributeValue.fromS(PENDING), "requestedAt", AttributeValue.fromS(now.toString()),
                    LINK_REQUESTED, epoch(now), EXPIRES_AT, until));
            Map<String, AttributeValue> tokenItem = new HashMap<>(key(webinarId, "TOKEN#" + token));
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
                values.put(":until", expiry(now.plus(PENDING_FOR)));
            }
            writes.add(TransactWriteItem.builder().update(update -> update.tableName(table).key(key(webinarId, regKey))
                    .updateExpression(pending ? "SET #l = :now, #e = :until" : "SET #l = :now")
                    .conditionExpression("#t = :token AND (attribute_not_exists(#l) OR #l <= :resend)")
                    .expressionAttributeNames(names).expressionAttributeValues(values)).build());
            writes.add(TransactWriteItem.builder().update(update -> {
                update.tableName(table).key(key(webinarId, "TOKEN#" + token)).conditionExpression("attribute_exists(pk)")
                        .expressionAttributeNames(Map.of("#e", EXPIRES_AT));
                if (pending) {
                    update.updateExpression("SET #e = :until").expressionAttributeValues(Map.of(":until", expiry(now.plus(PENDING_FOR))));
                } else {
                    update.updateExpression("SET #e = #e");
                }
            }).build());
        }
        writes.add(notify(webinarId, hash, now));
        LocalDate day = now.atOffset(ZoneOffset.UTC).toLocalDate();
        // Counted per mailbox: name+tag@ and name@ reach the same person, so they share one count.
        writes.add(TransactWriteItem.builder().update(update -> update.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("ADDRESS#" + emailHash(mailbox(email))), "sk", AttributeValue.fromS("LINKS#" + day)))
                .updateExpression("ADD #n :one SET #e = :expires").conditionExpression("attribute_not_exists(#n) OR #n < :max")
                .expressionAttributeNames(Map.of("#n", "links", "#e", EXPIRES_AT))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":max", AttributeValue.fromN(String.valueOf(LINKS_PER_ADDRESS_A_DAY)),
                        ":expires", expiry(day.plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC))))).build());
        try {
            dynamoDb.transactWriteItems(write -> write.transactItems(writes));
            return existing.isEmpty() ? Request.NEW : Request.RESENT;
        } catch (TransactionCanceledException e) {
            // A bound reached, or a write of the scheduler's on the same registration at that moment:
            // nothing was written either way, and answering otherwise would tell that the address is known.
            return Request.NOT_SENT;
        }
    }

    /** The address without a sub-address ("+tag"), which most mail systems deliver to the same mailbox. */
    private static String mailbox(String email) {
        int at = email.lastIndexOf('@');
        int plus = email.indexOf('+');
        return plus > 0 && plus < at ? email.substring(0, plus) + email.substring(at) : email;
    }

    /** The write whose arrival on the table's stream has the registration's email sent at once. */
    private TransactWriteItem notify(String webinarId, String hash, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(webinarId, "NOTIFY#" + hash));
        item.putAll(Map.of("at", AttributeValue.fromS(now.toString()), EXPIRES_AT, expiry(now.plus(Duration.ofDays(1)))));
        return TransactWriteItem.builder().put(put -> put.tableName(table).item(item)).build();
    }

    /**
     * The registration a stream record's keys name, when the record is one that asks for an
     * email ({@code NOTIFY#}); empty for any other item of the table.
     */
    public static Optional<Notification> notification(String partitionKey, String sortKey) {
        if (sortKey == null || !sortKey.startsWith("NOTIFY#")) {
            return Optional.empty();
        }
        return DynamoDbWebinarStore.webinarOf(partitionKey).map(webinarId -> new Notification(webinarId, "REG#" + sortKey.substring("NOTIFY#".length())));
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
                                    ":at", AttributeValue.fromS(now.toString()), ":keep", expiry(keepUntil), ":token", AttributeValue.fromS(token),
                                    ":now", epoch(now), ":name", AttributeValue.fromS(name == null ? text(registration.get(), "name") : name)))).build(),
                    TransactWriteItem.builder().update(update -> update.tableName(table).key(key(webinarId, "TOKEN#" + token))
                            .updateExpression("SET #e = :keep").conditionExpression("attribute_exists(pk)")
                            .expressionAttributeNames(Map.of("#e", EXPIRES_AT)).expressionAttributeValues(Map.of(":keep", expiry(keepUntil)))).build(),
                    notify(webinarId, regKey.substring("REG#".length()), now)));
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
        return item(webinarId, "TOKEN#" + token)
                .flatMap(found -> item(webinarId, text(found, "registration")))
                .filter(found -> token.equals(text(found, "token")) && !expiredRequest(found, now));
    }

    private static boolean expiredRequest(Map<String, AttributeValue> registration, Instant now) {
        return PENDING.equals(text(registration, "state")) && number(registration, EXPIRES_AT) <= now.getEpochSecond();
    }

    /**
     * Removes a registration and the personal data in it, and gives back its seat if it had
     * one (a pending request took none); false when the token names none.
     */
    public boolean unregister(String webinarId, String token) {
        Optional<Map<String, AttributeValue>> tokenItem = item(webinarId, "TOKEN#" + token);
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
                TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(key(webinarId, "TOKEN#" + token))).build(),
                TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(key(webinarId, "NOTIFY#" + regKey.substring("REG#".length())))).build()));
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
     * The registrants of a webinar, with which emails are due, in registration key order:
     * confirmed ones and pending requests that have not expired.
     */
    public List<Registrant> registrants(String webinarId, Instant now) {
        List<Registrant> registrants = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = dynamoDb.query(query -> query.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :reg)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(DynamoDbWebinarStore.partition(webinarId)), ":reg", AttributeValue.fromS("REG#")))
                    .exclusiveStartKey(from));
            response.items().stream().filter(item -> !expiredRequest(item, now)).forEach(item -> registrants.add(registrant(item)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return registrants;
    }

    /** One registrant, as {@link #registrants} has them; empty when gone or an expired request. */
    public Optional<Registrant> registrant(String webinarId, String registration, Instant now) {
        return item(webinarId, registration).filter(found -> !expiredRequest(found, now)).map(Registrations::registrant);
    }

    private static Registrant registrant(Map<String, AttributeValue> item) {
        long requested = number(item, LINK_REQUESTED);
        return new Registrant(text(item, "sk"), text(item, "name"), text(item, "email"), text(item, "token"),
                item.containsKey(INVITED) ? sequenceOf(text(item, INVITED)) : Registrant.NOT_INVITED,
                PENDING.equals(text(item, "state")), requested, requested > number(item, LINK_SENT));
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
        return claimed(claim, () -> {
            // Each email moves the registration's expiry with the webinar, so a later date keeps it longer.
            dynamoDb.updateItem(update -> update.tableName(table).key(key(webinarId, claim.registration))
                    // Only the registration this run read, and only once confirmed: never an invite or a reminder to a request.
                    .updateExpression("SET #m = :at, #e = :keep")
                    .conditionExpression("#t = :token AND attribute_not_exists(#m) AND (attribute_not_exists(#s) OR #s = :confirmed)")
                    .expressionAttributeNames(Map.of("#m", claim.marker, "#e", EXPIRES_AT, "#t", "token", "#s", "state"))
                    .expressionAttributeValues(Map.of(":at", claim.value, ":keep", expiry(keepUntil), ":token", AttributeValue.fromS(registrant.token()),
                            ":confirmed", AttributeValue.fromS(CONFIRMED))));
            if (notice == Notice.UPDATE || notice == Notice.CANCELLATION) {
                // The cancel link lasts as long as the registration it cancels.
                dynamoDb.updateItem(update -> update.tableName(table).key(key(webinarId, "TOKEN#" + registrant.token()))
                        .updateExpression("SET #e = :keep").conditionExpression("attribute_exists(pk)")
                        .expressionAttributeNames(Map.of("#e", EXPIRES_AT)).expressionAttributeValues(Map.of(":keep", expiry(keepUntil))));
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

    /**
     * When the table's time to live deletes the registration of this address and its cancel
     * token, in that order; empty when there is none.
     */
    public List<Instant> expiries(String webinarId, String email) {
        Optional<Map<String, AttributeValue>> registration = item(webinarId, registrationKey(email));
        if (registration.isEmpty()) {
            return List.of();
        }
        Optional<Map<String, AttributeValue>> token = item(webinarId, "TOKEN#" + text(registration.get(), "token"));
        return java.util.stream.Stream.of(registration, token).flatMap(Optional::stream)
                .map(found -> Instant.ofEpochSecond(number(found, EXPIRES_AT))).toList();
    }

    private static AttributeValue epoch(Instant instant) {
        return AttributeValue.fromN(String.valueOf(instant.getEpochSecond()));
    }

    private static AttributeValue expiry(Instant keepUntil) {
        return AttributeValue.fromN(String.valueOf(keepUntil.getEpochSecond()));
    }

    /** How often sending this email to the registrant with this address certainly failed, for operators; 0 when never. */
    public int failedSends(String webinarId, String email, Notice notice, int sequence) {
        return item(webinarId, registrationKey(email)).map(item -> (int) number(item, "failed_" + marker(notice, sequence))).orElse(0);
    }

    /** The attribute on the registration that records an email's claim; an update's names its SEQUENCE. */
    private static String marker(Notice notice, int sequence) {
        return switch (notice) {
            case LINK -> LINK_SENT;
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

    private Optional<Map<String, AttributeValue>> item(String webinarId, String sortKey) {
        return Items.item(dynamoDb, table, key(webinarId, sortKey));
    }

    static Map<String, AttributeValue> key(String webinarId, String sortKey) {
        return Map.of("pk", AttributeValue.fromS(DynamoDbWebinarStore.partition(webinarId)), "sk", AttributeValue.fromS(sortKey));
    }

    /** The sort key of an address's registration: its hash, so the key itself holds no address. */
    private static String registrationKey(String email) {
        return "REG#" + emailHash(email);
    }

    static String emailHash(String email) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
