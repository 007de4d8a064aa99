package eu.s3cop.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Reads DynamoDB items that may be absent, and attributes that may be absent: empty text, zero,
 * an empty list. Every store reads its items alike, so "no such item" means the same everywhere.
 */
public final class Items {

    private Items() {
    }

    /** The item under {@code key}, read after every write before it; empty when there is none. */
    public static Optional<Map<String, AttributeValue>> item(DynamoDbClient dynamoDb, String table, Map<String, AttributeValue> key) {
        return item(dynamoDb, get -> get.tableName(table).consistentRead(true).key(key));
    }

    /** The item a read of one's own making finds (an eventually consistent one, say); empty when there is none. */
    public static Optional<Map<String, AttributeValue>> item(DynamoDbClient dynamoDb, Consumer<GetItemRequest.Builder> get) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /**
     * Whether the transaction was cancelled because the condition of its write at {@code index}
     * failed: which write it was tells the caller what a concurrent writer took first.
     */
    public static boolean conditionFailed(TransactionCanceledException cancelled, int index) {
        List<CancellationReason> reasons = cancelled.cancellationReasons();
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    public static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }

    public static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    public static List<String> texts(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasL() ? List.of() : value.l().stream().map(AttributeValue::s).toList();
    }
}
