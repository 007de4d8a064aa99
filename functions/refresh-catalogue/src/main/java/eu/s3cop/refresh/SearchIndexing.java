package eu.s3cop.refresh;

import eu.s3cop.core.S3Reads;
import eu.s3cop.publications.BriefFiles;
import eu.s3cop.publications.ListingFilter;
import eu.s3cop.publications.ListingPage;
import eu.s3cop.publications.Publication;
import eu.s3cop.publications.PublicationListings;
import eu.s3cop.search.IndexedBrief;
import eu.s3cop.search.SearchIndexWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Keeps the search index as current as the site: the briefs a stream batch lists go into it with
 * the words publishing stored beside their PDF. A catalogue older than its index is put in a page
 * of listings at a time, for a bounded time in each run, the schedule's runs going on until done.
 */
final class SearchIndexing {

    /** A run's time for putting older briefs in, well within the function's timeout. */
    static final Duration BACKFILL_TIME = Duration.ofSeconds(10);
    private static final int BACKFILL_PAGE = 100;

    /** What a run put in the index. */
    record Indexed(int briefs, boolean complete, SearchIndexWriter.Written written) {
    }

    private final S3Client s3;
    private final String bucket;
    private final PublicationListings listings;
    private final SearchIndexWriter writer;

    /** @param directory where the container keeps its copy; null for a new folder of its temporary space */
    SearchIndexing(S3Client s3, DynamoDbClient dynamoDb, String bucket, String table, Path directory) {
        this.s3 = s3;
        this.bucket = bucket;
        this.listings = new PublicationListings(dynamoDb, table);
        this.writer = directory == null ? new SearchIndexWriter(s3, bucket) : new SearchIndexWriter(s3, bucket, directory);
    }

    /** Puts the listed briefs in the index, and older ones while any are missing; empty when there was nothing to do. */
    Optional<Indexed> index(Collection<Publication> listed) {
        SearchIndexWriter.Backfill backfill = writer.backfill();
        Map<String, Publication> briefs = new LinkedHashMap<>();
        listed.forEach(publication -> briefs.merge(publication.id(), publication, SearchIndexing::newer));
        long until = System.nanoTime() + BACKFILL_TIME.toNanos();
        SearchIndexWriter.Backfill after = backfill;
        while (!after.complete() && System.nanoTime() < until) {
            ListingPage page = listings.list(ListingFilter.all(), BACKFILL_PAGE, after.next());
            page.items().forEach(publication -> briefs.merge(publication.id(), publication, SearchIndexing::newer));
            after = page.next() == null ? SearchIndexWriter.Backfill.COMPLETE : new SearchIndexWriter.Backfill(false, page.next());
        }
        if (briefs.isEmpty() && after.equals(backfill)) {
            return Optional.empty();
        }
        List<IndexedBrief> indexed = briefs.values().stream().map(publication -> new IndexedBrief(publication, text(publication))).toList();
        return Optional.of(new Indexed(indexed.size(), after.complete(), writer.write(indexed, after)));
    }

    /** The words publishing stored for the version; none for a version published before it stored them. */
    private String text(Publication publication) {
        return S3Reads.ifPresent(() -> s3.getObjectAsBytes(get -> get.bucket(bucket).key(BriefFiles.text(publication.id(), publication.latestVersion()))))
                .map(bytes -> bytes.asString(StandardCharsets.UTF_8)).orElse("");
    }

    private static Publication newer(Publication one, Publication other) {
        return other.latestVersion() > one.latestVersion() ? other : one;
    }
}
