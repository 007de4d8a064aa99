package eu.s3cop.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import eu.s3cop.stack.lambda.Invocation;
import eu.s3cop.stack.template.Template;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

class LocalCloudIntegrationTest {

    private static final Template TEMPLATE = Template.read(Path.of("src/test/resources/stack-template.yaml"));
    private static final Duration SETTLE = Duration.ofSeconds(30);

    private static LocalCloud stack;
    private static S3Client s3;
    private static final List<Invocation> invocations = new CopyOnWriteArrayList<>();
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        stack = LocalCloud.start(TEMPLATE, StackSettings.ephemeral());
        stack.onInvocation(invocations::add);
        s3 = stack.s3Client();
    }

    @AfterAll
    static void stop() {
        s3.close();
        stack.close();
    }

    @Test
    void createsTheTemplatesBucketsAndTablesUnderLocalNames() {
        assertThat(s3.listBuckets().buckets()).extracting(bucket -> bucket.name())
                .contains("s3cop-inbox", "s3cop-records");
        try (DynamoDbClient dynamoDb = stack.dynamoDbClient()) {
            var table = dynamoDb.describeTable(describe -> describe.tableName("s3cop-runs")).table();
            assertThat(table.globalSecondaryIndexes()).extracting(index -> index.indexName()).containsExactly("by-kind");
        }
    }

    @Test
    void uploadMatchingPrefixAndSuffixInvokesTheFunctionOnceWithAReadableEvent() {
        String key = "notes/week one/Plzeň ř.txt";
        s3.putObject(put -> put.bucket("s3cop-inbox").key(key), RequestBody.fromString("hello"));
        stack.awaitIdle(SETTLE);

        String record = s3.getObjectAsBytes(get -> get.bucket("s3cop-records").key("seen/" + key)).asUtf8String();
        assertThat(record.split("\n")).hasSize(9).startsWith("ObjectCreated:Put", "s3cop-inbox", key, "5", "5d41402abc4b2a76b9719d911017c592")
                .endsWith("s3cop-inbox", "hello", "record-upload");
        assertThat(record.split("\n")[5]).matches("[0-9A-F]+");
        assertThat(invocationsFor("record-upload", key)).hasSize(1);
    }

    /**
     * A deletion reaches the function wired to ObjectRemoved as S3 sends it: the key and a
     * sequencer greater than the upload's, with no size or entity tag; deleting a key that holds
     * nothing, alone or among others, tells nobody.
     */
    @Test
    void deletingAnObjectInvokesTheRemovedTriggerOnceWithALaterSequencer() {
        String key = "notes/removed ř.txt";
        s3.putObject(put -> put.bucket("s3cop-inbox").key(key), RequestBody.fromString("bye"));
        s3.putObject(put -> put.bucket("s3cop-inbox").key("notes/removed too.txt"), RequestBody.fromString("bye"));
        stack.awaitIdle(SETTLE);
        s3.deleteObject(delete -> delete.bucket("s3cop-inbox").key(key));
        s3.deleteObjects(delete -> delete.bucket("s3cop-inbox").delete(objects -> objects.objects(
                identifier -> identifier.key("notes/removed too.txt"), identifier -> identifier.key("notes/never there.txt"))));
        s3.deleteObject(delete -> delete.bucket("s3cop-inbox").key("notes/never there either.txt"));
        stack.awaitIdle(SETTLE);

        String[] created = s3.getObjectAsBytes(get -> get.bucket("s3cop-records").key("seen/" + key)).asUtf8String().split("\n");
        String[] removed = s3.getObjectAsBytes(get -> get.bucket("s3cop-records").key("gone/" + key)).asUtf8String().split("\n");
        // The Lambda serializer reads the absent size and entity tag as 0 and "".
        assertThat(removed).hasSize(9).startsWith("ObjectRemoved:Delete", "s3cop-inbox", key, "0", "");
        assertThat(Long.parseLong(removed[5], 16)).isGreaterThan(Long.parseLong(created[5], 16));
        assertThat(invocations).filteredOn(invocation -> invocation.event().contains("ObjectRemoved"))
                .allSatisfy(invocation -> assertThat(invocation.event()).doesNotContain("\"eTag\"", "\"size\""))
                .extracting(Invocation::trigger)
                .containsExactlyInAnyOrder("S3 s3cop-inbox/" + key, "S3 s3cop-inbox/notes/removed too.txt");
    }

    @Test
    void uploadsOutsideThePrefixOrSuffixInvokeNothing() {
        s3.putObject(put -> put.bucket("s3cop-inbox").key("notes/ignored.md"), RequestBody.fromString("x"));
        s3.putObject(put -> put.bucket("s3cop-inbox").key("elsewhere/ignored.txt"), RequestBody.fromString("x"));
        s3.putObject(put -> put.bucket("s3cop-records").key("notes/ignored.txt"), RequestBody.fromString("x"));
        stack.awaitIdle(SETTLE);

        assertThat(invocations).noneMatch(invocation -> invocation.trigger().contains("ignored"));
    }

    @Test
    void multipartUploadFiresOneCompleteMultipartUploadEvent() {
        String key = "notes/large.txt";
        byte[] part = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(part, (byte) 'a');
        String uploadId = s3.createMultipartUpload(create -> create.bucket("s3cop-inbox").key(key)).uploadId();
        String first = s3.uploadPart(upload -> upload.bucket("s3cop-inbox").key(key).uploadId(uploadId).partNumber(1), RequestBody.fromBytes(part)).eTag();
        String second = s3.uploadPart(upload -> upload.bucket("s3cop-inbox").key(key).uploadId(uploadId).partNumber(2), RequestBody.fromString("end")).eTag();
        s3.completeMultipartUpload(complete -> complete.bucket("s3cop-inbox").key(key).uploadId(uploadId)
                .multipartUpload(parts -> parts.parts(
                        CompletedPart.builder().partNumber(1).eTag(first).build(),
                        CompletedPart.builder().partNumber(2).eTag(second).build())));
        stack.awaitIdle(SETTLE);

        assertThat(invocationsFor("record-upload", key)).hasSize(1);
        String record = s3.getObjectAsBytes(get -> get.bucket("s3cop-records").key("seen/" + key)).asUtf8String();
        assertThat(record).startsWith("ObjectCreated:CompleteMultipartUpload\n").contains("\n" + (part.length + 3) + "\n");
    }

    @Test
    void tableChangesReachTheMappedFunctionFilteredInOrderAndInOneBatch() {
        try (DynamoDbClient dynamoDb = stack.dynamoDbClient()) {
            note(dynamoDb, "batch-1", "note", "first");
            note(dynamoDb, "batch-2", "memo", "not a note");
            note(dynamoDb, "batch-3", "note", "second");
            note(dynamoDb, "batch-1", "note", "changed");
        }
        stack.awaitIdle(SETTLE);

        List<Invocation> batches = invocations.stream()
                .filter(invocation -> invocation.function().equals("note-changes") && invocation.event().contains("batch-")).toList();
        assertThat(batches).singleElement().satisfies(batch -> {
            assertThat(batch.succeeded()).isTrue();
            assertThat(batch.trigger()).isEqualTo("DynamoDB RunsTable stream (3 records)");
        });
        String lines = s3.getObjectAsBytes(get -> get.bucket("s3cop-records").key("changes/" + batches.get(0).requestId())).asUtf8String();
        assertThat(lines.split("\n")).hasSize(3).satisfies(records -> {
            assertThat(records[0]).startsWith("INSERT batch-1 first arn:aws:dynamodb:" + StackSettings.REGION + ":");
            assertThat(records[0]).contains(":table/s3cop-runs/stream/");
            assertThat(records[1]).startsWith("INSERT batch-3 second ");
            assertThat(records[2]).startsWith("MODIFY batch-1 changed ");
        });
    }

    @Test
    void aFailedBatchOfChangesIsRetriedWhole() {
        try (DynamoDbClient dynamoDb = stack.dynamoDbClient()) {
            note(dynamoDb, "retry-1", "note", "fail");
            note(dynamoDb, "retry-2", "note", "kept");
        }
        stack.awaitIdle(SETTLE);

        List<Invocation> attempts = invocations.stream()
                .filter(invocation -> invocation.function().equals("note-changes") && invocation.event().contains("retry-")).toList();
        assertThat(attempts).extracting(Invocation::attempt, Invocation::succeeded).containsExactly(tuple(1, false), tuple(2, true));
        assertThat(attempts.get(1).event()).isEqualTo(attempts.get(0).event()).contains("retry-1", "retry-2");
    }

    private static void note(DynamoDbClient dynamoDb, String pk, String kind, String text) {
        dynamoDb.putItem(put -> put.tableName("s3cop-runs").item(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("note"),
                "kind", AttributeValue.fromS(kind), "text", AttributeValue.fromS(text))));
    }

    @Test
    void failedAsynchronousEventIsRetriedTwiceAsLambdaDoes() {
        s3.putObject(put -> put.bucket("s3cop-inbox").key("flaky/twice"), RequestBody.fromString("2"));
        s3.putObject(put -> put.bucket("s3cop-inbox").key("flaky/always"), RequestBody.fromString("99"));
        stack.awaitIdle(SETTLE);

        assertThat(invocationsFor("flaky", "flaky/twice")).extracting(Invocation::succeeded).containsExactly(false, false, true);
        assertThat(invocationsFor("flaky", "flaky/always")).extracting(Invocation::attempt).containsExactly(1, 2, 3);
        assertThat(invocationsFor("flaky", "flaky/always")).noneMatch(Invocation::succeeded);
    }

    @Test
    void scheduleRunsOnDemandOverHttpWithTheSchedulersInputAndSendsMailToTheOutbox() throws Exception {
        int before = stack.outboxMessages().size();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(httpUri("/_local/schedules/tick"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"OK\"");
        try (DynamoDbClient dynamoDb = stack.dynamoDbClient()) {
            var items = dynamoDb.query(query -> query.tableName("s3cop-runs").indexName("by-kind")
                    .keyConditionExpression("kind = :k").expressionAttributeValues(Map.of(":k", AttributeValue.fromS("tick")))).items();
            assertThat(items).isNotEmpty().allSatisfy(item -> assertThat(item.get("source").s()).isEqualTo("aws.scheduler"));
        }
        List<Path> messages = stack.outboxMessages();
        assertThat(messages).hasSize(before + 1);
        String mail = Files.readString(messages.get(messages.size() - 1), StandardCharsets.UTF_8);
        assertThat(mail).contains("From: noreply@example.org", "To: secretariat@example.org",
                "Subject: =?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString("Tick – événement".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void unknownScheduleAnswersNotFound() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(httpUri("/_local/schedules/record-upload"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("record-upload");
    }

    @Test
    void httpRoutesReachTheirFunctionWithPathParametersAndTheMostSpecificRouteWins() throws Exception {
        HttpResponse<String> item = get("/items/innovation-diffusion/caf%C3%A9?q=a&q=b&x=%C3%A9");
        assertThat(item.statusCode()).isEqualTo(200);
        assertThat(item.headers().firstValue("X-Echo")).hasValue("yes");
        assertThat(item.body()).contains("route=GET /items/{group}/{name}", "path={group=innovation-diffusion, name=café}", "query={q=a,b, x=é}");

        assertThat(get("/items/innovation-diffusion/summary").body()).contains("route=GET /items/{group}/summary");

        HttpResponse<String> greedy = http.send(HttpRequest.newBuilder(httpUri("/files/a/b/c.txt"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(greedy.statusCode()).isEqualTo(201);
        assertThat(greedy.body()).contains("route=ANY /files/{path+}", "path={path=a/b/c.txt}", "body={\"a\":1}");

        assertThat(get("/nothing/here").statusCode()).isEqualTo(404);
        assertThat(get("/items/only-one").statusCode()).isEqualTo(404);
    }

    @Test
    void requestsWithoutAValidSignatureAreRefused() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(stack.s3Endpoint().resolve("/s3cop-inbox/notes/x.txt"))
                .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(403);

        try (S3Client wrongSecret = S3Client.builder().endpointOverride(stack.s3Endpoint()).forcePathStyle(true)
                .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "wrong"))
                .build()) {
            assertThatThrownBy(() -> wrongSecret.listBuckets()).isInstanceOf(S3Exception.class)
                    .satisfies(error -> assertThat(((S3Exception) error).statusCode()).isEqualTo(403));
        }
    }

    @Test
    void aTakenPortIsReportedByNameAndPort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            StackSettings settings = StackSettings.ephemeral().withPorts(taken.getLocalPort(), 0, -1);
            assertThatThrownBy(() -> LocalCloud.start(TEMPLATE, settings))
                    .isInstanceOf(PortTakenException.class)
                    .hasMessageContaining("S3 endpoint")
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void aDataFolderKeepsObjectsAndItemsAcrossRestarts(@TempDir Path data) {
        StackSettings settings = StackSettings.ephemeral().withDataDirectory(data).withPorts(0, 0, -1);
        try (LocalCloud first = LocalCloud.start(TEMPLATE, settings); S3Client client = first.s3Client(); DynamoDbClient dynamoDb = first.dynamoDbClient()) {
            client.putObject(put -> put.bucket("s3cop-records").key("kept.txt"), RequestBody.fromString("kept"));
            dynamoDb.putItem(put -> put.tableName("s3cop-runs").item(Map.of("pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromS("s"))));
        }
        try (LocalCloud second = LocalCloud.start(TEMPLATE, settings); S3Client client = second.s3Client(); DynamoDbClient dynamoDb = second.dynamoDbClient()) {
            assertThat(client.getObjectAsBytes(get -> get.bucket("s3cop-records").key("kept.txt")).asUtf8String()).isEqualTo("kept");
            assertThat(dynamoDb.getItem(get -> get.tableName("s3cop-runs").key(Map.of("pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromS("s")))).hasItem()).isTrue();
        }
    }

    private static List<Invocation> invocationsFor(String function, String key) {
        return invocations.stream()
                .filter(invocation -> invocation.function().equals(function) && invocation.trigger().endsWith("/" + key))
                .toList();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(httpUri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI httpUri(String path) {
        return URI.create(stack.httpEndpoint().orElseThrow() + path);
    }
}
