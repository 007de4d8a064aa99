package eu.s3cop.reader;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.jr.ob.JSON;
import eu.s3cop.catalogue.RegistrationPages;
import eu.s3cop.catalogue.WebinarPage;
import eu.s3cop.webinar.model.Invites;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.webinar.store.RegistrationLimits;
import eu.s3cop.webinar.store.Registrations;
import eu.s3cop.webinar.store.StoredWebinar;
import java.io.IOException;
import java.net.URLDecoder;
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
 * go into the table and nowhere else: not into answers, not into logs. Registering is double
 * opt-in: a request only sends a link, and the page that link opens confirms or cancels.
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
    private final RegistrationLimits limits;
    private final Clock clock;
    private final RegistrationPages pages;
    private final WebinarPage webinarPage;

    WebinarsApi(ReaderConfig config, DynamoDbWebinarStore store, Registrations registrations, RegistrationLimits limits, Clock clock) {
        this.config = config;
        this.store = store;
        this.registrations = registrations;
        this.limits = limits;
        this.clock = clock;
        this.pages = new RegistrationPages(config.workingGroups());
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
        List<StoredWebinar> ordered = new java.util.ArrayList<>(webinars);
        if (when.equals("past")) {
            java.util.Collections.reverse(ordered);
        }
        return Responses.json(Map.of("items", ordered.stream().map(stored -> summary(stored, now)).toList()), 60);
    }

    /** The webinar's page for a browser, its JSON for a program. */
    APIGatewayV2HTTPResponse get(Map<String, String> path, boolean html) {
        StoredWebinar stored = webinar(path);
        if (html) {
            return Responses.html(webinarPage.page(stored, clock.instant()), 60);
        }
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

    /**
     * A registration request, as JSON or as the catalogue's form: 202 and the same answer whether
     * the address is new or known, and never its token, which only the emailed link carries.
     */
    APIGatewayV2HTTPResponse register(Map<String, String> path, String contentType, String body, boolean base64, boolean html) {
        String id = id(path);
        Map<String, String> request = fields(contentType, body, base64, "{\"name\": ..., \"email\": ...}");
        String name = name(request);
        String email = field(request, "email", 254);
        if (!EMAIL.matcher(email).matches()) {
            throw ApiException.badRequest("email is not an address such as name@example.org written in ASCII letters, digits and punctuation"
                    + " (addresses with other characters cannot be delivered).");
        }
        StoredWebinar stored = store.get(id).orElseThrow(() -> ApiException.notFound("No webinar " + id + "."));
        Instant now = clock.instant();
        open(stored, now);
        if (!limits.withinRate(id, now)) {
            throw new ApiException(429, "Webinar " + id + " is taking many registrations right now; nothing was changed. Try again in a minute.");
        }
        // What the request led to stays here: a new address, a known one, or a link sent too recently are answered alike.
        registrations.request(id, name, email, now);
        if (html) {
            return Responses.page(202, pages.requested(stored.webinar()));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("webinar", id);
        answer.put("status", "REQUESTED");
        answer.put("detail", "If the address can receive email, a link to confirm the registration is on its way; the registration"
                + " holds, and takes a place, once it is confirmed there. The link works for 24 hours.");
        return Responses.accepted(answer);
    }

    /** The page the emailed link opens: the registration's state, and buttons to confirm or cancel. */
    APIGatewayV2HTTPResponse registrationPage(Map<String, String> path) {
        StoredWebinar stored = webinar(path);
        String token = token(path);
        Registrations.Registration registration = registrations.registration(stored.webinar().id(), token, clock.instant())
                .orElseThrow(WebinarsApi::noRegistration);
        return Responses.page(200, pages.registration(stored.webinar(), registration.confirmed(), registration.name(), token));
    }

    /** Confirm or cancel, posted from the registration's page (or as JSON {"action": ...}). */
    APIGatewayV2HTTPResponse registrationAction(Map<String, String> path, String contentType, String body, boolean base64, boolean html) {
        Map<String, String> request = fields(contentType, body, base64, "{\"action\": \"confirm\"} or {\"action\": \"cancel\"}");
        return switch (request.getOrDefault("action", "")) {
            case "confirm" -> confirm(path, request.containsKey("name") ? name(request) : null, html);
            case "cancel" -> cancel(path, html);
            default -> throw ApiException.badRequest("action must be confirm or cancel.");
        };
    }

    private APIGatewayV2HTTPResponse confirm(Map<String, String> path, String name, boolean html) {
        StoredWebinar stored = webinar(path);
        String token = token(path);
        Webinar webinar = stored.webinar();
        Instant now = clock.instant();
        open(stored, now);
        Registrations.Outcome outcome = registrations.confirm(webinar.id(), token, name, now, webinar.end().plus(config.retention()));
        if (outcome instanceof Registrations.Unknown) {
            throw noRegistration();
        }
        if (outcome instanceof Registrations.Full full) {
            throw new ApiException(409, "Webinar " + webinar.id() + " is full: all " + full.capacity() + " places were taken before you confirmed.");
        }
        if (outcome instanceof Registrations.Unavailable) {
            throw new ApiException(409, "Webinar " + webinar.id() + " changed while you confirmed; open the link again.");
        }
        return done(webinar, "CONFIRMED", "You are registered", "Your place is taken. The invite, with the link to join, is on its way by email.", html);
    }

    private APIGatewayV2HTTPResponse cancel(Map<String, String> path, boolean html) {
        StoredWebinar stored = webinar(path);
        if (!registrations.unregister(stored.webinar().id(), token(path))) {
            throw noRegistration();
        }
        return done(stored.webinar(), "CANCELLED", "Registration cancelled", "Your registration is cancelled and your name and address are deleted."
                + " You can register again from the catalogue while registration is open.", html);
    }

    private APIGatewayV2HTTPResponse done(Webinar webinar, String status, String heading, String message, boolean html) {
        if (html) {
            return Responses.page(200, pages.outcome(heading, message, webinar));
        }
        return Responses.json(Map.of("webinar", webinar.id(), "status", status, "detail", message), 0);
    }

    /** Cancels by the token, for programs; the emailed link's page posts instead. */
    APIGatewayV2HTTPResponse unregister(Map<String, String> path) {
        String id = id(path);
        if (!registrations.unregister(id, token(path))) {
            throw noRegistration();
        }
        return Responses.noContent();
    }

    /** Refuses a registration step for a webinar that takes none now, saying why. */
    private static void open(StoredWebinar stored, Instant now) {
        Webinar webinar = stored.webinar();
        String id = webinar.id();
        if (webinar.registrationOpen(now)) {
            if (stored.full()) {
                throw new ApiException(409, "Webinar " + id + " is full: all " + webinar.capacity() + " places are taken.");
            }
            return;
        }
        // Closed: say why, most final reason first.
        if (webinar.cancelled()) {
            throw new ApiException(410, "Webinar " + id + " was cancelled; there is nothing to register for.");
        }
        if (!webinar.start().isAfter(now)) {
            throw new ApiException(410, "Webinar " + id + " has already taken place" + (webinar.recordingUrl().isEmpty() ? "." : "; its recording is linked from its page."));
        }
        throw new ApiException(409, "Registration for webinar " + id + " closed at " + webinar.closes() + ".");
    }

    /** One answer for a token that is malformed, never given, cancelled or expired: none of them tells more. */
    private static ApiException noRegistration() {
        return ApiException.notFound("This link leads to no registration: it was cancelled, or the request was not confirmed within"
                + " 24 hours. Register again from the webinar's entry in the catalogue.");
    }

    private static String token(Map<String, String> path) {
        String token = path.getOrDefault("token", "");
        if (!TOKEN.matcher(token).matches()) {
            throw noRegistration();
        }
        return token;
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

    /**
     * The posted fields, from JSON or from a form (the catalogue's, which works without
     * JavaScript); any other type is refused. Another site's page can post a form too, but it
     * gains nothing: a request only emails the address's owner, and confirming or cancelling
     * needs the token that only the emailed link carries.
     */
    private static Map<String, String> fields(String contentType, String body, boolean base64, String example) {
        String type = contentType.toLowerCase(java.util.Locale.ROOT).strip();
        boolean form = type.matches("application/x-www-form-urlencoded\\s*(;.*)?");
        if (!form && !type.matches("application/json\\s*(;.*)?")) {
            throw new ApiException(415, "Send a form (application/x-www-form-urlencoded) or JSON (application/json), such as " + example + ".");
        }
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("The request is empty; send " + example + ".");
        }
        String text = base64 ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
        if (text.length() > MAX_BODY) {
            throw ApiException.badRequest("The request body is longer than " + MAX_BODY + " characters.");
        }
        return form ? formFields(text) : jsonFields(text, example);
    }

    private static Map<String, String> formFields(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (fields.putIfAbsent(name, value) != null) {
                    throw ApiException.badRequest("The form has " + name.replaceAll("[^a-z]", "?") + " twice; send it once.");
                }
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("The form is not URL-encoded as browsers send it.");
            }
        }
        return fields;
    }

    private static Map<String, String> jsonFields(String text, String example) {
        Map<String, Object> map;
        try {
            map = JSON.std.mapFrom(text);
        } catch (IOException | IllegalArgumentException e) {
            throw ApiException.badRequest("The body is not JSON; send " + example + ".");
        }
        if (map == null) {
            throw ApiException.badRequest("Send " + example + " as JSON.");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        map.forEach((name, value) -> {
            if (value instanceof String string) {
                fields.put(name, string);
            }
        });
        return fields;
    }

    /** The registrant's name, which begins every email: letters, spaces, hyphens and apostrophes only. */
    private static String name(Map<String, String> request) {
        String name = field(request, "name", 120);
        if (!NAME.matcher(name).matches()) {
            throw ApiException.badRequest("name may hold only letters (accented ones too), spaces, hyphens and apostrophes.");
        }
        return name;
    }

    private static String field(Map<String, String> request, String name, int max) {
        String text = request.get(name);
        if (text == null || text.isBlank()) {
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
        registration.put("open", webinar.registrationOpen(now) && !stored.full());
        registration.put("closes", webinar.closes().toString());
        if (webinar.capacity() > 0) {
            registration.put("places_left", stored.placesLeft());
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
