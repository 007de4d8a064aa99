package eu.s3cop.webinar.store;

import static eu.s3cop.webinar.store.RegistrationItems.EXPIRES_AT;
import static eu.s3cop.webinar.store.RegistrationItems.epoch;
import static eu.s3cop.webinar.store.RegistrationItems.key;
import static eu.s3cop.webinar.store.RegistrationItems.notifyKey;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * How a registration asks for its email at once rather than at the scheduler's next run: every
 * request and confirmation also writes {@code NOTIFY#<hash>} beside the registration, and that
 * write's arrival on the webinars table's stream brings the scheduler. Both ends of that exchange
 * live here: the write, the stream's filter and the reading of a record's keys.
 */
public final class RegistrationStream {

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

    private final String table;

    RegistrationStream(String table) {
        this.table = table;
    }

    /**
     * The registration a stream record's keys name, when the record is one that asks for an
     * email ({@code NOTIFY#}); empty for any other item of the table.
     */
    public static Optional<Notification> notification(String partitionKey, String sortKey) {
        return RegistrationItems.notified(sortKey).flatMap(registration -> DynamoDbWebinarStore.webinarOf(partitionKey)
                .map(webinarId -> new Notification(webinarId, registration)));
    }

    /** The write whose arrival on the table's stream has the registration's email sent at once. */
    TransactWriteItem notify(String webinarId, String registration, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(webinarId, notifyKey(registration)));
        item.putAll(Map.of("at", AttributeValue.fromS(now.toString()), EXPIRES_AT, epoch(now.plus(Duration.ofDays(1)))));
        return TransactWriteItem.builder().put(put -> put.tableName(table).item(item)).build();
    }

    /** The write that deletes the registration's request for an email, with the registration. */
    TransactWriteItem forget(String webinarId, String registration) {
        return TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(key(webinarId, notifyKey(registration)))).build();
    }
}
