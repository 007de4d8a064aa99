package eu.s3cop.reader;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import eu.s3cop.catalogue.RegistrationPages;
import eu.s3cop.core.PrimedHandler;
import eu.s3cop.publications.DynamoDbPublicationStore;
import eu.s3cop.publications.Harvest;
import eu.s3cop.publications.PublicationListings;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.webinar.store.RegistrationLimits;
import eu.s3cop.webinar.store.Registrations;
import eu.s3cop.webinar.store.Subscriptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import eu.s3cop.search.CatalogueSearch;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Answers the HTTP API's routes. API Gateway has already matched the route, so the handler
 * dispatches on its route key; errors become RFC 9457 problem documents. Under SnapStart it
 * primes itself before the snapshot with requests that are answered without AWS.
 */
public final class ReaderApiHandler extends PrimedHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final PublicationsApi publications;
    private final SearchApi search;
    private final WebinarsApi webinars;
    private final RegistrationsApi registrations;
    private final SubscriptionsApi subscriptions;
    private final RegistrationPages errorPages;
    private final OaiPmh oai;
    private final String siteUrl;
    private final byte[] originSecret;

    /** The local stack's entry point: the environment the template describes. */
    public ReaderApiHandler(Map<String, String> variables) {
        super(variables);
        ReaderConfig config = ReaderConfig.from(environment());
        this.originSecret = config.originSecret().getBytes(StandardCharsets.UTF_8);
        this.publications = new PublicationsApi(config, new DynamoDbPublicationStore(clients().dynamoDb(), config.table()),
                new PublicationListings(clients().dynamoDb(), config.table()), clients().presignedLinks());
        this.search = new SearchApi(new CatalogueSearch(clients().presignedLinks(), config.publicationsBucket(), Clock.systemUTC()),
                publications, config.workingGroups());
        this.webinars = new WebinarsApi(config, new DynamoDbWebinarStore(clients().dynamoDb(), config.webinarsTable()), clients().presignedLinks(),
                Clock.systemUTC());
        RegistrationLimits limits = new RegistrationLimits(clients().dynamoDb(), config.webinarsTable(), config.caps());
        this.registrations = new RegistrationsApi(config, webinars, new Registrations(limits), limits, Clock.systemUTC());
        this.subscriptions = new SubscriptionsApi(new Subscriptions(limits), limits, config.workingGroups(), Clock.systemUTC());
        this.errorPages = new RegistrationPages(config.workingGroups());
        this.oai = new OaiPmh(new DynamoDbPublicationStore(clients().dynamoDb(), config.table()), new Harvest(clients().dynamoDb(), config.table()),
                config.workingGroups(), config.senderAddress(), Clock.systemUTC());
        this.siteUrl = config.siteUrl();
    }

    /** Lambda's entry point: configuration from the process environment. */
    public ReaderApiHandler() {
        this(System.getenv());
    }

    /** Malformed ids and parameters: answered from validation alone, they load routing, checks and problem documents. */
    @Override
    protected void prime() {
        answeredWithoutAws(() -> publications.list(Map.of("limit", "0")));
        answeredWithoutAws(() -> publications.get(Map.of("working_group", "Not a group!", "slug", "Not a slug!"), false));
        answeredWithoutAws(() -> webinars.get(Map.of("id", "Not an id!"), false));
        CatalogueSearch.prime();
    }

    private static void answeredWithoutAws(Supplier<APIGatewayV2HTTPResponse> request) {
        try {
            request.get();
        } catch (ApiException expected) {
            Responses.problem(expected.status(), title(expected.status()), expected.getMessage());
            return;
        }
        throw new IllegalStateException("A priming request was answered as if valid: priming must not reach AWS");
    }

    private static String title(int status) {
        return switch (status) {
            case 404 -> "Not Found";
            case 403 -> "Forbidden";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> "Bad Request";
        };
    }

    /** A request header, whatever case the client wrote its name in (HTTP APIs pass them lower-cased); "" when absent. */
    private static String header(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
        return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse("");
    }

    /** A form a browser posted gets a page in answer, as does a request that asks for HTML first. */
    private static boolean answersInHtml(APIGatewayV2HTTPEvent event) {
        return header(event, "content-type").toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded") || wantsHtml(event);
    }

    /** The catalogue's address: the stack's own where it is told, the one the request came to otherwise. */
    private URI site(APIGatewayV2HTTPEvent event) {
        if (siteUrl != null) {
            return URI.create(siteUrl);
        }
        APIGatewayV2HTTPEvent.RequestContext request = event.getRequestContext();
        String host = request == null || request.getDomainName() == null ? header(event, "host") : request.getDomainName();
        return URI.create("https://" + host + "/");
    }

    /** A request's body as text, decoded where API Gateway passed it in base64. */
    private static String body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody() == null ? "" : event.getBody();
        return event.getIsBase64Encoded() ? new String(java.util.Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
    }

    /** A browser submitting the catalogue's search form asks for HTML first; API clients for JSON. */
    private static boolean wantsHtml(APIGatewayV2HTTPEvent event) {
        String accept = header(event, "accept");
        int html = accept.indexOf("text/html");
        int json = accept.indexOf("application/json");
        return html >= 0 && (json < 0 || html < json);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        APIGatewayV2HTTPResponse response = answer(event, context);
        String route = String.valueOf(event.getRouteKey());
        return route.contains("/registrations") || route.contains("/subscriptions") ? Responses.personal(response) : response;
    }

    /**
     * Whether the request came through CloudFront, which alone sends the origin secret: the
     * API's own address answers nobody else, so that no client goes around the distribution's
     * web ACL, or tells us a viewer address of its own choosing.
     */
    private boolean throughCloudFront(APIGatewayV2HTTPEvent event) {
        return originSecret.length == 0
                || MessageDigest.isEqual(originSecret, header(event, "x-origin-verify").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The network address of the client that made the request: the viewer's as CloudFront saw
     * it ({@code CloudFront-Viewer-Address}, "address:port", which CloudFront sets itself) behind
     * CloudFront, the connection's own where nothing stands in between.
     */
    private String client(APIGatewayV2HTTPEvent event) {
        String viewer = header(event, "cloudfront-viewer-address");
        if (originSecret.length > 0 && viewer.lastIndexOf(':') > 0) {
            return viewer.substring(0, viewer.lastIndexOf(':'));
        }
        APIGatewayV2HTTPEvent.RequestContext request = event.getRequestContext();
        return request == null || request.getHttp() == null || request.getHttp().getSourceIp() == null ? "" : request.getHttp().getSourceIp();
    }

    private APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event, Context context) {
        if (!throughCloudFront(event)) {
            return Responses.problem(403, "Forbidden", "This API answers through the catalogue's own address only.");
        }
        Map<String, String> path = event.getPathParameters() == null ? Map.of() : event.getPathParameters();
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
        try {
            return switch (String.valueOf(event.getRouteKey())) {
                case "GET /publications" -> wantsHtml(event) ? search.page(query) : SearchApi.searches(query) ? search.json(query) : publications.list(query);
                case "GET /publications/{working_group}/{slug}" -> publications.get(path, wantsHtml(event));
                case "GET /publications/{working_group}/{slug}/citation" -> publications.citation(path, query);
                case "GET /publications/{working_group}/{slug}/download" -> publications.download(path, query);
                case "GET /webinars" -> webinars.list(query);
                case "GET /webinars/{id}" -> webinars.get(path, wantsHtml(event));
                case "GET /webinars/{id}/invite.ics" -> webinars.invite(path);
                case "GET /webinars/{id}/materials/{file}" -> webinars.material(path);
                case "GET /calendar.ics" -> webinars.calendar(query);
                case "GET /oai" -> Responses.xml(oai.answer(event.getRawQueryString(), site(event)), 60);
                case "POST /oai" -> Responses.xml(oai.answer(body(event), site(event)), 0);
                case "POST /webinars/{id}/registrations" -> registrations.register(path, client(event), header(event, "content-type"), event.getBody(),
                        event.getIsBase64Encoded(), answersInHtml(event));
                case "GET /webinars/{id}/registrations/{token}" -> registrations.registrationPage(path);
                case "POST /webinars/{id}/registrations/{token}" -> registrations.registrationAction(path, header(event, "content-type"),
                        event.getBody(), event.getIsBase64Encoded(), answersInHtml(event));
                case "DELETE /webinars/{id}/registrations/{token}" -> registrations.unregister(path);
                case "POST /subscriptions" -> subscriptions.subscribe(client(event), header(event, "content-type"), event.getBody(),
                        event.getIsBase64Encoded(), answersInHtml(event));
                case "GET /subscriptions/{token}" -> subscriptions.page(path);
                case "POST /subscriptions/{token}" -> subscriptions.action(path, header(event, "content-type"), event.getBody(),
                        event.getIsBase64Encoded(), answersInHtml(event));
                default -> Responses.problem(404, "Not Found", "Nothing answers " + event.getRouteKey() + " yet.");
            };
        } catch (ApiException e) {
            APIGatewayV2HTTPResponse problem = answersInHtml(event) || "GET /webinars/{id}/registrations/{token}".equals(event.getRouteKey())
                    || "GET /subscriptions/{token}".equals(event.getRouteKey())
                    ? Responses.page(e.status(), errorPages.outcome(title(e.status()), e.getMessage(), null))
                    : Responses.problem(e.status(), title(e.status()), e.getMessage());
            if (e.retryAfterSeconds() > 0) {
                problem.getHeaders().put("Retry-After", String.valueOf(e.retryAfterSeconds()));
            }
            if (e.metric() != null) {
                log(context, "route", String.valueOf(event.getRouteKey())).metrics(Map.of(e.metric(), 1), Map.of(e.metric(), "Count"));
            }
            return problem;
        } catch (SdkServiceException e) {
            if (!e.isThrottlingException() && !conflicted(e)) {
                return failed(event, context, e);
            }
            // Busy, not broken: the same request will do in a moment, and clients can be told when.
            log(context, "route", String.valueOf(event.getRouteKey())).warn("throttled", e);
            APIGatewayV2HTTPResponse busy = Responses.problem(503, "Service Unavailable",
                    "Too many requests are being answered right now; nothing was changed. Try again in a few seconds.");
            busy.getHeaders().put("Retry-After", "2");
            return busy;
        } catch (RuntimeException e) {
            return failed(event, context, e);
        }
    }

    /** Whether a transaction met another one writing the same item at that moment (a place taken at once by two): asking again will do. */
    private static boolean conflicted(SdkServiceException e) {
        return e instanceof TransactionCanceledException cancelled
                && cancelled.cancellationReasons().stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()));
    }

    private APIGatewayV2HTTPResponse failed(APIGatewayV2HTTPEvent event, Context context, RuntimeException e) {
        // The route, never the path or body: those can carry a registrant's token or address.
        log(context, "route", String.valueOf(event.getRouteKey())).error("request failed", e);
        return Responses.problem(500, "Internal Server Error", "The request could not be answered; try again in a moment.");
    }
}
