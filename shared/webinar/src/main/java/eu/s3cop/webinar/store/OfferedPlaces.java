package eu.s3cop.webinar.store;

import static eu.s3cop.core.Items.text;
import static eu.s3cop.webinar.store.RegistrationItems.EXPIRES_AT;
import static eu.s3cop.webinar.store.RegistrationItems.OFFERED;
import static eu.s3cop.webinar.store.RegistrationItems.OFFERED_UNTIL;
import static eu.s3cop.webinar.store.RegistrationItems.epoch;
import static eu.s3cop.webinar.store.RegistrationItems.key;
import static eu.s3cop.webinar.store.RegistrationItems.tokenKey;

import eu.s3cop.core.Items;
import eu.s3cop.webinar.model.Attendance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A place offered from the waiting list ({@link WaitingList}), taken by the person it was offered
 * to: the one write that turns an offer into a registration.
 *
 * @param table the table's name, as the template names it to the function
 */
record OfferedPlaces(DynamoDbClient dynamoDb, String table) {

    /**
     * Takes the place offered to the registration the token names, while the offer holds: it is
     * then confirmed, from the waiting list, kept until {@code keepUntil} with its token, and
     * its invite goes out by email. Attending a hybrid event in person also takes a place in its
     * room, or is refused as {@link Registrations.RoomFull} with the offer still held.
     */
    Registrations.Outcome take(String webinarId, String token, Attendance attendance, boolean inRoom, Instant now, Instant keepUntil) {
        Optional<Map<String, AttributeValue>> tokenItem = Items.item(dynamoDb, table, key(webinarId, tokenKey(token)));
        if (tokenItem.isEmpty()) {
            return new Registrations.Unknown();
        }
        String registration = text(tokenItem.get(), "registration");
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                TransactWriteItem.builder().update(update -> update.tableName(table).key(key(webinarId, registration))
                        .updateExpression("SET #s = :confirmed, registeredAt = :at, #from = :yes, #e = :keep, #attendance = :attendance,"
                                + " #inRoom = :inRoom REMOVE #until")
                        .conditionExpression("#s = :offered AND #t = :token AND #until > :now")
                        .expressionAttributeNames(Map.of("#s", "state", "#from", RegistrationItems.FROM_WAITING_LIST, "#e", EXPIRES_AT,
                                "#until", OFFERED_UNTIL, "#t", "token", "#attendance", "attendance", "#inRoom", RegistrationItems.IN_ROOM))
                        .expressionAttributeValues(Map.of(":confirmed", AttributeValue.fromS(RegistrationItems.CONFIRMED),
                                ":at", AttributeValue.fromS(now.toString()), ":yes", AttributeValue.fromBool(true), ":keep", epoch(keepUntil),
                                ":offered", AttributeValue.fromS(OFFERED), ":token", AttributeValue.fromS(token), ":now", epoch(now),
                                ":attendance", AttributeValue.fromS(attendance.word()), ":inRoom", AttributeValue.fromBool(inRoom)))).build(),
                RegistrationItems.tokenKept(table, webinarId, token, keepUntil),
                new RegistrationStream(table).notify(webinarId, registration, now)));
        if (inRoom) {
            writes.add(new Places(table).roomTaken(webinarId));
        }
        try {
            dynamoDb.transactWriteItems(write -> write.transactItems(writes));
            return new Registrations.Confirmed();
        } catch (TransactionCanceledException e) {
            if (RegistrationItems.conflicted(e)) {
                // Another write to one of these items at the same moment: the person is asked to try again.
                throw e;
            }
            if (inRoom && Items.conditionFailed(e, writes.size() - 1)) {
                return new Registrations.RoomFull();
            }
            // Taken by another click, or lapsed and given to the next in line.
            return Items.item(dynamoDb, table, key(webinarId, registration))
                    .filter(item -> token.equals(text(item, "token")) && RegistrationItems.CONFIRMED.equals(text(item, "state")))
                    .<Registrations.Outcome>map(item -> new Registrations.AlreadyConfirmed()).orElse(new Registrations.Unknown());
        }
    }
}
