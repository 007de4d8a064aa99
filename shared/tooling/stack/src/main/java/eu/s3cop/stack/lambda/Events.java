package eu.s3cop.stack.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.s3cop.stack.s3.ObjectCreated;
import eu.s3cop.stack.s3.ObjectEvent;
import eu.s3cop.stack.template.LocalResolver;
import eu.s3cop.stack.template.Trigger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/** Event documents shaped exactly as AWS sends them to Lambda. */
public final class Events {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    /**
     * An S3 event notification with one record. The key is URL-encoded as S3 encodes it (spaces
     * as {@code +}, slashes kept), so handlers must decode it, as they must in the cloud. A
     * removal names the key and its sequencer only, as S3's does: there is no size or entity tag.
     */
    public static String s3(ObjectEvent object, String region) {
        return s3(object, region, "AWS:LOCAL");
    }

    /** The same, made by the principal named (in AWS the IAM user's or role session's id). */
    public static String s3(ObjectEvent object, String region, String principalId) {
        ObjectNode record = JSON.createObjectNode();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", region);
        record.put("eventTime", object.time().truncatedTo(ChronoUnit.MILLIS).toString());
        record.put("eventName", object.eventName());
        record.putObject("userIdentity").put("principalId", principalId);
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        ObjectNode response = record.putObject("responseElements");
        response.put("x-amz-request-id", UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase());
        response.put("x-amz-id-2", UUID.randomUUID().toString());
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", "local");
        ObjectNode bucket = s3.putObject("bucket");
        bucket.put("name", object.bucket());
        bucket.putObject("ownerIdentity").put("principalId", "LOCAL");
        bucket.put("arn", "arn:aws:s3:::" + object.bucket());
        ObjectNode target = s3.putObject("object");
        target.put("key", encodeKey(object.key()));
        if (object instanceof ObjectCreated created) {
            target.put("size", created.size());
            target.put("eTag", created.eTag());
        }
        target.put("sequencer", object.sequencer());
        ObjectNode event = JSON.createObjectNode();
        event.putArray("Records").add(record);
        return event.toString();
    }

    /**
     * The event a schedule delivers: the template's {@code Input} when it sets one (with EventBridge
     * Scheduler's context attributes filled in), else EventBridge's "Scheduled Event".
     */
    public static String scheduled(Trigger.Schedule schedule, String functionName, String region, Instant time) {
        String scheduleArn = schedule.scheduler()
                ? "arn:aws:scheduler:" + region + ":" + LocalResolver.ACCOUNT_ID + ":schedule/default/" + functionName + "-" + schedule.eventId()
                : "arn:aws:events:" + region + ":" + LocalResolver.ACCOUNT_ID + ":rule/" + functionName + "-" + schedule.eventId();
        String at = time.truncatedTo(ChronoUnit.SECONDS).toString();
        String executionId = UUID.randomUUID().toString();
        if (schedule.input() != null) {
            return schedule.input()
                    .replace("<aws.scheduler.scheduled-time>", at)
                    .replace("<aws.scheduler.execution-id>", executionId)
                    .replace("<aws.scheduler.schedule-arn>", scheduleArn)
                    .replace("<aws.scheduler.attempt-number>", "1");
        }
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", executionId);
        event.put("detail-type", "Scheduled Event");
        event.put("source", schedule.scheduler() ? "aws.scheduler" : "aws.events");
        event.put("account", LocalResolver.ACCOUNT_ID);
        event.put("time", at);
        event.put("region", region);
        ArrayNode resources = event.putArray("resources");
        resources.add(scheduleArn);
        event.putObject("detail");
        return event.toString();
    }

    /**
     * A DynamoDB stream record as Lambda delivers it: the table's region, account and stream label
     * in the source's ARN, the change's images in DynamoDB's typed JSON.
     */
    public static ObjectNode dynamoDbRecord(Record change, String eventSourceArn, String region) {
        ObjectNode record = JSON.createObjectNode();
        record.put("eventID", change.eventID());
        record.put("eventName", change.eventNameAsString());
        record.put("eventVersion", change.eventVersion() == null ? "1.1" : change.eventVersion());
        record.put("eventSource", "aws:dynamodb");
        record.put("awsRegion", region);
        StreamRecord stream = change.dynamodb();
        ObjectNode dynamodb = record.putObject("dynamodb");
        Instant created = stream.approximateCreationDateTime() == null ? Instant.now() : stream.approximateCreationDateTime();
        dynamodb.put("ApproximateCreationDateTime", created.getEpochSecond());
        dynamodb.set("Keys", item(stream.keys()));
        if (stream.hasNewImage()) {
            dynamodb.set("NewImage", item(stream.newImage()));
        }
        if (stream.hasOldImage()) {
            dynamodb.set("OldImage", item(stream.oldImage()));
        }
        dynamodb.put("SequenceNumber", stream.sequenceNumber());
        dynamodb.put("SizeBytes", stream.sizeBytes() == null ? 0 : stream.sizeBytes());
        dynamodb.put("StreamViewType", stream.streamViewTypeAsString());
        record.put("eventSourceARN", eventSourceArn);
        return record;
    }

    /** A batch of stream records, as one invocation receives them. */
    public static String dynamoDbStream(List<ObjectNode> records) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode array = event.putArray("Records");
        records.forEach(array::add);
        return event.toString();
    }

    private static ObjectNode item(Map<String, AttributeValue> item) {
        ObjectNode node = JSON.createObjectNode();
        item.forEach((name, value) -> node.set(name, attribute(value)));
        return node;
    }

    private static ObjectNode attribute(AttributeValue value) {
        ObjectNode node = JSON.createObjectNode();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case B -> node.put("B", Base64.getEncoder().encodeToString(value.b().asByteArray()));
            case BOOL -> node.put("BOOL", value.bool());
            case NUL -> node.put("NULL", true);
            case SS -> value.ss().forEach(node.putArray("SS")::add);
            case NS -> value.ns().forEach(node.putArray("NS")::add);
            case BS -> {
                ArrayNode sets = node.putArray("BS");
                value.bs().forEach(bytes -> sets.add(Base64.getEncoder().encodeToString(bytes.asByteArray())));
            }
            case L -> {
                ArrayNode list = node.putArray("L");
                value.l().forEach(element -> list.add(attribute(element)));
            }
            case M -> node.set("M", item(value.m()));
            default -> throw new IllegalArgumentException("An attribute of an unknown type: " + value);
        }
        return node;
    }

    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }
}
