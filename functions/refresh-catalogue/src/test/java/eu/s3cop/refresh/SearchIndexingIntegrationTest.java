package eu.s3cop.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.publications.BriefFiles;
import eu.s3cop.publications.DynamoDbPublicationStore;
import eu.s3cop.publications.Metadata;
import eu.s3cop.publications.PublishedVersion;
import eu.s3cop.search.CatalogueSearch;
import eu.s3cop.search.SearchIndexWriter;
import eu.s3cop.search.SearchQuery;
import eu.s3cop.search.SearchResults;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.testing.LocalAws;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The search index as refresh-catalogue keeps it from the table's stream, and as the reader API reads it, on a stack of its own. */
@LocalAws
class SearchIndexingIntegrationTest {

    private static final String GROUP = "innovation-diffusion";
    /** The backfill's group: the stack is the class's, and the other test's briefs are in the listings too. */
    private static final String OLDER = "interregional-cooperation";

    @Test
    void aListedBriefsWordsAreSearchableAndANewVersionReplacesThem(LocalCloud stack, @TempDir Path copy) {
        DynamoDbPublicationStore store = new DynamoDbPublicationStore(stack.dynamoDbClient(), stack.table("PublicationsTable"));
        String bucket = stack.bucket("PublicationsBucket");
        AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
        CatalogueSearch search = new CatalogueSearch(SearchIndexWriter.reads(stack.s3Client(), bucket), copy, new MovableClock(now));
        assertThat(search.search(query("voucher"))).as("no index before the first listing").isEmpty();

        publish(stack, store, GROUP, "cloud-support", 1, "Regions tested a voucher for cloud computing in small firms.");
        stack.awaitIdle(Duration.ofSeconds(30));
        SearchResults found = search.search(query("vouchers")).orElseThrow();
        assertThat(found.hits()).singleElement().satisfies(hit -> {
            assertThat(hit.publication().id()).isEqualTo(GROUP + "/cloud-support");
            assertThat(hit.snippet()).contains(new SearchResults.Snippet("voucher", true));
        });

        publish(stack, store, GROUP, "cloud-support", 2, "Regions tested innovation coupons instead.");
        publish(stack, store, GROUP, "peer-reviews", 1, "Peer reviews between regions, and a voucher scheme among them.");
        stack.awaitIdle(Duration.ofSeconds(30));
        assertThat(ids(search.search(query("voucher")).orElseThrow())).as("the copy is not asked again within its interval")
                .containsExactly(GROUP + "/cloud-support");
        now.set(now.get().plus(CatalogueSearch.CHECK_EVERY));
        assertThat(ids(search.search(query("voucher")).orElseThrow())).containsExactly(GROUP + "/peer-reviews");
        assertThat(ids(search.search(query("coupons")).orElseThrow())).containsExactly(GROUP + "/cloud-support");
        assertThat(search.search(query("coupons")).orElseThrow().hits().get(0).publication().latestVersion()).isEqualTo(2);
        assertThat(copy.toFile().list()).as("the copy holds one commit").doesNotContain("segments_1");
    }

    @Test
    void aCatalogueOlderThanItsIndexIsPutInAPageAtATime(LocalCloud stack, @TempDir Path writerCopy, @TempDir Path readerCopy) {
        DynamoDbPublicationStore store = new DynamoDbPublicationStore(stack.dynamoDbClient(), stack.table("PublicationsTable"));
        for (int i = 0; i < 230; i++) {
            publish(stack, store, OLDER, "older-" + i, 1, "Brief number " + i + " on smart specialisation.");
        }
        stack.awaitIdle(Duration.ofSeconds(60));
        // Without its index: what a deployment whose catalogue predates search meets.
        String bucket = stack.bucket("PublicationsBucket");
        stack.s3Client().listObjectsV2Paginator(list -> list.bucket(bucket).prefix("search/")).contents()
                .forEach(object -> stack.s3Client().deleteObject(delete -> delete.bucket(bucket).key(object.key())));
        SearchIndexing indexing = new SearchIndexing(stack.s3Client(), stack.dynamoDbClient(), bucket, stack.table("PublicationsTable"), writerCopy);

        SearchIndexing.Indexed first = indexing.index(List.of()).orElseThrow();
        assertThat(first.complete()).isTrue();
        assertThat(first.briefs()).isGreaterThanOrEqualTo(230);
        assertThat(indexing.index(List.of())).as("nothing left to do").isEmpty();
        CatalogueSearch search = new CatalogueSearch(SearchIndexWriter.reads(stack.s3Client(), bucket), readerCopy, Clock.systemUTC());
        assertThat(search.search(new SearchQuery("", OLDER, null, null, null, false, 0, 10)).orElseThrow().total()).isEqualTo(230);
        assertThat(search.search(query("specialisation")).orElseThrow().total()).isEqualTo(230);
        assertThat(ids(search.search(query("229")).orElseThrow())).containsExactly(OLDER + "/older-229");
        List<String> stored = stack.s3Client().listObjectsV2Paginator(list -> list.bucket(bucket).prefix("search/")).contents().stream().map(S3Object::key).toList();
        assertThat(stored).contains("search/v1/index.json").allMatch(key -> key.startsWith("search/v1/"));
    }

    private static SearchQuery query(String text) {
        return new SearchQuery(text, null, null, null, null, false, 0, 10);
    }

    private static List<String> ids(SearchResults results) {
        return results.hits().stream().map(hit -> hit.publication().id()).toList();
    }

    /** Lists a version as publishing does: its words stored beside its PDF, its version claimed, then completed. */
    private static void publish(LocalCloud stack, DynamoDbPublicationStore store, String group, String slug, int version, String words) {
        String id = group + "/" + slug;
        stack.s3Client().putObject(put -> put.bucket(stack.bucket("PublicationsBucket")).key(BriefFiles.text(id, version)), RequestBody.fromString(words));
        String draftKey = "drafts/" + id + ".md";
        Instant at = LocalDate.parse("2024-05-23").atTime(9, 0).toInstant(ZoneOffset.UTC).plusSeconds(version);
        Metadata meta = new Metadata("A brief called " + slug, "policy-brief", group, List.of("Alison Hunter"), LocalDate.parse("2024-05-23"), "en", "", List.of());
        String draftSha256 = "draft-" + version + "-of-" + id;
        store.claim(id, version, draftSha256, draftKey, at);
        store.complete(new PublishedVersion(id, version, meta, BriefFiles.pdf(id, version), 2, 1024, "pdf-of-" + id, draftSha256, draftKey, "AWS:LOCAL", at));
    }

    private static final class MovableClock extends Clock {

        private final AtomicReference<Instant> now;

        MovableClock(AtomicReference<Instant> now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
