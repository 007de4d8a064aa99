package eu.s3cop.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.stack.lambda.Invocation;
import eu.s3cop.stack.template.TableResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

@LocalAws(parameters = "LinkExpiryMinutes=5")
class LocalAwsExtensionTest {

    private static LocalCloud first;

    @BeforeAll
    static void remember(LocalCloud stack) {
        first = stack;
    }

    @Test
    void givesTheTemplatesBucketsOverARealS3Endpoint(LocalCloud stack) {
        try (S3Client s3 = stack.s3Client()) {
            assertThat(s3.listBuckets().buckets()).extracting(bucket -> bucket.name())
                    .containsExactlyInAnyOrder("s3cop-uploads", "s3cop-publications", "s3cop-site");
            s3.putObject(put -> put.bucket("s3cop-site").key("probe.txt"), RequestBody.fromString("probe"));
            assertThat(s3.getObjectAsBytes(get -> get.bucket("s3cop-site").key("probe.txt")).asUtf8String()).isEqualTo("probe");
        }
        assertThat(stack.s3Endpoint().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void givesTheTemplatesTablesWithTheirIndexesInDynamoDbLocal(LocalCloud stack) {
        try (DynamoDbClient dynamoDb = stack.dynamoDbClient()) {
            assertThat(dynamoDb.listTables().tableNames()).containsExactlyInAnyOrder("s3cop-publications", "s3cop-webinars");
            for (TableResource declared : ProjectFiles.template().tables()) {
                List<String> indexes = ((List<?>) declared.properties().getOrDefault("GlobalSecondaryIndexes", List.of())).stream()
                        .map(index -> String.valueOf(((Map<?, ?>) index).get("IndexName"))).toList();
                assertThat(dynamoDb.describeTable(table -> table.tableName(declared.localName())).table().globalSecondaryIndexes())
                        .as(declared.logicalId()).extracting(index -> index.indexName()).containsExactlyInAnyOrderElementsOf(indexes);
            }
        }
        assertThat(stack.dynamoDbEndpoint().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void resolvesEachFunctionsEnvironmentToLocalNamesAndEndpoints(LocalCloud stack) {
        assertThat(stack.environment("publish-brief"))
                .containsEntry("UPLOADS_BUCKET", "s3cop-uploads")
                .containsEntry("PUBLICATIONS_BUCKET", "s3cop-publications")
                .containsEntry("PUBLICATIONS_TABLE", "s3cop-publications")
                .containsEntry("AWS_ENDPOINT_URL_S3", stack.s3Endpoint().toString())
                .containsEntry("AWS_REGION", "eu-west-1");
        assertThat(stack.environment("reader-api")).containsEntry("LINK_EXPIRY_MINUTES", "5");
        assertThat(stack.environment("webinar-scheduler")).containsEntry("WEBINARS_TABLE", "s3cop-webinars")
                .containsKey("AWS_ENDPOINT_URL_SESV2");
    }

    @Test
    void sharesOneStackAcrossTheClass(LocalCloud stack) {
        assertThat(stack).isSameAs(first);
    }

    @Test
    void aFunctionWhoseCodeIsNotOnTheClassPathFailsItsInvocationByName(LocalCloud stack) {
        Invocation invocation = stack.invoke("publish-brief", EventFiles.json("publish-brief/draft-uploaded.json"));
        assertThat(invocation.succeeded()).isFalse();
        assertThat(invocation.error()).hasMessageContaining("eu.s3cop.brief.PublishBriefHandler").hasMessageContaining("class path");
    }

    @Test
    void eventFilesDecodeThroughTheLambdaRuntimesSerializer() {
        S3Event upload = EventFiles.read("publish-brief/draft-uploaded.json", S3Event.class);
        assertThat(upload.getRecords().get(0).getS3().getObject().getUrlDecodedKey())
                .isEqualTo("drafts/innovation-diffusion/bottlenecks-to-innovation-diffusion.md");
        ScheduledEvent run = EventFiles.read("webinar-scheduler/scheduled.json", ScheduledEvent.class);
        assertThat(run.getTime().getYear()).isEqualTo(2024);
    }
}
