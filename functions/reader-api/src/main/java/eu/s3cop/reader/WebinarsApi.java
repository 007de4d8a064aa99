package eu.s3cop.reader;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.jr.ob.JSON;
import eu.s3cop.webinar.model.Invites;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.webinar.store.Registrations;
import eu.s3cop.webinar.store.StoredWebinar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The webinar routes: listings, one webinar, invites and the calendar feed (never the join link,
 * which only registrants receive, by email), and registration. Registrants' names and emails
 * go into the table and nowhere else: not into answers, not into logs.
 */
final class WebinarsApi {

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,80}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,64}");
    /** ASCII only: SES refuses other characters in an address's local part, and a look-alike domain is a phishing tool. */
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    /**
     * Letters of any script, spaces, hyphens and apostrophes: a name begins every email we send,
     * so it must not be able to carry a link, an address or a sentence of someone else's.
     */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}](?:[\\p{L}\\p{M} '\u2019-]*[\\p{L}\\p{M}])?");
    private static final int MAX_BODY = 4096;

    private final ReaderConfig config;
    private final DynamoDbWebinarStore store;
    private final Registrations registrations;
    private final Clock clock;

    WebinarsApi(ReaderConfig config, DynamoDbWebinarStore store, Registrations registrations, Clock clock) {
        this.config = config;
        this.store = store;
        this.registrations = registrations;
        this.clock = clock;
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
        List<StoredWebinar> ordered = new java.util.ArrayList<>(webinars);
        if (when.equals("past")) {
            java.util.Collections.reverse(ordered);
        }
        return Responses.json(Map.of("items", ordered.stream().map(stored -> summary(stored, now)).toList()), 60);
    }

    APIGatewayV2HTTPResponse get(Map<String, String> path) {
        StoredWebinar stored = webinar(path);
        Map<String, Object> body = summary(stored, clock.instant());
        body.put("description", stored.webinar().description());
        return Responses.json(body, 60);
    }

    APIGatewayV2HTTPResponse invite(Map<String, String> path) {
        StoredWebinar stored = webinar(path);
        return Responses.calendar(Invites.calendar(Invites.Kind.PUBLISH,
                List.of(Invites.Entry.published(stored.webinar(), stored.sequence(), stored.updatedAt())), config.senderAddress()),
                stored.webinar().id() + ".ics");
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

    APIGatewayV2HTTPResponse register(Map<String, String> path, String contentType, String body, boolean base64) {
        String id = id(path);
        if (!contentType.toLowerCase(java.util.Locale.ROOT).strip().matches("application/json\\s*(;.*)?")) {
            // A text/plain post is what a page of another site can send without asking first.
            throw new ApiException(415, "Send the registration as JSON, with Content-Type: application/json.");
        }
        Map<String, Object> request = json(body, base64);
        String name = field(request, "name", 120);
        if (!NAME.matcher(name).matches()) {
            throw ApiException.badRequest("name may hold only letters, spaces, hyphens and apostrophes, such as Jana Nováková or Seán O'Brien.");
        }
        String email = field(request, "email", 254);
        if (!EMAIL.matcher(email).matches()) {
            throw ApiException.badRequest("email is not an address such as name@example.org written in ASCII letters, digits and punctuation"
                    + " (addresses with other characters cannot be delivered).");
        }
        StoredWebinar stored = store.get(id).orElseThrow(() -> ApiException.notFound("No webinar " + id + "."));
        Instant now = clock.instant();
        Webinar webinar = stored.webinar();
        if (webinar.cancelled()) {
            throw new ApiException(410, "Webinar " + id + " was cancelled; there is nothing to register for.");
        }
        if (!webinar.start().isAfter(now)) {
            throw new ApiException(410, "Webinar " + id + " has already taken place" + (webinar.recordingUrl().isEmpty() ? "." : "; its recording is linked from its page."));
        }
        if (!webinar.closes().isAfter(now)) {
            throw new ApiException(409, "Registration for webinar " + id + " closed at " + webinar.closes() + ".");
        }
        if (!registrations.withinRate(id, now)) {
            throw new ApiException(429, "Webinar " + id + " is taking many registrations right now; nothing was changed. Try again in a minute.");
        }
        Registrations.Outcome outcome = registrations.register(id, name, email, now, webinar.end().plus(config.retention()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("webinar", id);
        if (outcome instanceof Registrations.Registered registered) {
            answer.put("status", "REGISTERED");
            answer.put("token", registered.token());
            answer.put("links", Map.of("cancel", "/webinars/" + id + "/registrations/" + registered.token()));
            return Responses.created(answer);
        }
        if (outcome instanceof Registrations.AlreadyRegistered already) {
            answer.put("status", "ALREADY_REGISTERED");
            answer.put("token", already.token());
            answer.put("links", Map.of("cancel", "/webinars/" + id + "/registrations/" + already.token()));
            return Responses.json(answer, 0);
        }
        if (outcome instanceof Registrations.Full full) {
            throw new ApiException(409, "Webinar " + id + " is full: all " + full.capacity() + " places are taken.");
        }
        throw new ApiException(409, "Webinar " + id + " changed while you registered; try again.");
    }

    APIGatewayV2HTTPResponse unregister(Map<String, String> path) {
        String id = id(path);
        String token = path.getOrDefault("token", "");
        if (!TOKEN.matcher(token).matches()) {
            throw ApiException.badRequest("The cancellation token is not one this service gives out.");
        }
        if (!registrations.unregister(id, token)) {
            throw ApiException.notFound("No registration for webinar " + id + " has that token; it may have been cancelled already.");
        }
        return Responses.noContent();
    }

    private StoredWebinar webinar(Map<String, String> path) {
        String id = id(path);
        return store.get(id).orElseThrow(() -> ApiException.notFound("No webinar " + id + "."));
    }

    private static String id(Map<String, String> path) {
        String id = path.getOrDefault("id", "");
        if (!ID.matcher(id).matches()) {
            throw ApiException.badRequest("A webinar id is 1 to 80 lower-case letters, digits and hyphens.");
        }
        return id;
    }

    private static Map<String, Object> json(String body, boolean base64) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("Send {\"name\": ..., \"email\": ...} as JSON.");
        }
        String text = base64 ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
        if (text.length() > MAX_BODY) {
            throw ApiException.badRequest("The request body is longer than " + MAX_BODY + " characters.");
        }
        try {
            Map<String, Object> map = JSON.std.mapFrom(text);
            if (map == null) {
                throw ApiException.badRequest("Send {\"name\": ..., \"email\": ...} as JSON.");
            }
            return map;
        } catch (IOException | IllegalArgumentException e) {
            throw ApiException.badRequest("The body is not JSON; send {\"name\": ..., \"email\": ...}.");
        }
    }

    private static String field(Map<String, Object> request, String name, int max) {
        Object value = request.get(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw ApiException.badRequest(name + " is required.");
        }
        String clean = text.strip();
        if (clean.length() > max || clean.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest(name + " must be one line of at most " + max + " characters.");
        }
        return clean;
    }

    private static Map<String, Object> summary(StoredWebinar stored, Instant now) {
        Webinar webinar = stored.webinar();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", webinar.id());
        summary.put("title", webinar.title());
        summary.put("working_group", webinar.workingGroup());
        summary.put("starts", webinar.start().toString());
        summary.put("ends", webinar.end().toString());
        summary.put("local_start", webinar.starts().toString());
        summary.put("timezone", webinar.timezone().getId());
        summary.put("speakers", webinar.speakers().stream().map(speaker -> Map.of("name", speaker.name(), "role", speaker.role())).toList());
        summary.put("status", webinar.cancelled() ? "cancelled" : now.isBefore(webinar.start()) ? "upcoming" : now.isBefore(webinar.end()) ? "live" : "past");
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("open", !webinar.cancelled() && now.isBefore(webinar.closes()) && now.isBefore(webinar.start())
                && (webinar.capacity() == 0 || stored.registered() < webinar.capacity()));
        registration.put("closes", webinar.closes().toString());
        if (webinar.capacity() > 0) {
            registration.put("places_left", Math.max(0, webinar.capacity() - stored.registered()));
        }
        summary.put("registration", registration);
        if (!webinar.recordingUrl().isEmpty() && !now.isBefore(webinar.end())) {
            summary.put("recording_url", webinar.recordingUrl());
        }
        summary.put("sequence", stored.sequence());
        summary.put("links", Map.of("self", "/webinars/" + webinar.id(), "invite", "/webinars/" + webinar.id() + "/invite.ics",
                "register", "/webinars/" + webinar.id() + "/registrations"));
        return summary;
    }
}
