package eu.s3cop.lists;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import eu.s3cop.core.InvocationLog;
import eu.s3cop.core.PrimedHandler;
import eu.s3cop.webinar.model.WebinarReader;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.webinar.store.RegistrationChanges;
import eu.s3cop.webinar.store.RegistrationList;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps the secretariat's list of each webinar's registrations, and the event's participation
 * figures, in step with the registrations. The webinars table's stream brings every change to a
 * registration (keys only: nothing personal travels), gathered over a batching window; each
 * webinar a batch touches has its list and figures written once, from what the table holds.
 *
 * <p>What cannot be read is logged and skipped, never retried: a record that names no
 * registration of a webinar, and a webinar whose registrations hold something unreadable. Only a
 * failure to reach DynamoDB or S3 fails the batch, which Lambda then delivers again; writing
 * again writes the same.
 */
public final class RegistrationListsHandler extends PrimedHandler implements RequestHandler<Map<String, Object>, Void> {

    private static final Map<String, String> UNITS = Map.of("ListsWritten", "Count", "ListsDeleted", "Count",
            "FiguresCounted", "Count", "RecordsSkipped", "Count", "ListsSkipped", "Count");

    private final SecretariatLists lists;
    private final Clock clock;

    /** Lambda's entry point: configuration from the process environment. */
    public RegistrationListsHandler() {
        this(System.getenv());
    }

    /** The local stack's entry point: the environment the template describes. */
    public RegistrationListsHandler(Map<String, String> variables) {
        super(variables);
        ListsConfig config = ListsConfig.from(environment());
        this.lists = new SecretariatLists(new RegistrationList(clients().dynamoDb(), config.webinarsTable()),
                new DynamoDbWebinarStore(clients().dynamoDb(), config.webinarsTable()), clients().s3(), config.uploadsBucket());
        this.clock = Clock.systemUTC();
    }

    @Override
    protected void prime() {
        lists.prime();
    }

    @Override
    public Void handleRequest(Map<String, Object> event, Context context) {
        long started = System.nanoTime();
        List<?> records = event.get("Records") instanceof List<?> batch ? batch : List.of();
        Set<String> webinars = new TreeSet<>();
        int unread = 0;
        for (Object record : records) {
            Optional<String> webinar = webinarOf(record);
            if (webinar.isPresent()) {
                webinars.add(webinar.get());
            } else {
                unread++;
            }
        }
        // The batch's subject is the webinars it concerns: their ids, never a registrant's key or address.
        InvocationLog log = log(context, "webinars", webinars.isEmpty() ? "none" : String.join(",", webinars));
        if (unread > 0) {
            log.warn(unread + " of " + records.size() + " records name no registration of a webinar; skipped", null);
        }
        Instant now = clock.instant();
        int written = 0;
        int deleted = 0;
        int counted = 0;
        int skipped = 0;
        for (String webinar : webinars) {
            try {
                SecretariatLists.Refreshed refreshed = lists.refresh(webinar, now);
                written += refreshed.registrations() > 0 ? 1 : 0;
                deleted += refreshed.registrations() == 0 ? 1 : 0;
                counted += refreshed.figuresCounted() ? 1 : 0;
            } catch (DateTimeException | IllegalArgumentException unreadable) {
                // Delivering the batch again would read the same: the list waits for the item to be put right.
                log.error("list of " + webinar + " not written: one of its registrations cannot be read", unreadable);
                skipped++;
            }
        }
        log.info("lists refreshed", Map.of("records", records.size(), "listsWritten", written, "listsDeleted", deleted,
                "figuresCounted", counted, "recordsSkipped", unread, "listsSkipped", skipped, "durationMs", (System.nanoTime() - started) / 1_000_000));
        log.metrics(Map.of("ListsWritten", written, "ListsDeleted", deleted, "FiguresCounted", counted, "RecordsSkipped", unread,
                "ListsSkipped", skipped), UNITS);
        return null;
    }

    /** The webinar whose registration a stream record names, by its keys; empty for a record that names none. */
    private static Optional<String> webinarOf(Object record) {
        Map<?, ?> keys = map(map(map(record).get("dynamodb")).get("Keys"));
        return RegistrationChanges.webinarOf(string(keys.get("pk")), string(keys.get("sk")))
                .filter(id -> WebinarReader.ID.matcher(id).matches());
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> found ? found : Map.of();
    }

    /** A key attribute's string, as a stream record writes it: {"S": "..."}. */
    private static String string(Object attribute) {
        return map(attribute).get("S") instanceof String text ? text : null;
    }
}
