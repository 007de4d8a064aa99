package eu.s3cop.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.catalogue.CatalogueSite;
import eu.s3cop.catalogue.SiteConfig;
import eu.s3cop.core.AwsClients;
import eu.s3cop.core.FunctionEnvironment;
import eu.s3cop.publications.DynamoDbPublicationStore;
import eu.s3cop.publications.Metadata;
import eu.s3cop.publications.PublishedVersion;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.testing.LocalAws;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** What the catalogue asks the index when a publication refreshes it, on a stack of its own. */
@LocalAws
class CatalogueRefreshIntegrationTest {

    private static final String PUBLISHING = "innovation-diffusion";
    private static final String OLDER = "interregional-cooperation";
    private static final String EMPTY = "industrial-transition";

    @Test
    void aGroupOnceSeenWithBriefsIsNotAskedAgainAndAGroupWithoutAnyStillGetsItsPage(LocalCloud stack) {
        String table = stack.table("PublicationsTable");
        DynamoDbPublicationStore store = new DynamoDbPublicationStore(stack.dynamoDbClient(), table);
        // One older brief in a group, then 31 newer ones elsewhere: the older group is not among the newest.
        publish(store, OLDER, "older-brief", LocalDate.parse("2098-01-01"));
        for (int i = 1; i <= 31; i++) {
            publish(store, PUBLISHING, "newer-brief-" + i, LocalDate.parse("2099-01-01"));
        }
        Map<String, Integer> groupsAsked = new ConcurrentHashMap<>();
        ExecutionInterceptor counting = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof QueryRequest query) {
                    // Which group a query asks about shows in its values: the newest briefs of all groups name none.
                    for (String group : List.of(PUBLISHING, EMPTY, OLDER)) {
                        if (query.expressionAttributeValues().values().stream().anyMatch(value -> String.valueOf(value.s()).endsWith(group))) {
                            groupsAsked.merge(group, 1, Integer::sum);
                        }
                    }
                }
            }
        };
        DynamoDbClient counted = AwsClients.from(FunctionEnvironment.of(stack.environment("refresh-catalogue")))
                .configure(DynamoDbClient.builder(), "DYNAMODB")
                .overrideConfiguration(override -> override.addExecutionInterceptor(counting))
                .build();
        String site = stack.bucket("SiteBucket");
        CatalogueSite catalogue = new CatalogueSite(stack.s3Client(), counted,
                new SiteConfig(table, stack.table("WebinarsTable"), site, List.of(PUBLISHING, EMPTY, OLDER), null));

        catalogue.refresh(CatalogueSite.Changes.listed(Set.of(PUBLISHING)), Instant.now());
        assertThat(groupsAsked).containsEntry(OLDER, 1).containsEntry(EMPTY, 1);
        catalogue.refresh(CatalogueSite.Changes.listed(Set.of(PUBLISHING)), Instant.now());
        // Briefs are never unlisted: the older group still has one, and is not asked again.
        assertThat(groupsAsked).containsEntry(OLDER, 1).containsEntry(EMPTY, 2);
        assertThat(stack.s3Client().listObjectsV2(list -> list.bucket(site).prefix("working-groups/")).contents())
                .extracting(object -> object.key()).contains("working-groups/" + EMPTY + ".html", "working-groups/" + PUBLISHING + ".html");
    }

    /** Indexes a brief as publishing does: its version claimed, then completed. */
    private static void publish(DynamoDbPublicationStore store, String group, String slug, LocalDate date) {
        String id = group + "/" + slug;
        String draftKey = "drafts/" + group + "/" + slug + ".md";
        Instant at = date.atTime(9, 0).toInstant(ZoneOffset.UTC);
        Metadata meta = new Metadata("A brief called " + slug, "policy-brief", group, List.of("Alison Hunter"), date, "en", "", List.of());
        String draftSha256 = "draft-of-" + id;
        store.claim(id, 1, draftSha256, draftKey, at);
        store.complete(new PublishedVersion(id, 1, meta, "briefs/" + id + "/v1.pdf", 2, 1024, "pdf-of-" + id, draftSha256, draftKey, "AWS:LOCAL", at));
    }
}
