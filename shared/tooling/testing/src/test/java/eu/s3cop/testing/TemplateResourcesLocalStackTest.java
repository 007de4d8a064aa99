package eu.s3cop.testing;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.stack.dynamodb.Tables;
import eu.s3cop.stack.template.BucketResource;
import eu.s3cop.stack.template.Template;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The template's buckets and tables, created the way the local stack creates them, on LocalStack
 * where Docker is available. Skipped cleanly where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class TemplateResourcesLocalStackTest {

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
            .withServices("s3", "dynamodb");

    @Test
    void templatesBucketsAndTablesWorkOnLocalStack() {
        Template template = ProjectFiles.template();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
        try (S3Client s3 = S3Client.builder().endpointOverride(LOCALSTACK.getEndpoint()).forcePathStyle(true)
                        .region(Region.of(LOCALSTACK.getRegion())).credentialsProvider(credentials).build();
                DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(LOCALSTACK.getEndpoint())
                        .region(Region.of(LOCALSTACK.getRegion())).credentialsProvider(credentials).build()) {
            for (BucketResource bucket : template.buckets()) {
                s3.createBucket(create -> create.bucket(bucket.localName()));
                s3.putObject(put -> put.bucket(bucket.localName()).key("probe.txt"), RequestBody.fromString("probe"));
            }
            Tables.create(dynamoDb, template.tables());
            assertThat(dynamoDb.listTables().tableNames()).containsExactlyInAnyOrder("s3cop-publications", "s3cop-webinars");
        }
    }
}
