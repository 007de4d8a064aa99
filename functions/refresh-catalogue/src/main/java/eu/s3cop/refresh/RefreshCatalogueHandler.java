package eu.s3cop.refresh;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import eu.s3cop.catalogue.CatalogueSite;
import eu.s3cop.catalogue.ReadingPages;
import eu.s3cop.catalogue.SiteConfig;
import eu.s3cop.core.InvocationLog;
import eu.s3cop.core.PrimedHandler;
import eu.s3cop.groups.store.DynamoDbRegistryStore;
import eu.s3cop.publications.ListingStream;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.publications.Publication;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The catalogue site's only writer. It learns what changed from both tables' streams (briefs
 * listed; a webinar's file or its places taken; a working group's registry) and, for what the
 * clock changes (a webinar's registration closing, its start, its end), from a schedule of its
 * own, and rewrites the pages those changes show on. A stream batch serves however many changes
 * it brings, so a burst rewrites the pages a few times rather than once each, and nobody who
 * uploads waits for the site. The function runs one invocation at a time (the template reserves
 * it a concurrency of one), so a refresh that read the tables earlier never finishes after one
 * that read them later; every refresh writes from what is stored, so a retry writes the same pages.
 *
 * <p>One handler takes both kinds of event, so its input is the event's JSON as a map: a stream
 * batch has {@code Records}, a scheduled event has {@code time}.
 */
public final class RefreshCatalogueHandler extends PrimedHandler implements RequestHandler<Map<String, Object>, Void> {

    private static final Map<String, String> UNITS = Map.of("ListingsRefreshed", "Count", "PagesWritten", "Count");

    private final CatalogueSite site;
    private final SearchIndexing search;
    private final ReadingPages reading;
    private final List<String> workingGroups;
    private final Clock clock;

    /** Lambda's entry point: configuration from the process environment. */
    public RefreshCatalogueHandler() {
        this(System.getenv());
    }

    /** The local stack's entry point: the environment the template describes. */
    public RefreshCatalogueHandler(Map<String, String> variables) {
        super(variables);
        SiteConfig config = SiteConfig.from(environment());
        this.site = new CatalogueSite(clients().s3(), clients().dynamoDb(), config);
        String publicationsBucket = environment().required("PUBLICATIONS_BUCKET");
        this.search = new SearchIndexing(clients().s3(), clients().dynamoDb(), publicationsBucket, config.publicationsTable(), null);
        this.reading = new ReadingPages(clients().s3(), publicationsBucket, config);
        this.workingGroups = config.workingGroups();
        this.clock = Clock.systemUTC();
    }

    @Override
    protected void prime() {
        site.prime();
    }

    @Override
    public Void handleRequest(Map<String, Object> event, Context context) {
        long started = System.nanoTime();
        List<?> records = event.get("Records") instanceof List<?> batch ? batch : null;
        CatalogueSite.Changes changes = records == null ? new CatalogueSite.Changes(Set.of(), Set.of(), Set.of(), true) : changes(records);
        List<Publication> listed = records == null ? List.of() : listed(records);
        // A scheduled run lays the pages out as of its scheduled time, so a late or repeated run writes what the planned one would.
        Instant now = records == null && event.get("time") instanceof String time ? Instant.parse(time) : clock.instant();
        // The run's subject is what it refreshes: groups and webinars by their codes, never anything personal.
        InvocationLog log = records == null ? log(context, "scheduledTime", now.toString()) : log(context, "workingGroups", groups(changes));
        CatalogueSite.Written written;
        ReadingPages.Written read;
        Optional<SearchIndexing.Indexed> indexed;
        try {
            // The versions' own pages before the lists that link to them.
            read = reading.write(listed);
            written = site.refresh(changes, now);
            indexed = search.index(listed);
        } catch (RuntimeException e) {
            log.error("refresh failed; the " + (records == null ? "schedule's next run makes it good" : "stream delivers the batch again"), e);
            throw e;
        }
        long listings = records == null ? 0 : records.stream().filter(record -> !map(map(map(record).get("dynamodb")).get("NewImage")).isEmpty()).count();
        log.info("catalogue refreshed", Map.of("listings", listings, "webinars", String.join(",", changes.webinars().stream().sorted().toList()),
                "registries", String.join(",", changes.registries().stream().sorted().toList()), "pages", String.join(",", written.keys()), "versionPages", String.join(",", read.keys()),
                "durationMs", (System.nanoTime() - started) / 1_000_000));
        if (!read.missing().isEmpty()) {
            log.warn("listed versions without their article, so without a page: " + String.join(",", read.missing()), null);
        }
        indexed.ifPresent(index -> log.info("search index written", Map.of("briefs", index.briefs(), "backfillComplete", index.complete(),
                "bytesStored", index.written().bytesStored(), "bytesFetched", index.written().bytesFetched(), "indexBytes", index.written().indexBytes())));
        log.metrics(Map.of("ListingsRefreshed", listings, "PagesWritten", written.keys().size()), UNITS);
        return null;
    }

    /**
     * What a stream batch says changed. The stores own their keys: each says which of its items
     * a record's keys name; the publications' listings come with their new image, the webinars
     * table's records with their keys only, so nothing personal reaches this function.
     */
    private static CatalogueSite.Changes changes(List<?> records) {
        Set<String> listed = new TreeSet<>();
        Set<String> webinars = new TreeSet<>();
        Set<String> registries = new TreeSet<>();
        for (Object record : records) {
            Map<?, ?> change = map(map(record).get("dynamodb"));
            Map<?, ?> keys = map(change.get("Keys"));
            String partitionKey = string(keys.get("pk"));
            String sortKey = string(keys.get("sk"));
            DynamoDbWebinarStore.changedWebinar(partitionKey, sortKey).ifPresent(webinars::add);
            DynamoDbRegistryStore.changedRegistry(partitionKey, sortKey).ifPresent(registries::add);
            Map<?, ?> image = map(change.get("NewImage"));
            if (ListingStream.listedPublication(image).isPresent()) {
                // The home page lists every publication, the secretariat's for the whole community among them.
                listed.add(ListingStream.listedWorkingGroup(image).orElseThrow());
                listed.addAll(ListingStream.listedWorkingGroups(image));
            }
        }
        return new CatalogueSite.Changes(listed, webinars, registries, false);
    }

    /** The publications a stream batch lists, from the records' new images. */
    private static List<Publication> listed(List<?> records) {
        return records.stream().map(record -> ListingStream.listedPublication(map(map(map(record).get("dynamodb")).get("NewImage"))))
                .flatMap(Optional::stream).toList();
    }

    /** The groups whose pages a stream batch's changes show on; "none" for a batch that names nothing of the site. */
    private String groups(CatalogueSite.Changes changes) {
        Set<String> groups = new TreeSet<>(changes.listedIn());
        groups.addAll(changes.registries());
        if (!changes.webinars().isEmpty()) {
            groups.addAll(workingGroups);
        }
        return groups.isEmpty() ? "none" : String.join(",", groups);
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> found ? found : Map.of();
    }

    /** A key attribute's string, as a stream record writes it: {"S": "..."}. */
    private static String string(Object attribute) {
        return map(attribute).get("S") instanceof String text ? text : null;
    }
}
