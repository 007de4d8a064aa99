package eu.s3cop.stack.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An event source of a function, as the template's {@code Events} section declares it. */
public sealed interface Trigger permits Trigger.S3, Trigger.Schedule, Trigger.HttpApi, Trigger.DynamoDb, Trigger.EventBridgeRule, Trigger.Other {

    /** The event's key under {@code Events}. */
    String eventId();

    /**
     * Objects created or removed in a bucket, whose key starts with {@code prefix} and ends with
     * {@code suffix}.
     *
     * @param bucket the bucket's logical id
     * @param events S3 event names, for example {@code s3:ObjectCreated:*} or {@code s3:ObjectRemoved:*}
     */
    record S3(String eventId, String bucket, List<String> events, String prefix, String suffix) implements Trigger {

        public boolean matches(String eventName, String key) {
            return events.stream().anyMatch(pattern -> eventsOverlap(pattern, eventName)) && key.startsWith(prefix) && key.endsWith(suffix);
        }

        /**
         * Whether S3 would refuse the two in one bucket's notification configuration: they share
         * an event type, and one's prefix starts the other's and one's suffix ends the other's, so
         * that some key would match both.
         */
        public boolean overlaps(S3 other) {
            return bucket.equals(other.bucket)
                    && events.stream().anyMatch(mine -> other.events.stream().anyMatch(theirs -> eventsOverlap(mine, theirs)))
                    && (prefix.startsWith(other.prefix) || other.prefix.startsWith(prefix))
                    && (suffix.endsWith(other.suffix) || other.suffix.endsWith(suffix));
        }

        /** Whether an event name, or a pattern ending in {@code *}, covers events the other does too. */
        private static boolean eventsOverlap(String one, String other) {
            String stem = one.endsWith("*") ? one.substring(0, one.length() - 1) : one;
            String otherStem = other.endsWith("*") ? other.substring(0, other.length() - 1) : other;
            if (one.endsWith("*") && other.endsWith("*")) {
                return stem.startsWith(otherStem) || otherStem.startsWith(stem);
            }
            if (one.endsWith("*")) {
                return other.startsWith(stem);
            }
            return other.endsWith("*") ? one.startsWith(otherStem) : one.equals(other);
        }
    }

    /**
     * A schedule: EventBridge rules ({@code Schedule}) or EventBridge Scheduler ({@code ScheduleV2}).
     *
     * @param input the payload the template sets, or null for the default event
     */
    record Schedule(String eventId, String expression, boolean scheduler, String input, boolean enabled) implements Trigger {
    }

    /** A route of an HTTP API: a method (or ANY) and a path template such as {@code /publications/{id}}. */
    record HttpApi(String eventId, String method, String path) implements Trigger {
    }

    /**
     * A DynamoDB stream read by an event source mapping: batches of the table's changes, in order,
     * one batch at a time, retried as a whole when the function fails.
     *
     * @param table the table's logical id (the template names the stream as {@code !GetAtt Table.StreamArn})
     * @param startingPosition {@code TRIM_HORIZON} or {@code LATEST}
     * @param batchingWindowSeconds how long records are gathered before the function is invoked
     * @param maximumRetryAttempts retries of a failed batch before it is skipped; -1 retries until the records expire
     * @param filters Lambda event filter patterns, as JSON; a record that matches none is dropped (none: every record is delivered)
     */
    record DynamoDb(String eventId, String table, String startingPosition, int batchSize, int batchingWindowSeconds,
            int maximumRetryAttempts, List<String> filters) implements Trigger {
    }

    /**
     * An EventBridge rule on the default bus: the events that match its pattern invoke the
     * function asynchronously.
     *
     * @param pattern the rule's event pattern as the template writes it, intrinsic functions unresolved
     */
    record EventBridgeRule(String eventId, Object pattern) implements Trigger {
    }

    /** An event source the local stack does not run; it is listed so that nothing is hidden. */
    record Other(String eventId, String type) implements Trigger {
    }

    static Trigger of(String functionId, String eventId, Map<String, Object> event) {
        String type = Values.string(event.get("Type"), functionId + ".Events." + eventId + ".Type");
        Map<String, Object> properties = Values.map(event.get("Properties"), functionId + ".Events." + eventId + ".Properties");
        String path = functionId + ".Events." + eventId + ".Properties";
        return switch (type) {
            case "S3" -> s3(eventId, properties, path);
            case "Schedule" -> new Schedule(eventId,
                    Values.string(properties.get("Schedule"), path + ".Schedule"), false,
                    properties.get("Input") == null ? null : Values.string(properties.get("Input"), path + ".Input"),
                    enabled(properties));
            case "ScheduleV2" -> new Schedule(eventId,
                    Values.string(properties.get("ScheduleExpression"), path + ".ScheduleExpression"), true,
                    properties.get("Input") == null ? null : Values.string(properties.get("Input"), path + ".Input"),
                    enabled(properties));
            case "HttpApi" -> new HttpApi(eventId,
                    Values.stringOr(properties.get("Method"), path + ".Method", "ANY").toUpperCase(java.util.Locale.ROOT),
                    Values.stringOr(properties.get("Path"), path + ".Path", "/{proxy+}"));
            case "DynamoDB" -> dynamoDb(eventId, properties, path);
            case "EventBridgeRule" -> new EventBridgeRule(eventId, Values.map(properties.get("Pattern"), path + ".Pattern"));
            default -> new Other(eventId, type);
        };
    }

    private static S3 s3(String eventId, Map<String, Object> properties, String path) {
        Object bucket = properties.get("Bucket");
        if (!(bucket instanceof Map<?, ?> ref) || !(ref.get("Ref") instanceof String logicalId)) {
            throw new TemplateException(path + ".Bucket must be !Ref of a bucket in the same template, got " + bucket);
        }
        List<String> events = Values.list(properties.get("Events"), path + ".Events").stream()
                .map(value -> Values.string(value, path + ".Events")).toList();
        String prefix = "";
        String suffix = "";
        Map<String, Object> filter = Values.map(Values.map(properties.get("Filter"), path + ".Filter").get("S3Key"), path + ".Filter.S3Key");
        for (Object rule : Values.list(filter.get("Rules"), path + ".Filter.S3Key.Rules")) {
            Map<String, Object> nameValue = Values.map(rule, path + ".Filter.S3Key.Rules");
            String value = Values.string(nameValue.get("Value"), path + ".Filter.S3Key.Rules.Value");
            switch (Values.string(nameValue.get("Name"), path + ".Filter.S3Key.Rules.Name").toLowerCase(java.util.Locale.ROOT)) {
                case "prefix" -> prefix = value;
                case "suffix" -> suffix = value;
                default -> throw new TemplateException(path + ".Filter.S3Key.Rules: Name is prefix or suffix");
            }
        }
        return new S3(eventId, logicalId, events, prefix, suffix);
    }

    private static DynamoDb dynamoDb(String eventId, Map<String, Object> properties, String path) {
        Object stream = properties.get("Stream");
        if (!(stream instanceof Map<?, ?> getAtt) || !(getAtt.get("Fn::GetAtt") instanceof List<?> arguments)
                || arguments.size() != 2 || !"StreamArn".equals(arguments.get(1))) {
            throw new TemplateException(path + ".Stream must be !GetAtt <table>.StreamArn of a table in the same template, got " + stream);
        }
        String startingPosition = Values.string(properties.get("StartingPosition"), path + ".StartingPosition");
        if (!startingPosition.equals("TRIM_HORIZON") && !startingPosition.equals("LATEST")) {
            throw new TemplateException(path + ".StartingPosition: the local stack reads streams from TRIM_HORIZON or LATEST, got " + startingPosition);
        }
        List<String> filters = new ArrayList<>();
        Map<String, Object> criteria = Values.map(properties.get("FilterCriteria"), path + ".FilterCriteria");
        for (Object filter : Values.list(criteria.get("Filters"), path + ".FilterCriteria.Filters")) {
            filters.add(Values.string(Values.map(filter, path + ".FilterCriteria.Filters").get("Pattern"), path + ".FilterCriteria.Filters.Pattern"));
        }
        return new DynamoDb(eventId, String.valueOf(arguments.get(0)), startingPosition,
                Integer.parseInt(Values.stringOr(properties.get("BatchSize"), path + ".BatchSize", "100")),
                Integer.parseInt(Values.stringOr(properties.get("MaximumBatchingWindowInSeconds"), path + ".MaximumBatchingWindowInSeconds", "0")),
                Integer.parseInt(Values.stringOr(properties.get("MaximumRetryAttempts"), path + ".MaximumRetryAttempts", "-1")),
                List.copyOf(filters));
    }

    private static boolean enabled(Map<String, Object> properties) {
        if (properties.get("State") instanceof String state) {
            return !state.equalsIgnoreCase("DISABLED");
        }
        return !(properties.get("Enabled") instanceof Boolean enabled) || enabled;
    }
}
