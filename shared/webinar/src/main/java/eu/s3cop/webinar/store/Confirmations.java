package eu.s3cop.webinar.store;

import static eu.s3cop.core.Items.conditionFailed;
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
import eu.s3cop.webinar.model.Format;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.store.Registrations.AlreadyConfirmed;
import eu.s3cop.webinar.store.Registrations.Confirmed;
import eu.s3cop.webinar.store.Registrations.Outcome;
import eu.s3cop.webinar.store.Registrations.RoomFull;
import eu.s3cop.webinar.store.Registrations.Unavailable;
import eu.s3cop.webinar.store.Registrations.Unknown;
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
 * Confirming a registration from its emailed link, with what its owner answered: it takes a
 * place (and one in the room for who attends a hybrid event in person), or joins the waiting
 * list when no place is free to a newcomer; a place offered from the waiting list is taken.
 */
final class Confirmations {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final DynamoDbWebinarStore webinars;
    private final Places places;
    private final RegistrationStream stream;
    private final WaitingList waitingList;

    Confirmations(DynamoDbClient dynamoDb, String table, RegistrationStream stream, WaitingList waitingList) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.webinars = new DynamoDbWebinarStore(dynamoDb, table);
        this.places = new Places(table);
        this.stream = stream;
        this.waitingList = waitingList;
    }

    Outcome confirm(String webinarId, String token, String name, Answers answers, Instant now, Instant keepUntil) {
        Optional<Map<String, AttributeValue>> registration = byToken(webinarId, token, now);
        if (registration.isEmpty()) {
            return new Unknown();
        }
        Optional<StoredWebinar> read = webinars.get(webinarId).filter(stored -> !stored.webinar().cancelled());
        if (read.isEmpty()) {
            return new Unavailable();
        }
        Webinar webinar = read.get().webinar();
        Answers effective = new Answers(Answers.attendanceIn(webinar.format(), answers.attendance()), answers.organisation(),
                answers.country(), answers.kind());
        // Only a hybrid event has a room apart from its places: an in-person event's places are its room.
        boolean inRoom = webinar.format() == Format.HYBRID && effective.attendance() == Attendance.IN_PERSON;
        switch (text(registration.get(), "state")) {
            case PENDING -> {
            }
            case WAITING -> {
                return waitingList.standing(webinarId, text(registration.get(), RegistrationItems.QUEUE_KEY));
            }
            case OFFERED -> {
                return new OfferedPlaces(dynamoDb, table).take(webinarId, token, effective.attendance(), inRoom, now, keepUntil);
            }
            default -> {
                return new AlreadyConfirmed();
            }
        }
        if (inRoom && read.get().roomFull()) {
            return new RoomFull();
        }
        String regKey = text(registration.get(), "sk");
        String email = text(registration.get(), "email");
        String confirmedName = name == null ? text(registration.get(), "name") : name;
        // The count against the domain's share, when the cap per domain applies to this address.
        String share = waitingList.shares().applies(webinar, email) ? RegistrationItems.shareKey(email) : null;
        Map<String, String> names = new HashMap<>(Map.of("#s", "state", "#t", "token", "#e", EXPIRES_AT, "#sent", LINK_SENT,
                "#requested", LINK_REQUESTED, "#n", "name"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":confirmed", AttributeValue.fromS(CONFIRMED),
                ":pending", AttributeValue.fromS(PENDING), ":at", AttributeValue.fromS(now.toString()), ":keep", epoch(keepUntil),
                ":token", AttributeValue.fromS(token), ":now", epoch(now), ":name", AttributeValue.fromS(confirmedName)));
        // Whoever confirms holds the link: a link still due for the request is not sent.
        String update = "SET #s = :confirmed, registeredAt = :at, #e = :keep, #sent = #requested, #n = :name, "
                + RegistrationItems.answered(effective, inRoom, share, names, values);
        List<TransactWriteItem> writes = new ArrayList<>(List.of(places.taken(webinarId, inRoom),
                TransactWriteItem.builder().update(change -> change.tableName(table).key(key(webinarId, regKey)).updateExpression(update)
                        .conditionExpression("#s = :pending AND #t = :token AND #e > :now")
                        .expressionAttributeNames(names).expressionAttributeValues(values)).build(),
                RegistrationItems.tokenKept(table, webinarId, token, keepUntil),
                stream.notify(webinarId, regKey, now)));
        if (share != null) {
            writes.add(waitingList.shares().claimed(webinarId, share, keepUntil));
        }
        try {
            dynamoDb.transactWriteItems(write -> write.transactItems(writes));
            return new Confirmed();
        } catch (TransactionCanceledException e) {
            if (conditionFailed(e, 1)) {
                return confirmedMeanwhile(webinarId, token, now);
            }
            if (share != null && conditionFailed(e, writes.size() - 1)) {
                return heldBack(webinarId, regKey, token, email, confirmedName, effective, now, keepUntil);
            }
            if (!conditionFailed(e, 0)) {
                throw e;
            }
        }
        Optional<StoredWebinar> after = webinars.get(webinarId).filter(stored -> !stored.webinar().cancelled());
        if (after.isEmpty()) {
            // Cancelled, or gone, under the request.
            return new Unavailable();
        }
        if (inRoom && after.get().roomFull() && !after.get().full()) {
            return new RoomFull();
        }
        TransactWriteItem[] joined = waitingList.joined(webinarId, regKey, token, confirmedName, effective, share, now, keepUntil);
        try {
            dynamoDb.transactWriteItems(write -> write.transactItems(joined));
            return waitingList.standing(webinarId, RegistrationItems.queueKey(now, regKey));
        } catch (TransactionCanceledException e) {
            if (share != null && conditionFailed(e, joined.length - 1)) {
                return heldBack(webinarId, regKey, token, email, confirmedName, effective, now, keepUntil);
            }
            return confirmedMeanwhile(webinarId, token, now);
        }
    }

    /** Puts the registration in its domain's line, whose share of the places is full. */
    private Outcome heldBack(String webinarId, String regKey, String token, String email, String name, Answers answers, Instant now,
            Instant keepUntil) {
        try {
            dynamoDb.transactWriteItems(write -> write.transactItems(new HeldBack(dynamoDb, table, waitingList.shares()).joined(webinarId, regKey, token, email, name, answers,
                    now, keepUntil)));
            return waitingList.standing(webinarId, RegistrationItems.heldBackKey(email, now, regKey));
        } catch (TransactionCanceledException e) {
            return confirmedMeanwhile(webinarId, token, now);
        }
    }

    /** What another click, at the same moment, made of the registration a confirmation could not change. */
    private Outcome confirmedMeanwhile(String webinarId, String token, Instant now) {
        return byToken(webinarId, token, now).<Outcome>map(found -> switch (text(found, "state")) {
            case PENDING -> new Unavailable();
            case WAITING -> waitingList.standing(webinarId, text(found, RegistrationItems.QUEUE_KEY));
            default -> new AlreadyConfirmed();
        }).orElse(new Unknown());
    }

    /** The registration the token names, if it is the token's and not a request that expired. */
    Optional<Map<String, AttributeValue>> byToken(String webinarId, String token, Instant now) {
        return Items.item(dynamoDb, table, key(webinarId, tokenKey(token)))
                .flatMap(found -> Items.item(dynamoDb, table, key(webinarId, text(found, "registration"))))
                .filter(found -> token.equals(text(found, "token")) && !expiredRequest(found, now));
    }
}
