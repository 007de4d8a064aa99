package eu.s3cop.reader;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import eu.s3cop.catalogue.RegistrationPages;
import eu.s3cop.core.Durations;
import eu.s3cop.core.Mailboxes;
import eu.s3cop.webinar.model.Answers;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.store.RegistrationLimits;
import eu.s3cop.webinar.store.Registrations;
import eu.s3cop.webinar.store.StoredWebinar;
import eu.s3cop.webinar.store.WaitingList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The registration routes. Registrants' names and emails go into the table and nowhere else:
 * not into answers, not into logs. Registering is double opt-in: a request only sends a link,
 * and the page that link opens confirms or cancels.
 */
final class RegistrationsApi {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,64}");
    /** The metric a daily bound's refusals count in: the template's alarm watches it. */
    static final String LIMIT_METRIC = "RegistrationLimitReached";

    private final ReaderConfig config;
    private final WebinarsApi webinars;
    private final Registrations registrations;
    private final RegistrationLimits limits;
    private final Clock clock;
    private final RegistrationPages pages;

    RegistrationsApi(ReaderConfig config, WebinarsApi webinars, Registrations registrations, RegistrationLimits limits, Clock clock) {
        this.config = config;
        this.webinars = webinars;
        this.registrations = registrations;
        this.limits = limits;
        this.clock = clock;
        this.pages = new RegistrationPages(config.workingGroups());
    }

    /**
     * A registration request, as JSON or as the catalogue's form: 202 and the same answer whether
     * the address is new or known, and never its token, which only the emailed link carries.
     */
    APIGatewayV2HTTPResponse register(Map<String, String> path, String client, String contentType, String body, boolean base64, boolean html) {
        String id = WebinarsApi.id(path);
        Instant now = clock.instant();
        if (!limits.clientWithinRate(client, now)) {
            throw new ApiException(429, "You have sent " + limits.caps().requestsPerClientAMinute() + " registration requests in the last minute;"
                    + " nothing was changed. Try again in a minute.", null, 60);
        }
        Map<String, String> request = PostedFields.of(contentType, body, base64, "{\"name\": ..., \"email\": ...}");
        String name = PostedFields.name(request);
        String email = PostedFields.field(request, "email", 254);
        if (!PostedFields.EMAIL.matcher(email).matches()) {
            throw ApiException.badRequest("email is not an address such as name@example.org written in ASCII letters, digits and punctuation"
                    + " (addresses with other characters cannot be delivered).");
        }
        StoredWebinar stored = webinars.find(id);
        open(stored, now);
        // What the request led to stays here unless a bound that is no one address's refused it: a new
        // address, a known one, a link sent too recently or a mailbox that bounced are answered alike.
        long untilTomorrow = Duration.between(now, now.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC)).toSeconds();
        switch (registrations.request(id, name, email, now)) {
            case WEBINAR_BUSY -> throw new ApiException(429, "Webinar " + id + " is taking many registrations right now; nothing was changed."
                    + " Try again in a minute.", null, 60);
            case DOMAIN_DAY_REACHED -> throw new ApiException(429, "Addresses at " + Mailboxes.domain(email) + " have been sent as many"
                    + " registration emails as one domain gets in a day; nothing was changed. Try again tomorrow (UTC), or use another address.",
                    LIMIT_METRIC, untilTomorrow);
            case DAY_REACHED -> throw new ApiException(503, "Registration has sent as many emails as it may in a day; nothing was changed."
                    + " Try again tomorrow (UTC).", LIMIT_METRIC, untilTomorrow);
            case NEW, RESENT, NOT_SENT -> {
            }
        }
        if (html) {
            return Responses.page(202, pages.requested(stored.webinar()));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("webinar", id);
        answer.put("status", "REQUESTED");
        answer.put("detail", "If the address can receive email, a link to confirm the registration is on its way; the registration"
                + " holds, and takes a place, once it is confirmed there. The link works for " + Durations.inWords(Registrations.PENDING_FOR) + ".");
        return Responses.accepted(answer);
    }

    /** The page the emailed link opens: the registration's state, and buttons to confirm or cancel. */
    APIGatewayV2HTTPResponse registrationPage(Map<String, String> path) {
        StoredWebinar stored = webinars.find(WebinarsApi.id(path));
        String token = token(path);
        Registrations.Registration registration = registrations.registration(stored.webinar().id(), token, clock.instant())
                .orElseThrow(RegistrationsApi::noRegistration);
        return Responses.page(200, pages.registration(stored, registration, token));
    }

    /** Confirm or cancel, posted from the registration's page (or as JSON {"action": ...}). */
    APIGatewayV2HTTPResponse registrationAction(Map<String, String> path, String contentType, String body, boolean base64, boolean html) {
        Map<String, String> request = PostedFields.of(contentType, body, base64,
                "{\"action\": \"confirm\"}, {\"action\": \"take\"} or {\"action\": \"cancel\"}");
        if ("One-Click".equals(request.get("List-Unsubscribe")) && !request.containsKey("action")) {
            // RFC 8058: a mail program's one-click unsubscribe posts here, and unsubscribing from a webinar is cancelling.
            return cancel(path, html);
        }
        return switch (request.getOrDefault("action", "")) {
            // Taking a place offered from the waiting list is confirming the registration it was offered to.
            case "confirm", "take" -> confirm(path, request.containsKey("name") ? PostedFields.name(request) : null, PostedFields.answers(request), html);
            case "cancel" -> cancel(path, html);
            default -> throw ApiException.badRequest("action must be confirm, take or cancel.");
        };
    }

    private APIGatewayV2HTTPResponse confirm(Map<String, String> path, String name, Answers answers, boolean html) {
        StoredWebinar stored = webinars.find(WebinarsApi.id(path));
        String token = token(path);
        Webinar webinar = stored.webinar();
        Instant now = clock.instant();
        open(stored, now);
        Registrations.Outcome outcome = registrations.confirm(webinar.id(), token, name, answers, now, webinar.end().plus(config.retention()));
        if (outcome instanceof Registrations.Unknown) {
            throw noRegistration();
        }
        if (outcome instanceof Registrations.Waiting waiting && waiting.heldBack()) {
            return done(webinar, "WAITING", "You are on the waiting list", "Addresses at your domain already have the " + config.caps().placesPerDomain()
                    + " places one organisation may have at this event, so you are number " + waiting.position() + " in line for the next of"
                    + " them that frees up. You then join the waiting list where you would have stood.", html);
        }
        if (outcome instanceof Registrations.Waiting waiting) {
            return done(webinar, "WAITING", "You are on the waiting list", "All places are taken: you are number " + waiting.position()
                    + " on the waiting list. When a place frees up and you are first in line, it is offered to you by email, and you have "
                    + Durations.inWords(WaitingList.OFFER_HELD_FOR) + " to take it.", html);
        }
        if (outcome instanceof Registrations.RoomFull) {
            String message = "All " + webinar.inPersonCapacity() + " places in the room are taken, so nothing was changed. You can still attend"
                    + " online: open your link again and choose to attend online.";
            if (html) {
                return Responses.page(409, pages.outcome("The room is full", message, webinar));
            }
            throw new ApiException(409, message);
        }
        if (outcome instanceof Registrations.Unavailable) {
            throw new ApiException(409, "Webinar " + webinar.id() + " changed while you confirmed; open the link again.");
        }
        return done(webinar, "CONFIRMED", "You are registered", "Your place is taken. The invite, with the link to join, is on its way by email.", html);
    }

    private APIGatewayV2HTTPResponse cancel(Map<String, String> path, boolean html) {
        StoredWebinar stored = webinars.find(WebinarsApi.id(path));
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
        String id = WebinarsApi.id(path);
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
            // A full webinar takes requests too: confirming one joins its waiting list.
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
        return ApiException.notFound("This link leads to no registration: it was cancelled, or the request was not confirmed within "
                + Durations.inWords(Registrations.PENDING_FOR) + ". Register again from the webinar's entry in the catalogue.");
    }

    private static String token(Map<String, String> path) {
        String token = path.getOrDefault("token", "");
        if (!TOKEN.matcher(token).matches()) {
            throw noRegistration();
        }
        return token;
    }
}
