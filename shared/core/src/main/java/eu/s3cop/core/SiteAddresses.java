package eu.s3cop.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Every address of the catalogue and of the API routes it links to, as a link writes it: from
 * the site's root, starting with "/". One owner, so that a page, a feed, an email, a report and
 * an API answer never disagree. An object of the site bucket has its page's address less the
 * leading slash ({@link #key}); an email or a feed needs it absolute ({@link #absolute}).
 */
public final class SiteAddresses {

    /** The home page: the newest briefs and the upcoming webinars. */
    public static final String HOME = "/";
    /** The catalogue's Atom feed of new publications. */
    public static final String FEED = "/feed.xml";
    /** Search, and the list of publications, served by the API. */
    public static final String SEARCH = "/publications";

    private SiteAddresses() {
    }

    public static String workingGroup(String group) {
        return "/working-groups/" + group + ".html";
    }

    public static String workingGroupFeed(String group) {
        return "/working-groups/" + group + "/feed.xml";
    }

    /** The search page narrowed to one group: all its publications. */
    public static String workingGroupSearch(String group) {
        return SEARCH + "?working_group=" + group;
    }

    /** A search with its parameters, in the order given; a parameter without a value is left out. */
    public static String search(java.util.Map<String, String> parameters) {
        StringBuilder address = new StringBuilder(SEARCH);
        parameters.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                address.append(address.length() == SEARCH.length() ? '?' : '&').append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return address.toString();
    }

    /** Every webinar, or one group's ({@code group} null for all), for a calendar application. */
    public static String calendar(String group) {
        return "/calendar.ics" + (group == null ? "" : "?working_group=" + group);
    }

    /** A publication's page, {@code id} being {@code <working group>/<slug>}. */
    public static String publication(String id) {
        return "/publications/" + id;
    }

    /** The newest version's PDF, through a fresh presigned link. */
    public static String download(String id) {
        return publication(id) + "/download";
    }

    public static String download(String id, int version) {
        return download(id) + "?version=" + version;
    }

    /** A version's web page ("Read online"), made from the same draft as its PDF; every version keeps its own. */
    public static String reading(String id, int version) {
        return "/read/" + id + "/v" + version + ".html";
    }

    /**
     * A figure of a version's web page, in a folder beside the page named as the page is
     * ({@code v3.html}, {@code v3/1.png}), so that the page's article links it relatively.
     */
    public static String readingFigure(String id, int version, String name) {
        return "/read/" + id + "/v" + version + "/" + name;
    }

    public static String citation(String id, String format) {
        return publication(id) + "/citation?format=" + format;
    }

    public static String webinar(String id) {
        return "/webinars/" + id;
    }

    public static String invite(String id) {
        return webinar(id) + "/invite.ics";
    }

    /**
     * A material of the event, through a fresh presigned link. The name is one path segment,
     * encoded: a space is {@code %20} there, never {@code +}.
     */
    public static String material(String id, String file) {
        return webinar(id) + "/materials/" + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Where the registration form posts. */
    public static String registrations(String id) {
        return webinar(id) + "/registrations";
    }

    /** A registration's own page, which only the emailed link opens. */
    public static String registration(String id, String token) {
        return registrations(id) + "/" + token;
    }

    /** The OAI-PMH 2.0 interface harvesters collect the catalogue from (its base URL, absolute, under the site's address). */
    public static final String OAI = "/oai";

    /** Where the form to get news by email posts. */
    public static final String SUBSCRIPTIONS = "/subscriptions";

    /**
     * A subscription's own page, which only the emailed link opens: it confirms, changes how often
     * news comes, or unsubscribes, and RFC 8058's one-click unsubscribe posts to it.
     */
    public static String subscription(String token) {
        return SUBSCRIPTIONS + "/" + token;
    }

    /**
     * The site's own address from {@code SITE_URL}: absolute http(s), ending in "/" so that pages
     * resolve under it; empty where the function is not told.
     */
    public static Optional<URI> siteUrl(FunctionEnvironment environment) {
        return environment.optional("SITE_URL").filter(url -> !url.isBlank()).map(SiteAddresses::siteUrl);
    }

    private static URI siteUrl(String value) {
        try {
            URI uri = new URI(value.endsWith("/") ? value : value + "/");
            if (uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Reported below, with what to write instead.
        }
        throw new ConfigurationException("SITE_URL", value, "use the catalogue's absolute address, such as https://s3cop.example.org/");
    }

    /** The site bucket's object for a page's address; the home page is {@code index.html}, which CloudFront serves at the root. */
    public static String key(String address) {
        return address.equals(HOME) ? "index.html" : address.substring(1);
    }

    /** The address under the site's own, which ends in "/": for emails and feeds, read away from the site. */
    public static String absolute(URI site, String address) {
        return site.resolve(address.substring(1)).toString();
    }
}
