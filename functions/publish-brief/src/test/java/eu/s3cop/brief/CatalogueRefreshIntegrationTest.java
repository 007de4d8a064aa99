package eu.s3cop.brief;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.catalogue.CatalogueSite;
import eu.s3cop.core.AwsClients;
import eu.s3cop.core.FunctionEnvironment;
import eu.s3cop.stack.LocalStack;
import eu.s3cop.testing.LocalAws;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** What the catalogue asks the index when a publication refreshes it, on a stack of its own. */
@LocalAws
class CatalogueRefreshIntegrationTest {

    private static final String PUBLISHING = "innovation-diffusion";
    private static final String OLDER = "interregional-cooperation";
    private static final String EMPTY = "industrial-transition";

    @Test
    void aGroupOnceSeenWithBriefsIsNotAskedAgainAndAGroupWithoutAnyStillGetsItsPage(LocalStack stack) {
        DynamoDbClient seeding = stack.dynamoDbClient();
        String table = stack.table("PublicationsTable");
        // One older brief in a group, then 31 newer ones elsewhere: the older group is not among the newest.
        seeding.putItem(put -> put.tableName(table).item(listed(OLDER, "older-brief", "2098-01-01")));
        for (int i = 1; i <= 31; i++) {
            Map<String, AttributeValue> newer = listed(PUBLISHING, "newer-brief-" + i, "2099-01-01");
            seeding.putItem(put -> put.tableName(table).item(newer));
        }
        Map<String, Integer> groupsAsked = new ConcurrentHashMap<>();
        ExecutionInterceptor counting = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof QueryRequest query && "by-working-group".equals(query.indexName())) {
                    groupsAsked.merge(query.expressionAttributeValues().get(":p").s(), 1, Integer::sum);
                }
            }
        };
        DynamoDbClient counted = AwsClients.from(FunctionEnvironment.of(stack.environment("publish-brief")))
                .configure(DynamoDbClient.builder(), "DYNAMODB")
                .overrideConfiguration(override -> override.addExecutionInterceptor(counting))
                .build();
        String site = stack.bucket("SiteBucket");
        CatalogueSite catalogue = new CatalogueSite(stack.s3Client(), counted, table, stack.table("WebinarsTable"), site,
                List.of(PUBLISHING, EMPTY, OLDER), Clock.systemUTC());

        catalogue.regenerateFor(PUBLISHING);
        assertThat(groupsAsked).containsEntry("WG#" + OLDER, 1).containsEntry("WG#" + EMPTY, 1);
        catalogue.regenerateFor(PUBLISHING);
        // Briefs are never unlisted: the older group still has one, and is not asked again.
        assertThat(groupsAsked).containsEntry("WG#" + OLDER, 1).containsEntry("WG#" + EMPTY, 2);
        assertThat(stack.s3Client().listObjectsV2(list -> list.bucket(site).prefix("working-groups/")).contents())
                .extracting(object -> object.key()).contains("working-groups/" + EMPTY + ".html", "working-groups/" + PUBLISHING + ".html");
    }

    /** A publication's listing item as publishing writes it, with what the catalogue reads. */
    private static Map<String, AttributeValue> listed(String group, String slug, String date) {
        String id = group + "/" + slug;
        String sortKey = date + "#" + id;
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("PUB#" + id));
        item.put("sk", AttributeValue.fromS("META"));
        item.put("id", AttributeValue.fromS(id));
        item.put("title", AttributeValue.fromS("A brief called " + slug));
        item.put("type", AttributeValue.fromS("policy-brief"));
        item.put("workingGroup", AttributeValue.fromS(group));
        item.put("authors", AttributeValue.fromL(List.of(AttributeValue.fromS("Alison Hunter"))));
        item.put("date", AttributeValue.fromS(date));
        item.put("latestVersion", AttributeValue.fromN("1"));
        item.put("pages", AttributeValue.fromN("2"));
        item.put("summary", AttributeValue.fromS(""));
        item.put("publishedAt", AttributeValue.fromS(date + "T09:00:00Z"));
        item.put("gsi1pk", AttributeValue.fromS("WG#" + group));
        item.put("gsi1sk", AttributeValue.fromS(sortKey));
        item.put("gsi3pk", AttributeValue.fromS("PUBLISHED"));
        item.put("gsi3sk", AttributeValue.fromS(sortKey));
        return item;
    }
}
