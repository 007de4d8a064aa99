package eu.s3cop.refresh;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.stack.LocalStack;
import eu.s3cop.stack.lambda.Invocation;
import eu.s3cop.testing.EventFiles;
import eu.s3cop.testing.LocalAws;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/** The stream's batches of listing changes become the catalogue's pages; other changes to the table do not reach the function. */
@LocalAws
class RefreshCatalogueIntegrationTest {

    @Test
    void aBatchOfListingsRewritesTheSharedPagesAndEveryGroupsPageOnce(LocalStack stack) {
        // Decoded by the Lambda runtime's serializer, in the stack (not here too: it remembers event classes by name).
        Invocation invocation = stack.invoke("refresh-catalogue", EventFiles.json("refresh-catalogue/briefs-listed.json"));

        assertThat(invocation.succeeded()).as(String.valueOf(invocation.error())).isTrue();
        assertThat(invocation.logLines()).anySatisfy(line -> assertThat(line)
                .contains("\"message\":\"catalogue refreshed\"", "\"workingGroups\":\"industrial-transition,innovation-diffusion\"",
                        "\"listings\":2"));
        String site = stack.bucket("SiteBucket");
        try (S3Client s3 = stack.s3Client()) {
            assertThat(s3.listObjectsV2(list -> list.bucket(site)).contents()).extracting(object -> object.key())
                    .contains("index.html", "feed.xml", "working-groups/innovation-diffusion.html",
                            "working-groups/industrial-transition.html", "working-groups/interregional-cooperation.html");
            assertThat(s3.getObjectAsBytes(get -> get.bucket(site).key("feed.xml")).asString(UTF_8)).contains("<feed");
        }
    }

    @Test
    void onlyAPublishedListingInTheTableReachesTheFunction(LocalStack stack) {
        List<Invocation> refreshes = new CopyOnWriteArrayList<>();
        stack.onInvocation(invocation -> {
            if (invocation.function().equals("refresh-catalogue")) {
                refreshes.add(invocation);
            }
        });
        String table = stack.table("PublicationsTable");
        try (DynamoDbClient dynamoDb = stack.dynamoDbClient()) {
            // What publishing writes besides a listing: a claimed version, its content record, an upload's status.
            dynamoDb.putItem(put -> put.tableName(table).item(Map.of("pk", s("PUB#innovation-diffusion/unlisted"), "sk", s("V#000001"),
                    "state", s("PENDING"))));
            dynamoDb.putItem(put -> put.tableName(table).item(Map.of("pk", s("PUB#innovation-diffusion/unlisted"), "sk", s("HASH#00"),
                    "state", s("PENDING"))));
            dynamoDb.putItem(put -> put.tableName(table).item(Map.of("pk", s("UPLOAD#s3cop-uploads/drafts/x.md"), "sk", s("STATUS"),
                    "status", s("REJECTED"))));
            stack.awaitIdle(Duration.ofSeconds(30));
            assertThat(refreshes).isEmpty();

            // A publication's record once a version of it is published (without its index keys: only the delivery is in question here).
            dynamoDb.putItem(put -> put.tableName(table).item(Map.of("pk", s("PUB#interregional-cooperation/listed"), "sk", s("META"),
                    "workingGroup", s("interregional-cooperation"), "gsi3pk", s("PUBLISHED"))));
            stack.awaitIdle(Duration.ofSeconds(30));
        }
        assertThat(refreshes).singleElement().satisfies(refresh -> {
            assertThat(refresh.event()).contains("interregional-cooperation/listed").doesNotContain("unlisted", "UPLOAD#");
            assertThat(refresh.logLines()).anySatisfy(line -> assertThat(line).contains("\"workingGroups\":\"interregional-cooperation\""));
        });
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
