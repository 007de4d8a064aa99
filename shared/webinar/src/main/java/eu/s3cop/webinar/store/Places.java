package eu.s3cop.webinar.store;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The places a webinar's registrations hold, counted on the webinar's item so that one
 * conditional write per transaction keeps each limit under any concurrency: {@code registered}
 * (confirmed, or offered from the waiting list) against the capacity, {@code waiting} for the
 * waiting list, and {@code inPerson} against a hybrid event's room. DynamoDB allows one write per
 * item in a transaction, so each step's change to the counts is one of these writes.
 *
 * @param table the table's name, as the template names it to the function
 */
record Places(String table) {

    /** How many people are on the webinar's waiting list. */
    static final String WAITING = "waiting";
    /** How many of the places taken are in a hybrid event's room. */
    static final String IN_PERSON = "inPerson";

    private static final String ROOM_HAS_SPACE = "(#inPersonCapacity = :zero OR attribute_not_exists(#inPerson) OR #inPerson < #inPersonCapacity)";

    /**
     * Takes a place, in the transaction that confirms a registration: refused when the webinar is
     * gone, cancelled or full, or when people wait for a place (a freed place is theirs first),
     * and, for someone attending a hybrid event in person, when its room is full.
     */
    TransactWriteItem taken(String id, boolean inRoom) {
        Map<String, String> names = new HashMap<>(Map.of("#capacity", "capacity", "#waiting", WAITING));
        String update = "SET registered = registered + :one";
        // Without a limit nobody waits for a place: a capacity lifted while people waited lets newcomers in too.
        String condition = "attribute_exists(pk) AND cancelled = :no AND (#capacity = :zero OR (registered < #capacity"
                + " AND (attribute_not_exists(#waiting) OR #waiting = :zero)))";
        if (inRoom) {
            names.putAll(Map.of("#inPerson", IN_PERSON, "#inPersonCapacity", "inPersonCapacity"));
            update += ", #inPerson = if_not_exists(#inPerson, :zero) + :one";
            condition += " AND " + ROOM_HAS_SPACE;
        }
        String expression = update;
        String check = condition;
        return TransactWriteItem.builder().update(write -> write.tableName(table).key(DynamoDbWebinarStore.key(id))
                .updateExpression(expression).conditionExpression(check).expressionAttributeNames(names)
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":zero", AttributeValue.fromN("0"),
                        ":no", AttributeValue.fromBool(false)))).build();
    }

    /** Takes a place in a hybrid event's room for someone taking a place offered from the waiting list, whose place was counted at the offer. */
    TransactWriteItem roomTaken(String id) {
        return TransactWriteItem.builder().update(write -> write.tableName(table).key(DynamoDbWebinarStore.key(id))
                .updateExpression("SET #inPerson = if_not_exists(#inPerson, :zero) + :one")
                .conditionExpression("attribute_exists(pk) AND " + ROOM_HAS_SPACE)
                .expressionAttributeNames(Map.of("#inPerson", IN_PERSON, "#inPersonCapacity", "inPersonCapacity"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":zero", AttributeValue.fromN("0")))).build();
    }

    /** Gives a place back, in the transaction that removes a registration that held one (confirmed, or offered). */
    TransactWriteItem freed(String id, boolean inRoom) {
        return TransactWriteItem.builder().update(write -> write.tableName(table).key(DynamoDbWebinarStore.key(id))
                .updateExpression("SET registered = registered - :one" + (inRoom ? ", #inPerson = #inPerson - :one" : ""))
                .expressionAttributeNames(inRoom ? Map.of("#inPerson", IN_PERSON) : null)
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))).build();
    }

    /** Counts one more person waiting, in the transaction that puts a registration on the waiting list. */
    TransactWriteItem joinedWaitingList(String id) {
        return TransactWriteItem.builder().update(write -> write.tableName(table).key(DynamoDbWebinarStore.key(id))
                .updateExpression("SET #waiting = if_not_exists(#waiting, :zero) + :one")
                .conditionExpression("attribute_exists(pk) AND cancelled = :no")
                .expressionAttributeNames(Map.of("#waiting", WAITING))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":zero", AttributeValue.fromN("0"),
                        ":no", AttributeValue.fromBool(false)))).build();
    }

    /** Counts one person fewer waiting, in the transaction that takes a registration off the list without a place. */
    TransactWriteItem leftWaitingList(String id) {
        return TransactWriteItem.builder().update(write -> write.tableName(table).key(DynamoDbWebinarStore.key(id))
                .updateExpression("SET #waiting = #waiting - :one").conditionExpression("#waiting > :zero")
                .expressionAttributeNames(Map.of("#waiting", WAITING))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":zero", AttributeValue.fromN("0")))).build();
    }

    /**
     * Takes a freed place for the first person waiting, in the transaction that offers it to them:
     * refused unless a place is free (any is, once the capacity is lifted) and someone waits, so
     * one place is offered to one person.
     */
    TransactWriteItem offered(String id) {
        return TransactWriteItem.builder().update(write -> write.tableName(table).key(DynamoDbWebinarStore.key(id))
                .updateExpression("SET registered = registered + :one, #waiting = #waiting - :one")
                .conditionExpression("attribute_exists(pk) AND cancelled = :no AND (#capacity = :zero OR registered < #capacity) AND #waiting > :zero")
                .expressionAttributeNames(Map.of("#capacity", "capacity", "#waiting", WAITING))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":zero", AttributeValue.fromN("0"),
                        ":no", AttributeValue.fromBool(false)))).build();
    }
}
