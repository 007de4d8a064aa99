package eu.s3cop.reader;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import eu.s3cop.catalogue.WebinarPage;
import eu.s3cop.core.PresignedLinks;
import eu.s3cop.webinar.model.Invites;
import eu.s3cop.webinar.model.Material;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.webinar.store.StoredWebinar;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The webinar routes that read: listings, one webinar, invites, the calendar feed (never the
 * join link, which only registrants receive, by email) and the downloads of the materials an
 * event lists. Registering is {@link RegistrationsApi}'s.
 */
final class WebinarsApi {

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,80}");

    private final ReaderConfig config;
    private final DynamoDbWebinarStore store;
    private final PresignedLinks links;
    private final Clock clock;
    private final WebinarPage webinarPage;

    WebinarsApi(ReaderConfig config, DynamoDbWebinarStore store, PresignedLinks links, Clock clock) {
        this.config = config;
        this.store = store;
        this.links = links;
        this.clock = clock;
        this.webinarPage = new WebinarPage(config.workingGroups());
    }

    APIGatewayV2HTTPResponse list(Map<String, String> query) {
        String group = query.get("working_group");
        if (group != null && !config.workingGroups().contains(group)) {
            throw ApiException.badRequest("working_group '" + group.replaceAll("[^a-z0-9-]", "?") + "' is not a working group; use one of "
                    + String.join(", ", config.workingGroups()) + ".");
        }
        String when = query.getOrDefault("when", "upcoming");
        if (!when.equals("upcoming") && !when.equals("past")) {
            throw ApiException.badRequest("when must be upcoming or past.");
        }
        Instant now = clock.instant();
        // Upcoming ones are a bounded query; the past ones are all the others.
        List<StoredWebinar> webinars = (when.equals("upcoming") ? store.notEndedBy(now) : store.all()).stream()
                .filter(stored -> group == null || stored.webinar().workingGroup().equals(group))
                .filter(stored -> when.equals("upcoming") == stored.webinar().end().isAfter(now))
                .toList();
        List<StoredWebinar> ordered = new ArrayList<>(webinars);
        if (when.equals("past")) {
            Collections.reverse(ordered);
        }
        return Responses.json(Map.of("items", ordered.stream().map(stored -> WebinarJson.of(stored, now)).toList()), 60);
    }

    /** The webinar's page for a browser, its JSON for a program. */
    APIGatewayV2HTTPResponse get(Map<String, String> path, boolean html) {
        StoredWebinar stored = find(id(path));
        if (html) {
            return Responses.html(webinarPage.page(stored, clock.instant()), 60);
        }
        Map<String, Object> body = WebinarJson.of(stored, clock.instant());
        body.put("description", stored.webinar().description());
        return Responses.json(body, 60);
    }

    APIGatewayV2HTTPResponse invite(Map<String, String> path) {
        StoredWebinar stored = find(id(path));
        return Responses.calendar(Invites.calendar(Invites.Kind.PUBLISH,
                List.of(Invites.Entry.published(stored.webinar(), stored.sequence(), stored.updatedAt())), config.senderAddress()),
                stored.webinar().id() + ".ics");
    }

    /**
     * A 302 to a short-lived link that downloads a material the event lists, saved under its own
     * name and type. Only a listed name is signed: whatever else is in the uploads bucket, even in
     * the event's folder (a file that was rejected, say), answers 404.
     */
    APIGatewayV2HTTPResponse material(Map<String, String> path) {
        StoredWebinar stored = find(id(path));
        String id = stored.webinar().id();
        Material material = stored.material(path.getOrDefault("file", ""))
                .orElseThrow(() -> ApiException.notFound("Webinar " + id + " lists no material of that name."));
        URI url = links.get(config.uploadsBucket(), Material.uploadKey(id, material.name()), config.linkExpiry(), Map.of(
                "response-content-type", material.kind().contentType(),
                "response-content-disposition", "attachment; filename=\"" + material.name() + "\""));
        return Responses.redirect(url.toString());
    }

    APIGatewayV2HTTPResponse calendar(Map<String, String> query) {
        String group = query.get("working_group");
        if (group != null && !config.workingGroups().contains(group)) {
            throw ApiException.badRequest("working_group is not a working group; use one of " + String.join(", ", config.workingGroups()) + ".");
        }
        List<Invites.Entry> entries = store.all().stream()
                .filter(stored -> group == null || stored.webinar().workingGroup().equals(group))
                .map(stored -> Invites.Entry.published(stored.webinar(), stored.sequence(), stored.updatedAt()))
                .toList();
        return Responses.calendar(Invites.calendar(Invites.Kind.PUBLISH, entries, config.senderAddress()), "s3cop-webinars.ics");
    }

    /** The webinar, or a 404 that says which one is missing. */
    StoredWebinar find(String id) {
        return store.get(id).orElseThrow(() -> ApiException.notFound("No webinar " + id + "."));
    }

    static String id(Map<String, String> path) {
        String id = path.getOrDefault("id", "");
        if (!ID.matcher(id).matches()) {
            throw ApiException.badRequest("A webinar id is 1 to 80 lower-case letters, digits and hyphens.");
        }
        return id;
    }
}
