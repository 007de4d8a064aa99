package eu.s3cop.reader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Published briefs, read from the publications table through its sparse listing indexes and
 * per-publication partitions: every read is a key lookup or a Query, never a Scan.
 */
final class PublicationCatalog {

    /** The filters of a listing; null means "any". */
    record Filter(String workingGroup, String type, String year, List<String> words) {
    }

    /** A page of publications and, when more may follow, the token for the next page. */
    record Page(List<Map<String, AttributeValue>> items, String next) {
    }

    private record Index(String name, String partitionKey, String sortKey) {
    }

    private static final Index BY_WORKING_GROUP = new Index("by-working-group", "gsi1pk", "gsi1sk");
    private static final Index BY_TYPE = new Index("by-type", "gsi2pk", "gsi2sk");
    private static final Index BY_DATE = new Index("by-date", "gsi3pk", "gsi3sk");

    private final DynamoDbClient dynamoDb;
    private final String table;

    PublicationCatalog(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    Page list(Filter filter, int limit, String token) {
        Index index;
        String partition;
        if (filter.workingGroup() != null) {
            index = BY_WORKING_GROUP;
            partition = "WG#" + filter.workingGroup();
        } else if (filter.type() != null) {
            index = BY_TYPE;
            partition = "TYPE#" + filter.type();
        } else {
            index = BY_DATE;
            partition = "PUBLISHED";
        }
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#p", index.partitionKey());
        values.put(":p", AttributeValue.fromS(partition));
        String keyCondition = "#p = :p";
        if (filter.year() != null) {
            names.put("#s", index.sortKey());
            values.put(":year", AttributeValue.fromS(filter.year() + "-"));
            keyCondition += " AND begins_with(#s, :year)";
        }
        List<String> conditions = new ArrayList<>();
        if (filter.workingGroup() != null && filter.type() != null) {
            names.put("#type", "type");
            values.put(":type", AttributeValue.fromS(filter.type()));
            conditions.add("#type = :type");
        }
        for (int i = 0; i < filter.words().size(); i++) {
            values.put(":w" + i, AttributeValue.fromS(filter.words().get(i)));
            conditions.add("contains(searchText, :w" + i + ")");
        }
        Set<String> keyNames = Set.of("pk", "sk", index.partitionKey(), index.sortKey());
        Map<String, AttributeValue> start = token == null ? null : PageToken.decode(token, index.name(), keyNames);
        if (start != null && !start.get(index.partitionKey()).s().equals(partition)) {
            throw ApiException.badRequest("The next token belongs to another listing; pass it with the filters it came with.");
        }

        List<Map<String, AttributeValue>> items = new ArrayList<>();
        while (true) {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(index.name())
                    .keyConditionExpression(keyCondition).expressionAttributeNames(names).expressionAttributeValues(values)
                    .scanIndexForward(false).limit(Math.max(limit, 25));
            if (!conditions.isEmpty()) {
                query.filterExpression(String.join(" AND ", conditions));
            }
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse response = dynamoDb.query(query.build());
            List<Map<String, AttributeValue>> found = response.items();
            for (int i = 0; i < found.size(); i++) {
                items.add(found.get(i));
                if (items.size() == limit) {
                    boolean more = i + 1 < found.size() || response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
                    return new Page(items, more ? PageToken.encode(index.name(), key(found.get(i), keyNames)) : null);
                }
            }
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                return new Page(items, null);
            }
            start = response.lastEvaluatedKey();
        }
    }

    /** A published publication, or empty (unknown, or claimed but not yet published). */
    Optional<Map<String, AttributeValue>> publication(String id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("PUB#" + id), "sk", AttributeValue.fromS("META")))).item();
        return item == null || !item.containsKey("latestVersion") ? Optional.empty() : Optional.of(item);
    }

    /** The published versions of a publication, newest first. */
    List<Map<String, AttributeValue>> versions(String id) {
        List<Map<String, AttributeValue>> versions = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = dynamoDb.query(query -> query.tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :v)")
                    .filterExpression("#state = :published")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("PUB#" + id), ":v", AttributeValue.fromS("V#"),
                            ":published", AttributeValue.fromS("PUBLISHED")))
                    .scanIndexForward(false)
                    .exclusiveStartKey(from));
            versions.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return versions;
    }

    /** One published version, or empty. */
    Optional<Map<String, AttributeValue>> version(String id, int version) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("PUB#" + id), "sk", AttributeValue.fromS(String.format("V#%06d", version))))).item();
        return item == null || item.isEmpty() || !"PUBLISHED".equals(item.get("state").s()) ? Optional.empty() : Optional.of(item);
    }

    private static Map<String, AttributeValue> key(Map<String, AttributeValue> item, Set<String> names) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : names) {
            key.put(name, item.get(name));
        }
        return key;
    }
}
