package eu.s3cop.groups.store;

import static eu.s3cop.core.Items.text;
import static eu.s3cop.core.Items.texts;

import eu.s3cop.core.Items;
import eu.s3cop.groups.WorkingGroupRegistry;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Working groups' registries, one item each in the webinars table, the secretariat's table:
 * {@code GROUP#<wg>} / {@code REGISTRY}. They stay out of its by-start index, so listing
 * webinars never meets them. The names in a registry are public (the group's page lists
 * them); nothing else personal is kept.
 *
 * @param table the table's name, as the template names it to the function
 */
public record DynamoDbRegistryStore(DynamoDbClient dynamoDb, String table) {

    /** What saving a registry file did. */
    public enum Change { REGISTERED, UPDATED, UNCHANGED }

    /** The group's registry; empty before the secretariat's first accepted file. */
    public Optional<WorkingGroupRegistry> get(String workingGroup) {
        return item(workingGroup).map(DynamoDbRegistryStore::fromItem);
    }

    private Optional<Map<String, AttributeValue>> item(String workingGroup) {
        return Items.item(dynamoDb, get -> get.tableName(table).key(key(workingGroup)));
    }

    /**
     * Saves a registry file's content; identical content changes nothing. The upload that made a
     * change is kept with it, so a second delivery of that upload reports the change it made
     * rather than UNCHANGED. The file replaces the registry whole, so the last save wins: the
     * secretariat's latest file is what it meant.
     *
     * @param upload what tells one upload from another, such as the S3 event's sequencer; "" when unknown
     */
    public Change save(WorkingGroupRegistry registry, String contentSha256, String upload, Instant now) {
        Optional<Map<String, AttributeValue>> existing = item(registry.workingGroup());
        if (existing.isPresent() && text(existing.get(), "contentSha256").equals(contentSha256)) {
            boolean sameUpload = !upload.isEmpty() && upload.equals(text(existing.get(), "savedBy"));
            return sameUpload ? Change.valueOf(text(existing.get(), "savedAs")) : Change.UNCHANGED;
        }
        Change change = existing.isEmpty() ? Change.REGISTERED : Change.UPDATED;
        Map<String, AttributeValue> item = toItem(registry);
        item.put("contentSha256", AttributeValue.fromS(contentSha256));
        item.put("savedBy", AttributeValue.fromS(upload));
        item.put("savedAs", AttributeValue.fromS(change.name()));
        item.put("updatedAt", AttributeValue.fromS(now.toString()));
        dynamoDb.putItem(put -> put.tableName(table).item(item));
        return change;
    }

    /**
     * The table stream's filter (a pattern of the template's {@code FilterCriteria}) that passes
     * every change to a registry, and nothing else of the table.
     */
    public static final String CHANGED_STREAM_FILTER = "{\"dynamodb\": {\"Keys\": {\"pk\": {\"S\": [{\"prefix\": \"GROUP#\"}]}, "
            + "\"sk\": {\"S\": [\"REGISTRY\"]}}}}";

    /** The working group whose registry an item of the table's stream is, by the item's keys; empty for any other item. */
    public static Optional<String> changedRegistry(String partitionKey, String sortKey) {
        return partitionKey != null && partitionKey.startsWith("GROUP#") && "REGISTRY".equals(sortKey)
                ? Optional.of(partitionKey.substring("GROUP#".length())) : Optional.empty();
    }

    private static Map<String, AttributeValue> key(String workingGroup) {
        return Map.of("pk", AttributeValue.fromS("GROUP#" + workingGroup), "sk", AttributeValue.fromS("REGISTRY"));
    }

    private static Map<String, AttributeValue> toItem(WorkingGroupRegistry registry) {
        Map<String, AttributeValue> item = new HashMap<>(key(registry.workingGroup()));
        item.put("workingGroup", AttributeValue.fromS(registry.workingGroup()));
        item.put("objective", AttributeValue.fromS(registry.objective()));
        item.put("approach", AttributeValue.fromS(registry.approach()));
        item.put("mainFocus", AttributeValue.fromS(registry.mainFocus()));
        if (registry.leader() != null) {
            item.put("leader", person(registry.leader()));
        }
        if (registry.chair() != null) {
            item.put("chair", person(registry.chair()));
        }
        if (registry.rapporteur() != null) {
            item.put("rapporteur", person(registry.rapporteur()));
        }
        item.put("members", AttributeValue.fromL(registry.members().stream().map(DynamoDbRegistryStore::person).toList()));
        item.put("meetings", AttributeValue.fromL(registry.meetings().stream()
                .map(meeting -> AttributeValue.fromM(Map.of("date", AttributeValue.fromS(meeting.date()), "title", AttributeValue.fromS(meeting.title()))))
                .toList()));
        item.put("expectedOutputs", AttributeValue.fromL(registry.expectedOutputs().stream().map(AttributeValue::fromS).toList()));
        return item;
    }

    private static AttributeValue person(WorkingGroupRegistry.Person person) {
        return AttributeValue.fromM(Map.of("name", AttributeValue.fromS(person.name()), "country", AttributeValue.fromS(person.country())));
    }

    private static WorkingGroupRegistry.Person person(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasM() ? null : new WorkingGroupRegistry.Person(text(value.m(), "name"), text(value.m(), "country"));
    }

    private static List<Map<String, AttributeValue>> maps(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasL() ? List.of() : value.l().stream().map(AttributeValue::m).toList();
    }

    private static WorkingGroupRegistry fromItem(Map<String, AttributeValue> item) {
        return new WorkingGroupRegistry(text(item, "workingGroup"), text(item, "objective"), text(item, "approach"), text(item, "mainFocus"),
                person(item, "leader"), person(item, "chair"), person(item, "rapporteur"),
                maps(item, "members").stream().map(member -> new WorkingGroupRegistry.Person(text(member, "name"), text(member, "country"))).toList(),
                maps(item, "meetings").stream().map(meeting -> new WorkingGroupRegistry.Meeting(text(meeting, "date"), text(meeting, "title"))).toList(),
                texts(item, "expectedOutputs"));
    }
}
