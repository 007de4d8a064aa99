package eu.s3cop.publications;

import static eu.s3cop.core.Items.item;
import static eu.s3cop.core.Items.number;
import static eu.s3cop.core.Items.text;
import static eu.s3cop.publications.PublicationItems.TIME_TO_LIVE;
import static eu.s3cop.publications.PublicationItems.numeric;
import static eu.s3cop.publications.PublicationItems.statusKey;
import static eu.s3cop.publications.PublicationItems.string;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Upload statuses in the publications table: one record per uploaded object, written by the
 * function that handled it and read by operators and tests. Nothing a reader sees depends on them.
 *
 * @param table the table's name, as the template names it to the function
 */
public record UploadStatuses(DynamoDbClient dynamoDb, String table) {

    /** How long an upload's status record stays before DynamoDB's time to live removes it. */
    public static final Duration STATUS_KEPT = Duration.ofDays(90);

    /**
     * What became of an upload, for the secretariat and for support. Bookkeeping for operators:
     * the report next to the upload is the rapporteur's record, so this one expires after {@link #STATUS_KEPT}.
     */
    public void recordStatus(String bucket, String key, String eTag, UploadStatus status, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(statusKey(bucket, key));
        item.put("status", string(status.status()));
        if (status.publication() != null) {
            item.put("publication", string(status.publication()));
        }
        if (status.version() > 0) {
            item.put("version", numeric(status.version()));
        }
        if (status.status().equals("REJECTED")) {
            item.put("problems", numeric(status.problems()));
        }
        item.put("eTag", string(eTag == null ? "" : eTag));
        item.put("at", string(now.toString()));
        item.put(TIME_TO_LIVE, numeric(now.plus(STATUS_KEPT).getEpochSecond()));
        dynamoDb.putItem(put -> put.tableName(table).item(item));
    }

    /** An upload's status record, if it has one. */
    public Optional<RecordedStatus> uploadStatus(String bucket, String key) {
        return item(dynamoDb, table, statusKey(bucket, key)).map(item -> new RecordedStatus(new UploadStatus(text(item, "status"),
                item.containsKey("publication") ? text(item, "publication") : null, (int) number(item, "version"), (int) number(item, "problems")),
                text(item, "eTag"), Instant.parse(text(item, "at")), Instant.ofEpochSecond(number(item, TIME_TO_LIVE))));
    }
}
