package eu.s3cop.webinar.store;

import static eu.s3cop.core.Items.number;
import static eu.s3cop.core.Items.text;

import eu.s3cop.webinar.model.Notice;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Registrations for webinars, beside each webinar: {@code REG#<sha256 of the lower-cased email>}
 * holds the registrant's name and email (personal data, deleted with the registration), and
 * {@code TOKEN#<token>} lets the registrant cancel without an account. A registration is one
 * transaction with the webinar's count, so capacity holds under concurrent requests.
 */
public final class Registrations {

    /**
     * A registrant, as the scheduler needs them for emails.
     *
     * @param key which registration of the webinar this is, for {@link #claim}
     * @param confirmedSequence the SEQUENCE the confirmation was claimed for, or {@link #UNCONFIRMED}
     */
    public record Registrant(String key, String name, String email, String token, int confirmedSequence) {

        public static final int UNCONFIRMED = -1;

        public boolean confirmed() {
            return confirmedSequence != UNCONFIRMED;
        }
    }

    /** An email claimed for one registrant: taken by this run alone, until it is released. */
    public static final class Claim {

        private final String webinarId;
        private final String registration;
        private final String marker;
        private final String value;

        private Claim(String webinarId, String registration, String marker, String value) {
            this.webinarId = webinarId;
            this.registration = registration;
            this.marker = marker;
            this.value = value;
        }
    }

    /** The outcome of a registration request. */
    public sealed interface Outcome permits Registered, AlreadyRegistered, Full, Unavailable {
    }

    public record Registered(String token) implements Outcome {
    }

    public record AlreadyRegistered(String token) implements Outcome {
    }

    public record Full(int capacity) implements Outcome {
    }

    /** The webinar changed under the request (cancelled, say): read it again. */
    public record Unavailable() implements Outcome {
    }

    /** Registration requests one webinar takes in a minute; more get "try again" (429). */
    public static final int REQUESTS_PER_MINUTE = 120;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CONFIRMED = "sent_confirmation";
    /** The table's time-to-live attribute, in epoch seconds. */
    private static final String EXPIRES_AT = "expiresAt";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public Registrations(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /**
     * Counts a registration request for the webinar in the current minute; false when the
     * webinar has had {@link #REQUESTS_PER_MINUTE} already. Counted per webinar, whoever asks and
     * for whichever address, so the answer says nothing about an address. The count expires
     * with the table's time to live.
     */
    public boolean withinRate(String webinarId, Instant now) {
        Instant minute = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(key(webinarId, "RATE#" + minute))
                    .updateExpression("ADD #r :one SET #e = :expires")
                    .conditionExpression("attribute_not_exists(#r) OR #r < :max")
                    .expressionAttributeNames(Map.of("#r", "requests", "#e", EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":max", AttributeValue.fromN(String.valueOf(REQUESTS_PER_MINUTE)),
                            ":expires", expiry(minute.plus(java.time.Duration.ofHours(1))))));
            return true;
        } catch (ConditionalCheckFailedException full) {
            return false;
        }
    }

    /**
     * Registers the address for the webinar, unless it is registered already.
     *
     * @param keepUntil when the table's time to live deletes the registration: a set time after
     *     the webinar ends, so that the recording notice can still be sent
     */
    public Outcome register(String webinarId, String name, String email, Instant now, Instant keepUntil) {
        String regKey = registrationKey(email);
        Optional<Map<String, AttributeValue>> existing = item(webinarId, regKey);
        if (existing.isPresent()) {
            return new AlreadyRegistered(text(existing.get(), "token"));
        }
        String token = token();
        Map<String, AttributeValue> registration = Map.of(
                "pk", AttributeValue.fromS("WEBINAR#" + webinarId), "sk", AttributeValue.fromS(regKey),
                "name", AttributeValue.fromS(name), "email", AttributeValue.fromS(email),
                "token", AttributeValue.fromS(token), "registeredAt", AttributeValue.fromS(now.toString()),
                EXPIRES_AT, expiry(keepUntil));
        Map<String, AttributeValue> tokenItem = Map.of(
                "pk", AttributeValue.fromS("WEBINAR#" + webinarId), "sk", AttributeValue.fromS("TOKEN#" + token),
                "registration", AttributeValue.fromS(regKey), EXPIRES_AT, expiry(keepUntil));
        try {
            dynamoDb.transactWriteItems(write -> write.transactItems(
                    TransactWriteItem.builder().update(update -> update.tableName(table).key(DynamoDbWebinarStore.key(webinarId))
                            .updateExpression("SET registered = registered + :one")
                            .conditionExpression("attribute_exists(pk) AND cancelled = :no AND (#capacity = :zero OR registered < #capacity)")
                            .expressionAttributeNames(Map.of("#capacity", "capacity"))
                            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":zero", AttributeValue.fromN("0"),
                                    ":no", AttributeValue.fromBool(false)))).build(),
                    TransactWriteItem.builder().put(put -> put.tableName(table).item(registration).conditionExpression("attribute_not_exists(pk)")).build(),
                    TransactWriteItem.builder().put(put -> put.tableName(table).item(tokenItem).conditionExpression("attribute_not_exists(pk)")).build()));
            return new Registered(token);
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (reasons.size() > 1 && "ConditionalCheckFailed".equals(reasons.get(1).code())) {
                return item(webinarId, regKey).<Outcome>map(item -> new AlreadyRegistered(text(item, "token"))).orElse(new Unavailable());
            }
            if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                Map<String, AttributeValue> webinar = dynamoDb.getItem(get -> get.tableName(table).consistentRead(true)
                        .key(DynamoDbWebinarStore.key(webinarId))).item();
                if (webinar != null && webinar.containsKey("capacity") && !Boolean.TRUE.equals(webinar.get("cancelled").bool())) {
                    return new Full(Integer.parseInt(webinar.get("capacity").n()));
                }
                return new Unavailable();
            }
            throw e;
        }
    }

    /** Removes a registration and the personal data in it; false when the token names none. */
    public boolean unregister(String webinarId, String token) {
        Optional<Map<String, AttributeValue>> tokenItem = item(webinarId, "TOKEN#" + token);
        if (tokenItem.isEmpty()) {
            return false;
        }
        String regKey = text(tokenItem.get(), "registration");
        try {
            dynamoDb.transactWriteItems(write -> write.transactItems(
                    TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(key(webinarId, regKey))
                            .conditionExpression("attribute_exists(pk)")).build(),
                    TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(key(webinarId, "TOKEN#" + token))).build(),
                    TransactWriteItem.builder().update(update -> update.tableName(table).key(DynamoDbWebinarStore.key(webinarId))
                            .updateExpression("SET registered = registered - :one")
                            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))).build()));
            return true;
        } catch (TransactionCanceledException e) {
            return false;
        }
    }

    /** Whether the token would cancel a registration for the webinar. */
    public boolean cancellable(String webinarId, String token) {
        return item(webinarId, "TOKEN#" + token).isPresent();
    }

    /** The registrants of a webinar, with which confirmation each was sent, in registration key order. */
    public List<Registrant> registrants(String webinarId) {
        List<Registrant> registrants = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = dynamoDb.query(query -> query.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :reg)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("WEBINAR#" + webinarId), ":reg", AttributeValue.fromS("REG#")))
                    .exclusiveStartKey(from));
            response.items().forEach(item -> registrants.add(new Registrant(text(item, "sk"), text(item, "name"), text(item, "email"),
                    text(item, "token"), item.containsKey(CONFIRMED) ? sequenceOf(text(item, CONFIRMED)) : Registrant.UNCONFIRMED)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return registrants;
    }

    /**
     * Claims an email for a registrant before it is sent, recording which SEQUENCE it was for: a
     * conditional write, so of runs that repeat or overlap only one gets it. Empty when it was
     * claimed before or the registration is gone. When the write's answer is lost, the claim is
     * taken back before the failure is thrown, or no later run would send the email.
     */
    public Optional<Claim> claim(String webinarId, Registrant registrant, Notice notice, int sequence, Instant now, Instant keepUntil) {
        Claim claim = new Claim(webinarId, registrant.key(), marker(notice, sequence), sequence + "@" + now);
        try {
            // Each email moves the registration's expiry with the webinar, so a later date keeps it longer.
            dynamoDb.updateItem(update -> update.tableName(table).key(key(webinarId, claim.registration))
                    .updateExpression("SET #m = :at, #e = :keep")
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(#m)")
                    .expressionAttributeNames(Map.of("#m", claim.marker, "#e", EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(claim.value), ":keep", expiry(keepUntil))));
            if (notice == Notice.UPDATE || notice == Notice.CANCELLATION) {
                // The cancel link lasts as long as the registration it cancels.
                dynamoDb.updateItem(update -> update.tableName(table).key(key(webinarId, "TOKEN#" + registrant.token()))
                        .updateExpression("SET #e = :keep").conditionExpression("attribute_exists(pk)")
                        .expressionAttributeNames(Map.of("#e", EXPIRES_AT)).expressionAttributeValues(Map.of(":keep", expiry(keepUntil))));
            }
            return Optional.of(claim);
        } catch (ConditionalCheckFailedException alreadyClaimed) {
            return Optional.empty();
        } catch (SdkClientException unanswered) {
            release(claim);
            throw unanswered;
        }
    }

    /** Takes back this claim, and only it: another run's claim of the same email stays. */
    public void release(Claim claim) {
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(key(claim.webinarId, claim.registration)).updateExpression("REMOVE #m")
                    .conditionExpression("#m = :at")
                    .expressionAttributeNames(Map.of("#m", claim.marker)).expressionAttributeValues(Map.of(":at", AttributeValue.fromS(claim.value))));
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
            case CONFIRMATION -> CONFIRMED;
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
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).consistentRead(true).key(key(webinarId, sortKey))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    static Map<String, AttributeValue> key(String webinarId, String sortKey) {
        return Map.of("pk", AttributeValue.fromS("WEBINAR#" + webinarId), "sk", AttributeValue.fromS(sortKey));
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
