package eu.s3cop.stack.dynamodb;

import eu.s3cop.stack.template.TableResource;
import eu.s3cop.stack.template.Values;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/** Creates the template's tables, with their keys and indexes, in a DynamoDB endpoint. */
public final class Tables {

    private Tables() {
    }

    /**
     * Creates each table that does not exist yet. An existing table (a persisted data folder) is
     * kept as it is, except that it gets the stream the template now asks for.
     */
    public static void create(DynamoDbClient dynamoDb, List<TableResource> tables) {
        List<String> existing = dynamoDb.listTables().tableNames();
        for (TableResource table : tables) {
            if (existing.contains(table.localName())) {
                StreamSpecification stream = streamSpecification(table);
                if (stream != null && dynamoDb.describeTable(describe -> describe.tableName(table.localName())).table().latestStreamArn() == null) {
                    dynamoDb.updateTable(update -> update.tableName(table.localName()).streamSpecification(stream));
                }
                continue;
            }
            try {
                dynamoDb.createTable(request(table));
            } catch (ResourceInUseException raced) {
                // Another process created it between the listing and now: the table is there, which is the point.
            }
        }
    }

    static CreateTableRequest request(TableResource table) {
        Map<String, Object> properties = table.properties();
        String path = table.logicalId() + ".Properties";
        List<GlobalSecondaryIndex> indexes = Values.list(properties.get("GlobalSecondaryIndexes"), path).stream()
                .map(value -> Values.map(value, path + ".GlobalSecondaryIndexes"))
                .map(index -> GlobalSecondaryIndex.builder()
                        .indexName(Values.string(index.get("IndexName"), path))
                        .keySchema(keySchema(index.get("KeySchema"), path + ".GlobalSecondaryIndexes.KeySchema"))
                        .projection(projection(Values.map(index.get("Projection"), path)))
                        .build())
                .toList();
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table.localName())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(Values.list(properties.get("AttributeDefinitions"), path).stream()
                        .map(value -> Values.map(value, path + ".AttributeDefinitions"))
                        .map(definition -> AttributeDefinition.builder()
                                .attributeName(Values.string(definition.get("AttributeName"), path))
                                .attributeType(Values.string(definition.get("AttributeType"), path))
                                .build())
                        .toList())
                .keySchema(keySchema(properties.get("KeySchema"), path + ".KeySchema"));
        StreamSpecification stream = streamSpecification(table);
        if (stream != null) {
            request.streamSpecification(stream);
        }
        // DynamoDB refuses an empty index list: a table without indexes sends none.
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        return request.build();
    }

    /** The table's stream, or null when the template gives it none. */
    static StreamSpecification streamSpecification(TableResource table) {
        Map<String, Object> stream = Values.map(table.properties().get("StreamSpecification"), table.logicalId() + ".Properties.StreamSpecification");
        if (stream.isEmpty()) {
            return null;
        }
        return StreamSpecification.builder().streamEnabled(true)
                .streamViewType(Values.string(stream.get("StreamViewType"), table.logicalId() + ".Properties.StreamSpecification.StreamViewType"))
                .build();
    }

    private static List<KeySchemaElement> keySchema(Object value, String path) {
        return Values.list(value, path).stream()
                .map(element -> Values.map(element, path))
                .map(element -> KeySchemaElement.builder()
                        .attributeName(Values.string(element.get("AttributeName"), path))
                        .keyType(Values.string(element.get("KeyType"), path))
                        .build())
                .toList();
    }

    private static Projection projection(Map<String, Object> projection) {
        Projection.Builder builder = Projection.builder()
                .projectionType(Values.stringOr(projection.get("ProjectionType"), "Projection", "ALL"));
        List<Object> attributes = Values.list(projection.get("NonKeyAttributes"), "Projection.NonKeyAttributes");
        if (!attributes.isEmpty()) {
            builder.nonKeyAttributes(attributes.stream().map(String::valueOf).toList());
        }
        return builder.build();
    }
}
