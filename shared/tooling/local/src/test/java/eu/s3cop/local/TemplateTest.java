package eu.s3cop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import eu.s3cop.groups.store.DynamoDbRegistryStore;
import eu.s3cop.publications.ListingStream;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.webinar.store.RegistrationChanges;
import eu.s3cop.webinar.store.RegistrationStream;
import eu.s3cop.webinar.store.Registrations;
import eu.s3cop.webinar.store.Subscriptions;
import eu.s3cop.stack.template.FunctionResource;
import eu.s3cop.stack.template.Template;
import eu.s3cop.stack.template.Trigger;
import eu.s3cop.testing.ProjectFiles;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** template.yaml is valid SAM, and every name in it points at something real. */
class TemplateTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Template template;
    private static Schema samSchema;

    @BeforeAll
    static void load() throws IOException {
        template = ProjectFiles.template();
        try (InputStream schema = TemplateTest.class.getResourceAsStream("/sam/sam.schema.json")) {
            assertThat(schema).as("the SAM schema, a test resource (sam/sam.schema.json)").isNotNull();
            samSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(new String(schema.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        }
    }

    @Test
    void templateIsValidAgainstTheOfficialSamSchema() {
        List<Error> errors = samSchema.validate(JSON.valueToTree(template.document()));
        assertThat(errors).as("SAM schema errors").isEmpty();
    }

    @Test
    void schemaCheckRejectsABrokenTemplate() {
        // The same template with a function whose Runtime is a number and whose event has no type.
        @SuppressWarnings("unchecked")
        Map<String, Object> broken = (Map<String, Object>) JSON.convertValue(template.document(), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> resources = (Map<String, Object>) broken.get("Resources");
        Map<String, Object> function = new LinkedHashMap<>();
        function.put("Type", "AWS::Serverless::Function");
        function.put("Properties", Map.of("Runtime", 21, "Handler", "x::y", "CodeUri", "x",
                "Events", Map.of("Bad", Map.of("Properties", Map.of()))));
        resources.put("BrokenFunction", function);

        assertThat(samSchema.validate(JSON.valueToTree(broken))).isNotEmpty();
    }

    @Test
    void declaresTheSevenFunctionsWithTheirTriggerKinds() {
        assertThat(template.functions()).extracting(FunctionResource::name)
                .containsExactly("publish-brief", "refresh-catalogue", "register-secretariat-files", "webinar-scheduler", "registration-lists",
                        "register-dois", "reader-api");
        assertThat(template.function("register-dois").triggers()).singleElement().isInstanceOf(Trigger.Schedule.class);
        assertThat(template.function("publish-brief").triggers(Trigger.S3.class))
                .singleElement()
                .satisfies(trigger -> {
                    assertThat(trigger.bucket()).isEqualTo("UploadsBucket");
                    assertThat(trigger.prefix()).isEqualTo("drafts/");
                    assertThat(trigger.suffix()).isEqualTo(".md");
                });
        assertThat(template.function("refresh-catalogue").triggers(Trigger.DynamoDb.class))
                .hasSize(2)
                .anySatisfy(stream -> {
                    assertThat(stream.table()).isEqualTo("PublicationsTable");
                    assertThat(stream.filters()).singleElement().asString()
                            .isEqualToIgnoringWhitespace(ListingStream.LISTED_STREAM_FILTER);
                    assertThat(stream.maximumRetryAttempts()).isPositive();
                })
                .anySatisfy(stream -> {
                    assertThat(stream.table()).isEqualTo("WebinarsTable");
                    assertThat(stream.filters()).map(filter -> filter.replaceAll("\\s", "")).containsExactlyInAnyOrder(
                            DynamoDbWebinarStore.CHANGED_STREAM_FILTER.replaceAll("\\s", ""),
                            DynamoDbRegistryStore.CHANGED_STREAM_FILTER.replaceAll("\\s", ""));
                    assertThat(stream.maximumRetryAttempts()).isPositive();
                });
        // The clock's changes to the pages (registration closing, start, end) come from a schedule of its own.
        assertThat(template.function("refresh-catalogue").triggers(Trigger.Schedule.class))
                .singleElement().satisfies(schedule -> assertThat(schedule.scheduler()).isTrue());
        // Two streams and a schedule, one refresh at a time: an older one never finishes after a newer one.
        assertThat(template.function("refresh-catalogue").reservedConcurrency()).isEqualTo(1);
        // Everything under webinars/ (webinar files, materials, files put in the wrong place) and a material's removal.
        assertThat(template.function("register-secretariat-files").triggers(Trigger.S3.class))
                .extracting(trigger -> trigger.events() + " " + trigger.prefix() + "*" + trigger.suffix())
                .containsExactlyInAnyOrder("[s3:ObjectCreated:*] webinars/*", "[s3:ObjectRemoved:*] webinars/*",
                        "[s3:ObjectCreated:*] working-groups/*.yaml", "[s3:ObjectCreated:*] working-groups/*.yml");
        assertThat(template.function("webinar-scheduler").triggers(Trigger.Schedule.class))
                .singleElement().satisfies(schedule -> assertThat(schedule.scheduler()).isTrue());
        assertThat(template.function("webinar-scheduler").triggers(Trigger.DynamoDb.class))
                .hasSize(2)
                .anySatisfy(stream -> {
                    assertThat(stream.table()).isEqualTo("WebinarsTable");
                    // Emails asked for now (a registration's or a subscription's), and webinars whose places changed
                    // (a freed place is offered at once).
                    assertThat(stream.filters()).map(filter -> filter.replaceAll("\\s", "")).containsExactlyInAnyOrder(
                            RegistrationStream.NOTIFIED_STREAM_FILTER.replaceAll("\\s", ""),
                            DynamoDbWebinarStore.CHANGED_STREAM_FILTER.replaceAll("\\s", ""));
                    assertThat(stream.maximumRetryAttempts()).isPositive();
                })
                // A version listed, announced to those who asked for each.
                .anySatisfy(stream -> {
                    assertThat(stream.table()).isEqualTo("PublicationsTable");
                    assertThat(stream.filters()).singleElement().asString().isEqualToIgnoringWhitespace(ListingStream.LISTED_STREAM_FILTER);
                    assertThat(stream.maximumRetryAttempts()).isPositive();
                });
        // Every change to a registration, removals included, within a minute: a window of at most 30 seconds.
        assertThat(template.function("registration-lists").triggers()).singleElement().isInstanceOfSatisfying(Trigger.DynamoDb.class, stream -> {
            assertThat(stream.table()).isEqualTo("WebinarsTable");
            assertThat(stream.filters()).singleElement().asString().isEqualToIgnoringWhitespace(RegistrationChanges.LISTED_STREAM_FILTER);
            assertThat(stream.batchingWindowSeconds()).isBetween(1, 30);
            assertThat(stream.maximumRetryAttempts()).isPositive();
        });
        assertThat(template.function("reader-api").triggers(Trigger.HttpApi.class)).extracting(route -> route.method() + " " + route.path())
                .containsExactlyInAnyOrder("GET /publications", "GET /publications/{working_group}/{slug}",
                        "GET /publications/{working_group}/{slug}/download", "GET /publications/{working_group}/{slug}/citation",
                        "GET /webinars", "GET /webinars/{id}", "GET /webinars/{id}/invite.ics", "GET /webinars/{id}/materials/{file}",
                        "GET /calendar.ics", "GET /oai", "POST /oai",
                        "POST /webinars/{id}/registrations", "GET /webinars/{id}/registrations/{token}",
                        "POST /webinars/{id}/registrations/{token}", "DELETE /webinars/{id}/registrations/{token}",
                        "POST /subscriptions", "GET /subscriptions/{token}", "POST /subscriptions/{token}");
        assertThat(template.buckets()).extracting(bucket -> bucket.localName())
                .containsExactly("s3cop-uploads", "s3cop-publications", "s3cop-site");
    }

    /**
     * S3 refuses a bucket's notification configuration in which two notifications share an event
     * type and some key could match both, whichever functions they invoke: the stack would not
     * deploy.
     */
    @Test
    void noTwoS3TriggersOfABucketOverlap() {
        List<Trigger.S3> triggers = template.functions().stream().flatMap(function -> function.triggers(Trigger.S3.class).stream()).toList();
        List<String> overlapping = new ArrayList<>();
        for (int i = 0; i < triggers.size(); i++) {
            for (int j = i + 1; j < triggers.size(); j++) {
                if (triggers.get(i).overlaps(triggers.get(j))) {
                    overlapping.add(triggers.get(i).eventId() + " and " + triggers.get(j).eventId());
                }
            }
        }
        assertThat(triggers).hasSizeGreaterThan(4);
        assertThat(overlapping).as("S3 notifications that overlap").isEmpty();
    }

    /** Every page, the site's and the API's alike, has the security headers: HSTS, no framing elsewhere, no sniffing. */
    @Test
    @SuppressWarnings("unchecked")
    void everyBehaviourOfTheDistributionSendsTheSecurityHeaders() {
        Map<String, Object> config = (Map<String, Object>) ((Map<String, Object>) template.resources().get("SiteDistribution")
                .get("Properties")).get("DistributionConfig");
        List<Map<String, Object>> behaviours = new ArrayList<>((List<Map<String, Object>>) config.get("CacheBehaviors"));
        behaviours.add((Map<String, Object>) config.get("DefaultCacheBehavior"));
        assertThat(behaviours).hasSize(6).allSatisfy(behaviour -> assertThat(behaviour)
                .as(String.valueOf(behaviour.getOrDefault("PathPattern", "default")))
                .containsEntry("ResponseHeadersPolicyId", "67f7725c-6f97-4210-82d7-5512b31e9d03"));
    }

    /**
     * The reader API registers and subscribes strangers: it may write a webinar's registrations and
     * places, subscriptions and an address's count of links, and no other item of the secretariat's
     * table (no registry).
     */
    @Test
    @SuppressWarnings("unchecked")
    void theReaderApiWritesOnlyItsOwnItemsOfTheWebinarsTable() {
        Map<String, Object> properties = (Map<String, Object>) template.resources().get("ReaderApiFunction").get("Properties");
        List<Map<String, Object>> writes = new ArrayList<>();
        for (Object policy : (List<Object>) properties.get("Policies")) {
            for (Object statement : (List<Object>) ((Map<String, Object>) policy).get("Statement")) {
                Map<String, Object> grant = (Map<String, Object>) statement;
                String actions = String.valueOf(grant.get("Action"));
                if (String.valueOf(grant.get("Resource")).contains("WebinarsTable")
                        && (actions.contains("PutItem") || actions.contains("UpdateItem") || actions.contains("DeleteItem"))) {
                    writes.add(grant);
                }
            }
        }
        assertThat(writes).isNotEmpty().allSatisfy(grant -> assertThat(grant.get("Condition"))
                .isEqualTo(Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", java.util.stream.Stream.concat(
                        Registrations.WRITTEN_PARTITIONS.stream(), java.util.stream.Stream.of(Subscriptions.WRITTEN_PARTITIONS)).toList()))));
    }

    /**
     * The secretariat's lists: their function reads webinars' partitions, records figures on a
     * webinar's item and nothing else of it, and writes two files of each webinar's folder; an
     * earlier version of a list (a versioned bucket keeps one at every rewrite) is gone in a day.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theListsFunctionTouchesOnlyWhatItsListsAndFiguresNeed() {
        Map<String, Map<String, Object>> statements = new LinkedHashMap<>();
        for (Object policy : (List<Object>) properties("RegistrationListsFunction").get("Policies")) {
            for (Object statement : (List<Object>) ((Map<String, Object>) policy).get("Statement")) {
                statements.put(String.valueOf(((Map<String, Object>) statement).get("Sid")), (Map<String, Object>) statement);
            }
        }
        Map<String, Object> webinarsOnly = Map.of("dynamodb:LeadingKeys", List.of(Registrations.WRITTEN_PARTITIONS.get(0)));
        assertThat(statements.get("ReadWebinarsAndTheirRegistrations")).containsEntry("Action", List.of("dynamodb:GetItem", "dynamodb:Query"))
                .containsEntry("Condition", Map.of("ForAllValues:StringLike", webinarsOnly));
        assertThat(statements.get("RecordFigures")).containsEntry("Action", "dynamodb:UpdateItem")
                .containsEntry("Condition", Map.of("ForAllValues:StringLike", webinarsOnly,
                        "ForAllValues:StringEquals", Map.of("dynamodb:Attributes", DynamoDbWebinarStore.FIGURES_ATTRIBUTES),
                        "StringEqualsIfExists", Map.of("dynamodb:ReturnValues", List.of("NONE"))));
        assertThat(String.valueOf(statements.get("WriteListsAndFigures").get("Resource")))
                .contains("/reports/webinars/*/registrations.csv", "/reports/webinars/*/figures.json");
        assertThat(String.valueOf(statements.get("DeleteListsWithTheirRegistrations").get("Resource")))
                .contains("/reports/webinars/*/registrations.csv").doesNotContain("figures.json");
        assertThat(statements.keySet()).containsExactlyInAnyOrder("ReadWebinarsAndTheirRegistrations", "RecordFigures", "WriteListsAndFigures",
                "DeleteListsWithTheirRegistrations");

        List<Object> rules = (List<Object>) map(properties("UploadsBucket").get("LifecycleConfiguration")).get("Rules");
        assertThat(rules).anySatisfy(rule -> assertThat(map(rule)).containsEntry("Status", "Enabled").containsEntry("Prefix", "reports/webinars/")
                .containsEntry("NoncurrentVersionExpiration", Map.of("NoncurrentDays", 1L)));
    }

    @Test
    void everyHandlerNamesAClassWithAHandlerMethodAndBothConstructors() throws Exception {
        for (FunctionResource function : template.functions()) {
            Class<?> handler = Class.forName(function.handlerClass());
            List<Method> methods = Arrays.stream(handler.getMethods())
                    .filter(method -> method.getName().equals(function.handlerMethod()) && !method.isBridge())
                    .filter(method -> method.getParameterCount() == 2 && method.getParameterTypes()[1] == Context.class)
                    .toList();
            assertThat(methods).as(function.name() + ": " + function.handlerClass() + "::" + function.handlerMethod()).isNotEmpty();
            assertThat(handler.getConstructor()).as(function.name() + ": Lambda's no-argument constructor").isNotNull();
            assertThat(handler.getConstructor(Map.class)).as(function.name() + ": the environment constructor").isNotNull();
        }
    }

    @Test
    void everyCodeUriIsTheShadedJarOfItsFunctionModule() {
        for (FunctionResource function : template.functions()) {
            Map<String, Object> properties = properties(function.logicalId());
            assertThat(properties.get("CodeUri")).isEqualTo("functions/" + function.name() + "/target/" + function.name() + ".jar");
            assertThat(ProjectFiles.root().resolve("functions").resolve(function.name()).resolve("pom.xml")).isRegularFile();
        }
    }

    @Test
    void functionsRunJava21OnArm64WithSnapStartJsonLogsAndAPublishedAlias() {
        Map<String, Object> globals = map(map(template.document().get("Globals")).get("Function"));
        assertThat(globals).containsEntry("Runtime", "java21").containsEntry("Architectures", List.of("arm64"))
                .containsEntry("AutoPublishAlias", "live").containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
        assertThat(map(globals.get("LoggingConfig"))).containsEntry("LogFormat", "JSON");
        assertThat(String.valueOf(map(map(globals.get("Environment")).get("Variables")).get("JAVA_TOOL_OPTIONS")))
                .contains("-XX:TieredStopAtLevel=1");
        for (FunctionResource function : template.functions()) {
            assertThat(template.resources().get(function.logicalId()).get("Metadata")).as(function.name())
                    .isEqualTo(Map.of("SkipBuild", true));
        }
    }

    @Test
    void everyAsynchronousFunctionSendsWhatStillFailsToTheDeadLetterQueue() {
        for (FunctionResource function : template.functions()) {
            if (function.triggers(Trigger.HttpApi.class).size() == function.triggers().size()) {
                continue;
            }
            // A stream's batches are invoked synchronously: the mapping itself names the queue.
            for (Trigger.DynamoDb stream : function.triggers(Trigger.DynamoDb.class)) {
                Map<String, Object> mapping = map(map(map(properties(function.logicalId()).get("Events")).get(stream.eventId())).get("Properties"));
                assertThat(map(map(mapping.get("DestinationConfig")).get("OnFailure"))).as(function.name() + " " + stream.eventId())
                        .containsEntry("Type", "SQS").containsEntry("Destination", Map.of("Fn::GetAtt", List.of("FailedEventsQueue", "Arn")));
            }
            if (function.triggers(Trigger.DynamoDb.class).size() == function.triggers().size()) {
                continue;
            }
            Map<String, Object> config = map(properties(function.logicalId()).get("EventInvokeConfig"));
            assertThat(map(map(config.get("DestinationConfig")).get("OnFailure"))).as(function.name())
                    .containsEntry("Type", "SQS").containsEntry("Destination", Map.of("Fn::GetAtt", List.of("FailedEventsQueue", "Arn")));
        }
        assertThat(properties("FailedEventsAlarm")).containsEntry("AlarmActions", List.of(Map.of("Ref", "AlarmTopic")));
    }

    @Test
    void bucketsArePrivateEncryptedAndRefusePlainHttp() {
        for (var bucket : template.buckets()) {
            Map<String, Object> properties = properties(bucket.logicalId());
            assertThat(map(properties.get("PublicAccessBlockConfiguration"))).as(bucket.logicalId())
                    .containsEntry("BlockPublicAcls", true).containsEntry("BlockPublicPolicy", true)
                    .containsEntry("IgnorePublicAcls", true).containsEntry("RestrictPublicBuckets", true);
            assertThat(properties).as(bucket.logicalId()).containsKey("BucketEncryption").doesNotContainKey("WebsiteConfiguration");
            Map<String, Object> policy = properties(bucket.logicalId() + "Policy");
            assertThat(String.valueOf(policy.get("PolicyDocument"))).as(bucket.logicalId())
                    .contains("Effect=Deny", "aws:SecureTransport=false");
        }
        assertThat(properties("UploadsBucket").get("VersioningConfiguration")).isEqualTo(Map.of("Status", "Enabled"));
        assertThat(String.valueOf(properties("SiteBucketPolicy").get("PolicyDocument"))).contains("cloudfront.amazonaws.com", "AWS:SourceArn");
    }

    @Test
    void cloudFrontPassesEveryApiRouteToTheApiSoThePagesLinksWorkOnOneHost() {
        Map<String, Object> distribution = map(properties("SiteDistribution").get("DistributionConfig"));
        List<String> apiPatterns = ((List<?>) distribution.get("CacheBehaviors")).stream().map(TemplateTest::map)
                .filter(behaviour -> "api".equals(behaviour.get("TargetOriginId")))
                .map(behaviour -> String.valueOf(behaviour.get("PathPattern"))).toList();
        for (Trigger.HttpApi route : template.function("reader-api").triggers(Trigger.HttpApi.class)) {
            String path = route.path().replaceAll("\\{[^}]+}", "x");
            assertThat(apiPatterns).as(route.method() + " " + route.path())
                    .anyMatch(pattern -> path.matches(pattern.replace(".", "\\.").replace("*", ".*")));
        }
        assertThat(map(distribution.get("DefaultCacheBehavior"))).containsEntry("TargetOriginId", "site")
                .containsEntry("ViewerProtocolPolicy", "redirect-to-https");
    }

    @Test
    void theApiIsThrottledRegistrationsMoreAndLeavesCorsToTheFunction() {
        Map<String, Object> api = properties("ReaderHttpApi");
        assertThat(api).as("CORS headers from API Gateway would cover registration answers too").doesNotContainKey("CorsConfiguration");
        assertThat(map(api.get("DefaultRouteSettings"))).containsKeys("ThrottlingBurstLimit", "ThrottlingRateLimit");
        Map<String, Object> events = map(properties("ReaderApiFunction").get("Events"));
        for (Trigger.HttpApi route : template.function("reader-api").triggers(Trigger.HttpApi.class)) {
            if (route.path().contains("/registrations")) {
                Map<String, Object> settings = map(map(map(events.get(route.eventId())).get("Properties")).get("RouteSettings"));
                assertThat(((Number) settings.get("ThrottlingRateLimit")).doubleValue()).as(route.path())
                        .isLessThan(((Number) map(api.get("DefaultRouteSettings")).get("ThrottlingRateLimit")).doubleValue());
            }
        }
    }

    @Test
    void tablesAreOnDemandWithPointInTimeRecoveryAndExpiry() {
        for (var table : template.tables()) {
            Map<String, Object> properties = properties(table.logicalId());
            assertThat(properties).as(table.logicalId()).containsEntry("BillingMode", "PAY_PER_REQUEST")
                    .containsEntry("PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true))
                    // Which attribute expires an item is its store's to say (its module's template test checks it).
                    .extractingByKey("TimeToLiveSpecification").asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("Enabled", true);
            assertThat(template.resources().get(table.logicalId())).containsEntry("DeletionPolicy", "Retain");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(String logicalId) {
        return (Map<String, Object>) template.resources().get(logicalId).get("Properties");
    }
}
