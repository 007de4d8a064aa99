package eu.s3cop.refresh;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import eu.s3cop.catalogue.CatalogueSite;
import eu.s3cop.catalogue.SiteConfig;
import eu.s3cop.core.InvocationLog;
import eu.s3cop.core.PrimedHandler;
import eu.s3cop.publications.ListingStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites the catalogue site when briefs are listed. The publications table's stream brings,
 * in batches, the publications whose listing a publication just wrote (the template's filter
 * passes only those); one refresh serves the whole batch, however many briefs it lists, so a
 * burst of publications rewrites the pages a few times rather than once each, and publishing
 * never waits for the site. A stream's batches arrive one at a time and in order, so an older
 * refresh never overwrites a newer one. A failed batch is retried whole; pages are always
 * rewritten from what is stored, so a retry or a repeat writes the same pages.
 */
public final class RefreshCatalogueHandler extends PrimedHandler implements RequestHandler<DynamodbEvent, Void> {

    private static final Map<String, String> UNITS = Map.of("ListingsRefreshed", "Count");

    private final CatalogueSite site;

    /** Lambda's entry point: configuration from the process environment. */
    public RefreshCatalogueHandler() {
        this(System.getenv());
    }

    /** The local stack's entry point: the environment the template describes. */
    public RefreshCatalogueHandler(Map<String, String> variables) {
        super(variables);
        this.site = new CatalogueSite(clients().s3(), clients().dynamoDb(), SiteConfig.from(environment()), Clock.systemUTC());
    }

    @Override
    protected void prime() {
        site.prime();
    }

    @Override
    public Void handleRequest(DynamodbEvent event, Context context) {
        long started = System.nanoTime();
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        Set<String> groups = ListingStream.listedWorkingGroups(records);
        // The run's subject is what it refreshes: each line names the groups whose pages it rewrote.
        InvocationLog log = log(context, "workingGroups", String.join(",", groups));
        try {
            site.refresh(groups);
        } catch (RuntimeException e) {
            log.error("refresh failed; the stream delivers the batch again", e);
            throw e;
        }
        log.info("catalogue refreshed", Map.of("listings", records.size(), "durationMs", (System.nanoTime() - started) / 1_000_000));
        log.metrics(Map.of("ListingsRefreshed", records.size()), UNITS);
        return null;
    }
}
