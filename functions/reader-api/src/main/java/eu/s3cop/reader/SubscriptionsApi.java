package eu.s3cop.reader;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import eu.s3cop.catalogue.SubscriptionPages;
import eu.s3cop.core.Durations;
import eu.s3cop.core.Mailboxes;
import eu.s3cop.webinar.store.RegistrationLimits;
import eu.s3cop.webinar.store.Registrations;
import eu.s3cop.webinar.store.Subscriptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The routes of news by email. Subscribing is double opt-in, as registering is: a request only
 * sends a link, the answer is the same whether the address was known or not, and the page the
 * link opens confirms, changes how often news comes, or unsubscribes. A mail program's one-click
 * unsubscribe (RFC 8058) posts to that page and deletes the address at once. Addresses go into
 * the table and nowhere else: not into answers, not into logs.
 */
final class SubscriptionsApi {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,64}");

    private final Subscriptions subscriptions;
    private final RegistrationLimits limits;
    private final List<String> workingGroups;
    private final SubscriptionPages pages;
    private final Clock clock;

    SubscriptionsApi(Subscriptions subscriptions, RegistrationLimits limits, List<String> workingGroups, Clock clock) {
        this.subscriptions = subscriptions;
        this.limits = limits;
        this.workingGroups = List.copyOf(workingGroups);
        this.pages = new SubscriptionPages(workingGroups);
        this.clock = clock;
    }

    /** A subscription request, from the catalogue's form or as JSON: 202 and the same answer whether the address is new or known. */
    APIGatewayV2HTTPResponse subscribe(String client, String contentType, String body, boolean base64, boolean html) {
        Instant now = clock.instant();
        if (!limits.clientWithinRate(client, now)) {
            throw new ApiException(429, "You have sent " + limits.caps().requestsPerClientAMinute() + " requests in the last minute;"
                    + " nothing was changed. Try again in a minute.", null, 60);
        }
        Map<String, String> request = PostedFields.of(contentType, body, base64,
                "{\"email\": ..., \"scope\": \"all\" or a working group, \"frequency\": \"each\" or \"weekly\"}");
        String email = PostedFields.field(request, "email", 254);
        if (!PostedFields.EMAIL.matcher(email).matches()) {
            throw ApiException.badRequest("email is not an address such as name@example.org written in ASCII letters, digits and punctuation"
                    + " (addresses with other characters cannot be delivered).");
        }
        String scope = request.getOrDefault("scope", Subscriptions.ALL);
        if (!scope.equals(Subscriptions.ALL) && !workingGroups.contains(scope)) {
            throw ApiException.badRequest("scope must be " + Subscriptions.ALL + " (every new publication) or one of the working groups: "
                    + String.join(", ", workingGroups) + ".");
        }
        Subscriptions.Frequency frequency = frequency(request.getOrDefault("frequency", Subscriptions.Frequency.EACH.code()));
        long untilTomorrow = Duration.between(now, now.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC)).toSeconds();
        switch (subscriptions.request(scope, frequency, email, now)) {
            case WEBINAR_BUSY -> throw new ApiException(429, "Many subscriptions are being asked for right now; nothing was changed."
                    + " Try again in a minute.", null, 60);
            case DOMAIN_DAY_REACHED -> throw new ApiException(429, "Addresses at " + Mailboxes.domain(email) + " have been sent as many"
                    + " emails with links as one domain gets in a day; nothing was changed. Try again tomorrow (UTC), or use another address.",
                    RegistrationsApi.LIMIT_METRIC, untilTomorrow);
            case DAY_REACHED -> throw new ApiException(503, "As many emails with links as may go out in a day have been sent; nothing was"
                    + " changed. Try again tomorrow (UTC).", RegistrationsApi.LIMIT_METRIC, untilTomorrow);
            case NEW, RESENT, NOT_SENT -> {
            }
        }
        if (html) {
            return Responses.page(202, pages.requested(scope));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("scope", scope);
        answer.put("status", "REQUESTED");
        answer.put("detail", "If the address can receive email, a link to confirm the subscription is on its way; nothing is sent until it"
                + " is confirmed there. The link works for " + Durations.inWords(Registrations.PENDING_FOR) + ".");
        return Responses.accepted(answer);
    }

    /** The page the emailed link opens. */
    APIGatewayV2HTTPResponse page(Map<String, String> path) {
        String token = token(path);
        Subscriptions.Subscription subscription = subscriptions.subscription(token, clock.instant()).orElseThrow(SubscriptionsApi::none);
        return Responses.page(200, pages.subscription(subscription, token));
    }

    /** Confirm (or change how often), or unsubscribe, posted from the subscription's page, by a mail program's one-click unsubscribe, or as JSON. */
    APIGatewayV2HTTPResponse action(Map<String, String> path, String contentType, String body, boolean base64, boolean html) {
        String token = token(path);
        Map<String, String> request = PostedFields.of(contentType, body, base64, "{\"action\": \"confirm\"} or {\"action\": \"unsubscribe\"}");
        boolean oneClick = "One-Click".equals(request.get("List-Unsubscribe")) && !request.containsKey("action");
        String action = oneClick ? "unsubscribe" : request.getOrDefault("action", "");
        switch (action) {
            case "unsubscribe" -> {
                if (!subscriptions.unsubscribe(token)) {
                    throw none();
                }
                return done("UNSUBSCRIBED", "Unsubscribed", "Your address is deleted: no more news comes to it. You can subscribe again"
                        + " from the catalogue at any time.", html);
            }
            case "confirm" -> {
                Subscriptions.Frequency frequency = request.containsKey("frequency") ? frequency(request.get("frequency")) : null;
                Subscriptions.Subscription subscription = subscriptions.confirm(token, frequency, clock.instant()).orElseThrow(SubscriptionsApi::none);
                return done("CONFIRMED", "You are subscribed", "You get " + SubscriptionPages.scopeInWords(subscription.scope())
                        + (subscription.frequency() == Subscriptions.Frequency.WEEKLY ? ", once a week" : ", as it is published")
                        + ". Every email has a link to unsubscribe.", html);
            }
            default -> throw ApiException.badRequest("action must be confirm or unsubscribe.");
        }
    }

    private APIGatewayV2HTTPResponse done(String status, String heading, String message, boolean html) {
        if (html) {
            return Responses.page(200, pages.outcome(heading, message));
        }
        return Responses.json(Map.of("status", status, "detail", message), 0);
    }

    private static Subscriptions.Frequency frequency(String code) {
        return Subscriptions.Frequency.of(code).orElseThrow(() -> ApiException.badRequest("frequency must be each or weekly."));
    }

    /** One answer for a token that is malformed, never given, unsubscribed or lapsed: none of them tells more. */
    private static ApiException none() {
        return ApiException.notFound("This link leads to no subscription: it was unsubscribed, or the request was not confirmed within "
                + Durations.inWords(Registrations.PENDING_FOR) + ". Subscribe again from the catalogue.");
    }

    private static String token(Map<String, String> path) {
        String token = path.getOrDefault("token", "");
        if (!TOKEN.matcher(token).matches()) {
            throw none();
        }
        return token;
    }
}
