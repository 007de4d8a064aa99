package eu.s3cop.webinar.store;

import static eu.s3cop.core.Items.number;
import static eu.s3cop.core.Items.text;

import eu.s3cop.core.Mailboxes;
import eu.s3cop.webinar.model.Answers;
import eu.s3cop.webinar.model.OrganisationKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * How registrations lie in the webinars table, for every class that reads or writes them. In the
 * webinar's partition: {@code REG#<sha256 of the address's mailbox>} is a registration (the hash
 * keeps the address out of the key), {@code TOKEN#<token>} names it for the link emailed to the
 * address, {@code NOTIFY#<same hash>} asks for its email now, {@code RATE#<minute>} counts the
 * webinar's accepted requests. Per mailbox, {@code ADDRESS#<hash>} / {@code LINKS#<day>} counts its link
 * emails, and {@code LINKS#<day>#<webinar>} those about one webinar; {@code COUNT#DOMAIN#<hash>},
 * {@code COUNT#ALL} and {@code COUNT#CLIENT#<hash>} count per domain, in all and per client;
 * {@code SUPPRESSED#<hash>} marks a mailbox that bounced or complained. {@code WAIT#<joined>#<hash>}
 * is a registration's place on the webinar's waiting list.
 */
final class RegistrationItems {

    static final String PENDING = "pending";
    static final String CONFIRMED = "confirmed";
    /** On the waiting list: confirmed by its owner when every place was taken. */
    static final String WAITING = "waiting";
    /** Offered a freed place, held for it until {@link #OFFERED_UNTIL}. */
    static final String OFFERED = "offered";
    /** Until when an offered place is held, in epoch seconds. */
    static final String OFFERED_UNTIL = "offeredUntil";
    /** The sort key of a waiting registration's place in the queue. */
    static final String QUEUE_KEY = "queueKey";
    /** Whether a confirmed registration took a place offered from the waiting list. */
    static final String FROM_WAITING_LIST = "fromWaitingList";
    /** What every place in a webinar's waiting list starts with: the queue in joining order. */
    static final String QUEUE = "WAIT#";
    /**
     * What every place in the line of those held back by the cap per domain starts with: they
     * join the waiting list, in their turn, when their domain's share has room again.
     */
    static final String HELD_BACK = "HELD#";
    /** The sort key of the count a registration adds to its domain's share of the webinar's places, when it does. */
    static final String DOMAIN_SHARE = "domainShare";
    /** When the link was last asked for, in epoch seconds; the claim of its email holds the same time. */
    static final String LINK_REQUESTED = "linkRequested";
    static final String LINK_SENT = "sent_link";
    static final String INVITED = "sent_confirmation";
    /** Whether a registration holds a place in a hybrid event's room, counted on the webinar's item. */
    static final String IN_ROOM = "inRoom";
    /** The table's time-to-live attribute, in epoch seconds. */
    static final String EXPIRES_AT = "expiresAt";

    /** What every registration's sort key starts with, for a Query of a webinar's registrations. */
    static final String REGISTRATION = "REG#";

    private static final String NOTIFY = "NOTIFY#";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RegistrationItems() {
    }

    static Map<String, AttributeValue> key(String webinarId, String sortKey) {
        return Map.of("pk", AttributeValue.fromS(DynamoDbWebinarStore.partition(webinarId)), "sk", AttributeValue.fromS(sortKey));
    }

    /**
     * The sort key of an address's registration: its mailbox's hash, so the key itself holds no
     * address, and every spelling of one inbox ({@code n.ame+x@gmail.com}) is one registration:
     * one place taken, one link an hour, however it is typed.
     */
    static String registrationKey(String email) {
        return REGISTRATION + mailboxHash(email);
    }

    /** The sort key of the token that the registration's emailed links carry. */
    static String tokenKey(String token) {
        return "TOKEN#" + token;
    }

    /**
     * The sort key of a registration's place on the waiting list: the moment it joined, as
     * fixed-width milliseconds so that keys sort in joining order, then its hash for ties.
     */
    static String queueKey(Instant joined, String registration) {
        return QUEUE + String.format("%015d", joined.toEpochMilli()) + "#" + registration.substring(REGISTRATION.length());
    }

    /** The sort key of a place in the line of those held back by the cap per domain, in joining order as on the waiting list. */
    static String heldBackKey(String email, Instant joined, String registration) {
        return heldBackLine(email) + queueKey(joined, registration).substring(QUEUE.length());
    }

    /** What the places in the line of one domain's addresses held back start with, the line's keys in joining order. */
    static String heldBackLine(String email) {
        return HELD_BACK + emailHash(Mailboxes.domain(email)) + "#";
    }

    /** The place on the waiting list of one held back, keeping the moment they joined, so that they stand where they would have. */
    static String promotedKey(String heldBackKey) {
        return QUEUE + heldBackKey.substring(heldBackKey.indexOf('#', HELD_BACK.length()) + 1);
    }

    /** The sort key of the count of a domain's share of a webinar's places, keyed by the domain's hash. */
    static String shareKey(String email) {
        return "SHARE#" + emailHash(Mailboxes.domain(email));
    }

    /** The sort key whose write, beside the registration, asks the stream for its email. */
    static String notifyKey(String registration) {
        return NOTIFY + registration.substring(REGISTRATION.length());
    }

    /** The registration a {@link #notifyKey} names; empty for any other sort key. */
    static Optional<String> notified(String sortKey) {
        return sortKey != null && sortKey.startsWith(NOTIFY) ? Optional.of(REGISTRATION + sortKey.substring(NOTIFY.length())) : Optional.empty();
    }

    static String rateKey(Instant minute) {
        return "RATE#" + minute;
    }

    /** The partition of an address's counts, keyed by its mailbox's hash. */
    static final String ADDRESS_PARTITION = "ADDRESS#";
    /** What the partitions of the counts that bound strangers start with: per domain, per client, in all. */
    static final String COUNT_PARTITION = "COUNT#";
    /** The partition of an address that bounced or complained: never emailed again. */
    static final String SUPPRESSED_PARTITION = "SUPPRESSED#";

    /**
     * The key of a day's count of link emails to the address's mailbox, over all webinars; with
     * a webinar, of those about that webinar alone. Counted per mailbox ({@link Mailboxes}):
     * {@code name+tag@} and {@code n.ame@gmail.com} reach the same person, so they share one count.
     */
    static Map<String, AttributeValue> linksKey(String email, LocalDate day, String webinarId) {
        return Map.of("pk", AttributeValue.fromS(ADDRESS_PARTITION + mailboxHash(email)),
                "sk", AttributeValue.fromS("LINKS#" + day + (webinarId == null ? "" : "#" + webinarId)));
    }

    /** The key of a day's count of link emails to addresses at the address's domain, keyed by the domain's hash. */
    static Map<String, AttributeValue> domainLinksKey(String email, LocalDate day) {
        return Map.of("pk", AttributeValue.fromS(COUNT_PARTITION + "DOMAIN#" + emailHash(Mailboxes.domain(email))),
                "sk", AttributeValue.fromS("LINKS#" + day));
    }

    /** The key of a day's count of every link email sent. */
    static Map<String, AttributeValue> allLinksKey(LocalDate day) {
        return Map.of("pk", AttributeValue.fromS(COUNT_PARTITION + "ALL"), "sk", AttributeValue.fromS("LINKS#" + day));
    }

    /** The key of a minute's count of one client's registration requests, keyed by the hash of its network address. */
    static Map<String, AttributeValue> clientRequestsKey(String client, Instant minute) {
        return Map.of("pk", AttributeValue.fromS(COUNT_PARTITION + "CLIENT#" + emailHash(client)), "sk", AttributeValue.fromS("REQUESTS#" + minute));
    }

    /** The key of the record that no email goes to the address's mailbox any more. */
    static Map<String, AttributeValue> suppressedKey(String email) {
        String hash = mailboxHash(email);
        return Map.of("pk", AttributeValue.fromS(SUPPRESSED_PARTITION + hash), "sk", AttributeValue.fromS("SUPPRESSED"));
    }

    private static String mailboxHash(String email) {
        return emailHash(Mailboxes.canonical(email));
    }

    static String emailHash(String email) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A new registration's token: unguessable, and safe in a URL's path. */
    static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the registration is a request that was never confirmed and whose time has run out, deleted or not yet. */
    static boolean expiredRequest(Map<String, AttributeValue> registration, Instant now) {
        return PENDING.equals(text(registration, "state")) && number(registration, EXPIRES_AT) <= now.getEpochSecond();
    }

    /** The write that keeps a registration's token as long as the registration, in the transaction that moves its expiry. */
    static TransactWriteItem tokenKept(String table, String webinarId, String token, Instant keepUntil) {
        return TransactWriteItem.builder().update(update -> update.tableName(table).key(key(webinarId, tokenKey(token)))
                .updateExpression("SET #e = :keep").conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#e", EXPIRES_AT)).expressionAttributeValues(Map.of(":keep", epoch(keepUntil)))).build();
    }

    /**
     * The SET clauses that record what a registrant answered, for the update that confirms the
     * registration or puts it on the waiting list: how they attend, whether that holds a place in
     * the room, and their organisation, its country and its kind (empty when not given), and the
     * domain's share it counts against ({@link DomainShares}; empty when none).
     */
    static String answered(Answers answers, boolean inRoom, String share, Map<String, String> names, Map<String, AttributeValue> values) {
        names.putAll(Map.of("#attendance", "attendance", "#organisation", "organisation", "#country", "country", "#kind", "kind",
                "#inRoom", IN_ROOM, "#share", DOMAIN_SHARE));
        values.put(":share", AttributeValue.fromS(share == null ? "" : share));
        values.putAll(Map.of(":attendance", AttributeValue.fromS(answers.attendance().word()),
                ":organisation", AttributeValue.fromS(answers.organisation()), ":country", AttributeValue.fromS(answers.country()),
                ":kind", AttributeValue.fromS(answers.kind().map(OrganisationKind::code).orElse("")), ":inRoom", AttributeValue.fromBool(inRoom)));
        return "#attendance = :attendance, #organisation = :organisation, #country = :country, #kind = :kind, #inRoom = :inRoom, #share = :share";
    }

    /** Every registration item of the webinar but requests that expired unconfirmed, in key order, every page of them. */
    static List<Map<String, AttributeValue>> registrations(DynamoDbClient dynamoDb, String table, String webinarId, Instant now) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = dynamoDb.query(query -> query.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :reg)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(DynamoDbWebinarStore.partition(webinarId)),
                            ":reg", AttributeValue.fromS(REGISTRATION)))
                    .exclusiveStartKey(from));
            response.items().stream().filter(item -> !expiredRequest(item, now)).forEach(items::add);
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    /** Whether a transaction was cancelled because another wrote one of its items at the same moment, not because a condition failed. */
    static boolean conflicted(TransactionCanceledException cancelled) {
        return cancelled.cancellationReasons().stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()));
    }

    /** Where a registration stands; one written before states were recorded is a confirmed one. */
    static Registrations.Standing standing(Map<String, AttributeValue> registration) {
        return switch (text(registration, "state")) {
            case PENDING -> Registrations.Standing.PENDING;
            case WAITING -> Registrations.Standing.WAITING;
            case OFFERED -> Registrations.Standing.OFFERED;
            default -> Registrations.Standing.CONFIRMED;
        };
    }

    /** The domain's share the registration counts against; empty when it counts against none. */
    static Optional<String> share(Map<String, AttributeValue> registration) {
        return Optional.of(text(registration, DOMAIN_SHARE)).filter(share -> !share.isEmpty());
    }

    /** Whether the registration holds a place in a hybrid event's room. */
    static boolean inRoom(Map<String, AttributeValue> registration) {
        return registration.containsKey(IN_ROOM) && Boolean.TRUE.equals(registration.get(IN_ROOM).bool());
    }

    /** A time as the table keeps it, for its time to live and for comparisons in conditions. */
    static AttributeValue epoch(Instant instant) {
        return AttributeValue.fromN(String.valueOf(instant.getEpochSecond()));
    }
}
