package eu.s3cop.refresh;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.publications.DynamoDbPublicationStore;
import eu.s3cop.publications.Metadata;
import eu.s3cop.publications.PublishedVersion;
import eu.s3cop.publications.UploadStatus;
import eu.s3cop.publications.UploadStatuses;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.stack.lambda.Invocation;
import eu.s3cop.testing.EventFiles;
import eu.s3cop.testing.LocalAws;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The stream's batches of listing changes become the catalogue's pages; other changes to the table do not reach the function. */
@LocalAws
class RefreshCatalogueIntegrationTest {

    @Test
    void aBatchOfListingsRewritesTheSharedPagesAndEveryGroupsPageOnce(LocalCloud stack) {
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
    void onlyAPublishedListingInTheTableReachesTheFunction(LocalCloud stack) {
        List<Invocation> refreshes = new CopyOnWriteArrayList<>();
        stack.onInvocation(invocation -> {
            if (invocation.function().equals("refresh-catalogue")) {
                refreshes.add(invocation);
            }
        });
        String table = stack.table("PublicationsTable");
        Instant at = Instant.parse("2024-05-23T10:00:00Z");
        try (DynamoDbClient dynamoDb = stack.dynamoDbClient()) {
            DynamoDbPublicationStore store = new DynamoDbPublicationStore(dynamoDb, table);
            // What publishing writes besides a listing: a claimed version and its content record, a preview, an upload's status.
            store.claim("innovation-diffusion/unlisted", 1, "unlisted-draft", "drafts/innovation-diffusion/unlisted.md", at);
            store.savePreview("innovation-diffusion/unlisted", "unlisted-preview", "Unlisted", "previews/innovation-diffusion/unlisted/0.pdf",
                    1, 1024, "drafts/innovation-diffusion/unlisted.md", at);
            new UploadStatuses(dynamoDb, table).recordStatus("s3cop-uploads", "drafts/x.md", "", UploadStatus.rejected(1), at);
            stack.awaitIdle(Duration.ofSeconds(30));
            assertThat(refreshes).isEmpty();

            // A publication's record once a version of it is published.
            String id = "interregional-cooperation/listed";
            store.claim(id, 1, "listed-draft", "drafts/interregional-cooperation/listed.md", at);
            store.complete(new PublishedVersion(id, 1, new Metadata("Listed", "policy-brief", "interregional-cooperation", List.of("Alison Hunter"),
                    LocalDate.parse("2024-05-23"), "en", "", List.of()), "briefs/" + id + "/v1.pdf", 1, 1024, "listed-pdf", "listed-draft",
                    "drafts/interregional-cooperation/listed.md", "AWS:LOCAL", at));
            stack.awaitIdle(Duration.ofSeconds(30));
        }
        assertThat(refreshes).singleElement().satisfies(refresh -> {
            assertThat(refresh.event()).contains("interregional-cooperation/listed").doesNotContain("unlisted", "drafts/x.md");
            assertThat(refresh.logLines()).anySatisfy(line -> assertThat(line).contains("\"workingGroups\":\"interregional-cooperation\""));
        });
    }
}
