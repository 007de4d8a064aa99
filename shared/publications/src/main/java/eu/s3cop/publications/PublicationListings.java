package eu.s3cop.publications;

import static eu.s3cop.publications.PublicationItems.BY_DATE;
import static eu.s3cop.publications.PublicationItems.BY_TYPE;
import static eu.s3cop.publications.PublicationItems.BY_WORKING_GROUP;
import static eu.s3cop.publications.PublicationItems.LISTED;
import static eu.s3cop.publications.PublicationItems.ORIGINALS_ONLY;
import static eu.s3cop.publications.PublicationItems.hasMore;
import static eu.s3cop.publications.PublicationItems.string;
import static eu.s3cop.publications.PublicationItems.toPublication;
import static eu.s3cop.publications.PublicationItems.typePartition;
import static eu.s3cop.publications.PublicationItems.workingGroupPartition;

import eu.s3cop.publications.PublicationItems.Index;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Lists of published publications, newest first, for the catalogue's pages and the API's
 * searches: each a Query of the sparse listing index that fits it, never a Scan, so a listing
 * costs the same however many publications there are.
 *
 * @param table the table's name, as the template names it to the function
 */
public record PublicationListings(DynamoDbClient dynamoDb, String table) {

    /** The newest published publications, at most {@code limit}, translations among them (a feed announces each). */
    public List<Publication> latest(int limit) {
        return newest(BY_DATE, LISTED, limit);
    }

    /** The working group's newest published publications, at most {@code limit}. */
    public List<Publication> ofWorkingGroup(String workingGroup, int limit) {
        return newest(BY_WORKING_GROUP, workingGroupPartition(workingGroup), limit);
    }

    private List<Publication> newest(Index index, String partition, int limit) {
        List<Publication> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            int wanted = limit - found.size();
            QueryResponse response = dynamoDb.query(query -> query.tableName(table).indexName(index.name())
                    .keyConditionExpression(index.partitionKey() + " = :p").expressionAttributeValues(Map.of(":p", string(partition)))
                    .scanIndexForward(false).exclusiveStartKey(from).limit(wanted));
            response.items().forEach(item -> found.add(toPublication(item)));
            start = hasMore(response) ? response.lastEvaluatedKey() : null;
        } while (start != null && found.size() < limit);
        return found;
    }

    /**
     * A page of published publications, newest first, narrowed by {@code filter}, from the index
     * that fits it best, each work once (its original, which names its translations); {@code token} is a page's {@code next}, or null for the first page.
     *
     * @throws InvalidPageTokenException when the token is not one this listing gave out
     */
    public ListingPage list(ListingFilter filter, int limit, String token) {
        Index index;
        String partition;
        if (filter.workingGroup() != null) {
            index = BY_WORKING_GROUP;
            partition = workingGroupPartition(filter.workingGroup());
        } else if (filter.type() != null) {
            index = BY_TYPE;
            partition = typePartition(filter.type());
        } else {
            index = BY_DATE;
            partition = LISTED;
        }
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#p", index.partitionKey());
        values.put(":p", string(partition));
        String keyCondition = "#p = :p";
        if (filter.year() != null) {
            names.put("#s", index.sortKey());
            values.put(":year", string(filter.year() + "-"));
            keyCondition += " AND begins_with(#s, :year)";
        }
        List<String> conditions = new ArrayList<>(List.of("(" + ORIGINALS_ONLY + ")"));
        values.put(":noOriginal", string(""));
        if (filter.workingGroup() != null && filter.type() != null) {
            names.put("#type", "type");
            values.put(":type", string(filter.type()));
            conditions.add("#type = :type");
        }
        Set<String> keyNames = Set.of("pk", "sk", index.partitionKey(), index.sortKey());
        Map<String, AttributeValue> start = token == null ? null : PageToken.decode(token, index.name(), keyNames);
        if (start != null && !start.get(index.partitionKey()).s().equals(partition)) {
            throw new InvalidPageTokenException("The next token belongs to another listing; pass it with the filters it came with.");
        }

        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(index.name())
                .keyConditionExpression(keyCondition).expressionAttributeNames(names).expressionAttributeValues(values)
                .scanIndexForward(false).limit(Math.max(limit, 25)).filterExpression(String.join(" AND ", conditions));
        PublicationItems.Filled page = PublicationItems.fill(dynamoDb, query, index, keyNames, start, limit, Integer.MAX_VALUE);
        return new ListingPage(page.items(), page.next());
    }
}
