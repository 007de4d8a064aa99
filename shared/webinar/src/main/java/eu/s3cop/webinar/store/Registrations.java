package eu.s3cop.webinar.store;

import static eu.s3cop.core.Items.conditionFailed;
import static eu.s3cop.core.Items.number;
import static eu.s3cop.core.Items.text;
import static eu.s3cop.webinar.store.RegistrationItems.CONFIRMED;
import static eu.s3cop.webinar.store.RegistrationItems.EXPIRES_AT;
import static eu.s3cop.webinar.store.RegistrationItems.LINK_REQUESTED;
import static eu.s3cop.webinar.store.RegistrationItems.LINK_SENT;
import static eu.s3cop.webinar.store.RegistrationItems.OFFERED;
import static eu.s3cop.webinar.store.RegistrationItems.PENDING;
import static eu.s3cop.webinar.store.RegistrationItems.WAITING;
import static eu.s3cop.webinar.store.RegistrationItems.epoch;
import static eu.s3cop.webinar.store.RegistrationItems.expiredRequest;
import static eu.s3cop.webinar.store.RegistrationItems.key;
import static eu.s3cop.webinar.store.RegistrationItems.tokenKey;

import eu.s3cop.core.Items;
import eu.s3cop.webinar.model.Answers;
import eu.s3cop.webinar.model.Attendance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    /** The outcome of confirming a registration from its link, or of taking a place offered from the waiting list. */
    public sealed interface Outcome permits Confirmed, AlreadyConfirmed, Waiting, RoomFull, Unavailable, Unknown {
    }

    public record Confirmed() implements Outcome {
    }

    public record AlreadyConfirmed() implements Outcome {
    }

    /**
     * No place was free to a newcomer: the registration is on the waiting list, at this position
     * (1 for the first). Held back, it waits in the line of its domain's addresses, whose share of
     * the places is full, at this position in that line.
     */
    public record Waiting(int position, boolean heldBack) implements Outcome {
    }

    /** Attending a hybrid event in person was asked for when its room had no place left: nothing changed, online places may remain. */
    public record RoomFull() implements Outcome {
    }

    /** The webinar changed under the request (cancelled, say): read it again. */
    public record Unavailable() implements Outcome {
    }

    /** No registration has that token: never given, cancelled, or a request that expired unconfirmed. */
    public record Unknown() implements Outcome {
    }

    /** Where a registration stands. */
    public enum Standing {
        /** Requested, waiting for its owner to confirm from the emailed link. */
        PENDING,
        /** Holds a place. */
        CONFIRMED,
        /** On the waiting list. */
        WAITING,
        /** Offered a freed place, held for it until a deadline. */
        OFFERED
    }

    /**
     * A registration as its page shows it to the holder of its token, who owns the address: the
     * name is shown so that one typed by someone else is seen, and corrected, before confirming.
     *
     * @param position where it stands on the waiting list (1 for the first); 0 when not waiting
     * @param offeredUntil until when an offered place is held for it; null when none is
     * @param attendance how they said they attend; empty before they confirmed
     * @param heldBack whether, waiting, they are held back in their domain's line ({@code position} is theirs in it)
     */
    public record Registration(Standing standing, String name, int position, Instant offeredUntil, Optional<Attendance> attendance,
            boolean heldBack) {

        public boolean confirmed() {
            return standing == Standing.CONFIRMED;
        }
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


    private final DynamoDbClient dynamoDb;
    private final String table;
    private final RegistrationStream stream;
    private final WaitingList waitingList;
    private final RegistrationRequests requests;
    private final Confirmations confirmations;
    private final Places places;

    /** With the bounds' defaults, as a deployment has them unless its parameters say otherwise. */
    public Registrations(DynamoDbClient dynamoDb, String table) {
        this(new RegistrationLimits(dynamoDb, table, RegistrationLimits.Caps.DEFAULTS));
    }

    public Registrations(RegistrationLimits limits) {
        this.dynamoDb = limits.dynamoDb();
        this.table = limits.table();
        this.stream = new RegistrationStream(table);
        this.waitingList = new WaitingList(dynamoDb, table, limits.caps().placesPerDomain());
        this.requests = new RegistrationRequests(dynamoDb, table, limits, stream);
        this.confirmations = new Confirmations(dynamoDb, table, stream, waitingList);
        this.places = new Places(table);
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
        return requests.request(webinarId, name, email, now);
    }

    /**
     * Confirms the registration the token names: it takes a place, or, when none is free to a
     * newcomer (every place taken, or others waiting), joins the waiting list; either way it is
     * kept from then on until {@code keepUntil}, as is its token. A place already offered to it
     * from the waiting list is taken.
     *
     * A registrant attending a hybrid event in person takes a place in its room too, or is told
     * that it is full ({@link RoomFull}) with nothing changed.
     *
     * @param name the name the address's owner confirmed, which replaces the one requested; null to keep that
     * @param answers how they attend and, optionally, their organisation, its country and kind
     */
    public Outcome confirm(String webinarId, String token, String name, Answers answers, Instant now, Instant keepUntil) {
        return confirmations.confirm(webinarId, token, name, answers, now, keepUntil);
    }

    /** The registration the token names; empty when there is none (or its request expired). */
    public Optional<Registration> registration(String webinarId, String token, Instant now) {
        // An offer past its deadline is gone, as taking it would find, though the next run has yet to end it.
        return byToken(webinarId, token, now).filter(found -> WaitingList.offeredUntil(found).map(now::isBefore).orElse(true)).map(found -> {
            Standing standing = RegistrationItems.standing(found);
            int position = standing == Standing.WAITING ? waitingList.position(webinarId, text(found, RegistrationItems.QUEUE_KEY)) : 0;
            return new Registration(standing, text(found, "name"), position, WaitingList.offeredUntil(found).orElse(null),
                    Attendance.of(text(found, "attendance")), standing == Standing.WAITING && WaitingList.heldBack(text(found, RegistrationItems.QUEUE_KEY)));
        });
    }

    private Optional<Map<String, AttributeValue>> byToken(String webinarId, String token, Instant now) {
        return confirmations.byToken(webinarId, token, now);
    }

    /**
     * Removes a registration and the personal data in it: a place it held (confirmed, or offered
     * from the waiting list) is freed for the next in line, a place in the line is given up, a
     * pending request took none. False when the token names none. A registration that changed
     * under the removal (offered a place, moved onto the waiting list) is read again and removed
     * as it now stands.
     */
    public boolean unregister(String webinarId, String token) {
        TransactionCanceledException changed = null;
        for (int attempt = 0; attempt < UNREGISTER_ATTEMPTS; attempt++) {
            try {
                return unregisterAsRead(webinarId, token);
            } catch (TransactionCanceledException e) {
                changed = e;
            }
        }
        throw changed;
    }

    private static final int UNREGISTER_ATTEMPTS = 5;

    /** Removes the registration as read now; false when there is none, or throws when it changed under the removal. */
    private boolean unregisterAsRead(String webinarId, String token) {
        Optional<Map<String, AttributeValue>> tokenItem = item(webinarId, tokenKey(token));
        if (tokenItem.isEmpty()) {
            return false;
        }
        String regKey = text(tokenItem.get(), "registration");
        Optional<Map<String, AttributeValue>> registration = item(webinarId, regKey).filter(found -> token.equals(text(found, "token")));
        if (registration.isEmpty()) {
            return false;
        }
        // Items written before states were recorded are confirmed ones.
        String state = registration.get().containsKey("state") ? text(registration.get(), "state") : CONFIRMED;
        // A waiting registration is removed from the place in line it was read at: moved meanwhile, it is read again.
        String queueKey = text(registration.get(), RegistrationItems.QUEUE_KEY);
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(key(webinarId, regKey))
                        .conditionExpression((state.equals(CONFIRMED) ? "(attribute_not_exists(#s) OR #s = :state)" : "#s = :state") + " AND #t = :token"
                                + (state.equals(WAITING) ? " AND #q = :queue" : ""))
                        .expressionAttributeNames(state.equals(WAITING) ? Map.of("#s", "state", "#t", "token", "#q", RegistrationItems.QUEUE_KEY)
                                : Map.of("#s", "state", "#t", "token"))
                        .expressionAttributeValues(state.equals(WAITING) ? Map.of(":state", AttributeValue.fromS(state), ":token", AttributeValue.fromS(token),
                                ":queue", AttributeValue.fromS(queueKey)) : Map.of(":state", AttributeValue.fromS(state), ":token", AttributeValue.fromS(token))))
                        .build(),
                TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(key(webinarId, tokenKey(token)))).build(),
                stream.forget(webinarId, regKey)));
        switch (state) {
            case CONFIRMED, OFFERED -> {
                writes.add(places.freed(webinarId, RegistrationItems.inRoom(registration.get())));
                RegistrationItems.share(registration.get()).ifPresent(share -> writes.add(waitingList.shares().released(webinarId, share)));
            }
            case WAITING -> writes.addAll(waitingList.left(webinarId, registration.get()));
            default -> {
            }
        }
        try {
            dynamoDb.transactWriteItems(write -> write.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            if (item(webinarId, tokenKey(token)).isEmpty()) {
                // Cancelled by another click, or lapsed, at the same moment.
                return false;
            }
            throw e;
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
