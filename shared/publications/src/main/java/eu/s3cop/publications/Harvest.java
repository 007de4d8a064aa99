package eu.s3cop.publications;

import static eu.s3cop.publications.PublicationItems.BY_DATESTAMP;
import static eu.s3cop.publications.PublicationItems.LISTED;
import static eu.s3cop.publications.PublicationItems.string;
import static eu.s3cop.publications.PublicationItems.toPublication;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Every published publication, translations included, in the order its latest version was
 * published, for harvesters (OAI-PMH): a Query of the by-datestamp index between two times,
 * narrowed to a working group or a type, a page at a time. A publication's datestamp is its
 * latest version's time to the second, UTC; a new version moves it to the end, so a harvest
 * from the last one's date collects what changed.
 */
public record Harvest(DynamoDbClient dynamoDb, String table) {

    /** Queries one page may make when a narrow set leaves most items out: the page is then returned short, with a token. */
    private static final int MAX_QUERIES = 10;
    private static final Set<String> KEY_NAMES = Set.of("pk", "sk", BY_DATESTAMP.partitionKey(), BY_DATESTAMP.sortKey());

    /**
     * @param from the earliest datestamp, inclusive, in {@link #datestamp} form, or null
     * @param until the latest, inclusive, or null
     * @param workingGroup only the publications this group's page lists, or null
     * @param type only this type's, or null
     */
    public record Filter(String from, String until, String workingGroup, String type) {
    }

    /** @param after where the next page starts, or null after the last */
    public record Page(List<Publication> items, String after) {
        public Page {
            items = List.copyOf(items);
        }
    }

    /** A time as a datestamp: UTC, to the second ({@code 2024-05-20T09:15:02Z}). */
    public static String datestamp(Instant time) {
        return time.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The publication's datestamp: its latest version's. */
    public static String datestamp(Publication publication) {
        return datestamp(Instant.parse(publication.publishedAt()));
    }

    /**
     * @param after a page's {@code after}, or null for the first page
     * @throws InvalidPageTokenException when {@code after} is not one this harvest gave out
     */
    public Page page(Filter filter, int limit, String after) {
        Map<String, String> names = new HashMap<>(Map.of("#p", BY_DATESTAMP.partitionKey(), "#s", BY_DATESTAMP.sortKey()));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":p", string(LISTED));
        // A datestamp's key is the datestamp, '#', the id: the bounds take in every id of the first and last second.
        values.put(":from", string(filter.from() == null ? "0" : filter.from()));
        values.put(":until", string((filter.until() == null ? "9" : filter.until()) + "#\uffff"));
        List<String> conditions = new ArrayList<>();
        if (filter.workingGroup() != null) {
            // A group's own, and a secretariat's that speaks for it.
            names.put("#wg", "workingGroup");
            names.put("#wgs", "workingGroups");
            values.put(":wg", string(filter.workingGroup()));
            conditions.add("(#wg = :wg OR contains(#wgs, :wg))");
        }
        if (filter.type() != null) {
            names.put("#type", "type");
            values.put(":type", string(filter.type()));
            conditions.add("#type = :type");
        }
        Map<String, AttributeValue> start = after == null ? null : PageToken.decode(after, BY_DATESTAMP.name(), KEY_NAMES);
        if (start != null && !LISTED.equals(start.get(BY_DATESTAMP.partitionKey()).s())) {
            throw new InvalidPageTokenException("The token belongs to another listing.");
        }
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(BY_DATESTAMP.name())
                .keyConditionExpression("#p = :p AND #s BETWEEN :from AND :until").expressionAttributeNames(names)
                .expressionAttributeValues(values).scanIndexForward(true).limit(limit);
        if (!conditions.isEmpty()) {
            query.filterExpression(String.join(" AND ", conditions));
        }
        PublicationItems.Filled page = PublicationItems.fill(dynamoDb, query, BY_DATESTAMP, KEY_NAMES, start, limit, MAX_QUERIES);
        return new Page(page.items(), page.next());
    }

    /** The earliest datestamp of any publication, or empty when none is published. */
    public Optional<String> earliest() {
        QueryResponse response = dynamoDb.query(query -> query.tableName(table).indexName(BY_DATESTAMP.name())
                .keyConditionExpression("#p = :p").expressionAttributeNames(Map.of("#p", BY_DATESTAMP.partitionKey()))
                .expressionAttributeValues(Map.of(":p", string(LISTED))).scanIndexForward(true).limit(1));
        return response.items().stream().findFirst().map(item -> datestamp(toPublication(item)));
    }
}
