package eu.s3cop.reader;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import eu.s3cop.catalogue.SitePages;
import eu.s3cop.core.PresignedLinks;
import eu.s3cop.core.SiteAddresses;
import eu.s3cop.draft.PublicationType;
import eu.s3cop.publications.DynamoDbPublicationStore;
import eu.s3cop.publications.InvalidPageTokenException;
import eu.s3cop.publications.ListingFilter;
import eu.s3cop.publications.ListingPage;
import eu.s3cop.catalogue.Citations;
import eu.s3cop.catalogue.PublicationPage;
import eu.s3cop.metadata.DataCiteXml;
import eu.s3cop.metadata.Dois;
import eu.s3cop.publications.Publication;
import eu.s3cop.publications.PublicationListings;
import eu.s3cop.publications.PublicationVersion;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;


/** The publication routes: listing and search, one publication with its history, and downloads. */
final class PublicationsApi {

    private static final Pattern WORKING_GROUP = Pattern.compile("[a-z0-9-]{1,60}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,80}");
    private static final Pattern YEAR = Pattern.compile("(19|20|21)\\d{2}");
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,5}");
    private static final Pattern LIMIT = Pattern.compile("[0-9]{1,3}");
    /** The types a draft may declare, as the search form offers them and the API accepts them. */
    static final List<String> TYPES = Arrays.stream(PublicationType.values()).map(PublicationType::code).toList();
    static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;
    /** What a search page's link to its next page carries over, besides the next token. */
    private static final List<String> SEARCH_PARAMETERS = List.of("q", "working_group", "type", "year", "limit");

    private final ReaderConfig config;
    private final DynamoDbPublicationStore publications;
    private final PublicationListings listings;
    private final PresignedLinks links;

    PublicationsApi(ReaderConfig config, DynamoDbPublicationStore publications, PublicationListings listings, PresignedLinks links) {
        this.config = config;
        this.publications = publications;
        this.listings = listings;
        this.links = links;
    }

    /**
     * The search page a browser gets: the catalogue's own design, a hundred matches a page (or
     * {@code limit}), and a link to the next page that keeps the search's filters.
     */
    APIGatewayV2HTTPResponse searchPage(Map<String, String> query) {
        Map<String, String> paged = new HashMap<>(query);
        paged.putIfAbsent("limit", String.valueOf(MAX_LIMIT));
        ListingPage page = page(paged);
        String next = null;
        if (page.next() != null) {
            StringJoiner address = new StringJoiner("&", SiteAddresses.SEARCH + "?", "");
            for (String name : SEARCH_PARAMETERS) {
                if (query.containsKey(name)) {
                    address.add(name + "=" + URLEncoder.encode(query.get(name), StandardCharsets.UTF_8));
                }
            }
            next = address.add("next=" + URLEncoder.encode(page.next(), StandardCharsets.UTF_8)).toString();
        }
        SitePages.Filters filters = new SitePages.Filters(query.getOrDefault("working_group", ""), query.getOrDefault("type", ""),
                query.getOrDefault("year", ""), TYPES);
        return Responses.html(new SitePages(config.workingGroups()).results(query.getOrDefault("q", ""), filters, page.items(), next), 60);
    }

    /** A filter's value, or null when it is absent or empty: the search form sends "Any" as an empty field. */
    static String chosen(Map<String, String> query, String name) {
        String value = query.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    APIGatewayV2HTTPResponse list(Map<String, String> query) {
        ListingPage page = page(query);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(PublicationsApi::summary).toList());
        if (page.next() != null) {
            body.put("next", page.next());
        }
        return Responses.json(body, 60);
    }

    /** What a listing or a search is narrowed to: a working group, a type and a year, each null for any. */
    record Narrowed(String workingGroup, String type, String year) {
    }

    static Narrowed narrowed(Map<String, String> query, List<String> workingGroups) {
        String workingGroup = chosen(query, "working_group");
        if (workingGroup != null && !workingGroups.contains(workingGroup)) {
            throw ApiException.badRequest("working_group '" + shorten(workingGroup) + "' is not a working group; use one of "
                    + String.join(", ", workingGroups) + ".");
        }
        String type = chosen(query, "type");
        if (type != null && !TYPES.contains(type)) {
            throw ApiException.badRequest("type '" + shorten(type) + "' is not a publication type; use one of " + String.join(", ", TYPES) + ".");
        }
        String year = chosen(query, "year");
        if (year != null && !YEAR.matcher(year).matches()) {
            throw ApiException.badRequest("year '" + shorten(year) + "' is not a year such as 2024.");
        }
        return new Narrowed(workingGroup, type, year);
    }

    /** A page of the listings, newest first; words and languages are the search's ({@link SearchApi}). */
    private ListingPage page(Map<String, String> query) {
        Narrowed narrowed = narrowed(query, config.workingGroups());
        int limit = limit(query.get("limit"));
        try {
            return listings.list(new ListingFilter(narrowed.workingGroup(), narrowed.type(), narrowed.year()), limit, query.get("next"));
        } catch (InvalidPageTokenException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** The publication's page for a browser, its JSON for a program. */
    APIGatewayV2HTTPResponse get(Map<String, String> path, boolean html) {
        String id = id(path);
        Publication publication = publications.publication(id).orElseThrow(() -> notFound(id));
        // A translation's work is its original's: the one item that names every language.
        Publication original = publication.translation() ? publications.publication(publication.translationOf()).orElse(publication) : publication;
        if (html) {
            return Responses.html(new PublicationPage(config.workingGroups()).page(publication, publications.versions(id), config.siteUrl(),
                    original), 60);
        }
        Map<String, Object> body = summary(publication);
        body.put("language", publication.language());
        if (publication.translation()) {
            body.put("translationOf", publication.translationOf());
        }
        Map<String, String> languages = new java.util.TreeMap<>(original.translations());
        languages.put(original.language(), original.id());
        languages.remove(publication.language());
        body.put("otherLanguages", languages);
        body.put("keywords", publication.keywords());
        eu.s3cop.draft.Licence licence = eu.s3cop.draft.Licence.orDefault(publication.licence());
        body.put("licence", Map.of("id", licence.id(), "name", licence.title(), "url", licence.url()));
        body.put("size", publication.size());
        body.put("sha256", publication.pdfSha256());
        body.put("versions", publications.versions(id).stream().map(version -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("version", version.version());
            entry.put("title", version.title());
            entry.put("date", version.date());
            entry.put("pages", version.pages());
            entry.put("size", version.size());
            entry.put("publishedAt", version.publishedAt());
            entry.put("links", Map.of("download", SiteAddresses.download(id, version.version())));
            return entry;
        }).toList());
        return Responses.json(body, 60);
    }

    /** The publication's citation as a file a reference manager imports: {@code format} is bibtex, ris or csl-json. */
    APIGatewayV2HTTPResponse citation(Map<String, String> path, Map<String, String> query) {
        String id = id(path);
        String requested = query.getOrDefault("format", "");
        java.util.Optional<Citations.Format> format = Citations.Format.of(requested);
        if (format.isEmpty() && !PublicationPage.DATACITE.equals(requested)) {
            throw ApiException.badRequest("format '" + shorten(requested) + "' is not one of bibtex, ris, csl-json or datacite.");
        }
        Publication publication = publications.publication(id).orElseThrow(() -> notFound(id));
        String pageUrl = config.siteUrl() == null ? null : SiteAddresses.absolute(java.net.URI.create(config.siteUrl()), SiteAddresses.publication(id));
        PublicationVersion latest = publications.versions(id).stream().filter(version -> version.version() == publication.latestVersion())
                .findFirst().orElseThrow(() -> notFound(id));
        if (format.isEmpty()) {
            return Responses.attachment(DataCiteXml.version(publication, latest, relations(publication, pageUrl)), "application/xml; charset=utf-8",
                    publication.slug() + ".xml");
        }
        String doi = latest.doi().isEmpty() ? null : latest.doi();
        return Responses.attachment(Citations.of(format.get(), publication, pageUrl, doi), format.get().mediaType(),
                publication.slug() + "." + format.get().extension());
    }

    /**
     * What a version's DataCite record is identified by: its DOI where the stack has a DataCite
     * repository (the one it is, or will be, registered under), its page's address otherwise.
     */
    private DataCiteXml.Relations relations(Publication publication, String pageUrl) {
        String id = publication.id();
        if (config.dois().isEmpty()) {
            return new DataCiteXml.Relations(pageUrl == null ? SiteAddresses.publication(id) : pageUrl, false, null, null, null, null);
        }
        Dois dois = config.dois().get();
        int version = publication.latestVersion();
        return new DataCiteXml.Relations(dois.version(id, version), true, dois.concept(id), version > 1 ? dois.version(id, version - 1) : null,
                null, publication.translation() ? dois.concept(publication.translationOf()) : null);
    }

    APIGatewayV2HTTPResponse download(Map<String, String> path, Map<String, String> query) {
        String id = id(path);
        String requested = query.get("version");
        int version;
        String pdfKey;
        if (requested == null) {
            // The publication's own item carries its latest version's PDF: one read, not two.
            Publication publication = publications.publication(id).orElseThrow(() -> notFound(id));
            version = publication.latestVersion();
            pdfKey = publication.pdfKey();
        } else {
            if (!VERSION.matcher(requested).matches()) {
                throw ApiException.badRequest("version '" + shorten(requested) + "' is not a version number such as 2.");
            }
            version = Integer.parseInt(requested);
            PublicationVersion stored = publications.version(id, version)
                    .orElseThrow(() -> ApiException.notFound("Publication " + id + " has no published version " + version + "."));
            pdfKey = stored.pdfKey();
        }
        String slug = path.get("slug");
        URI url = links.get(config.publicationsBucket(), pdfKey, config.linkExpiry(), Map.of(
                "response-content-type", "application/pdf",
                "response-content-disposition", "attachment; filename=\"" + slug + "-v" + version + ".pdf\""));
        return Responses.redirect(url.toString());
    }

    Duration linkExpiry() {
        return config.linkExpiry();
    }

    /** Checks a publication's id before any storage is touched. */
    private static String id(Map<String, String> path) {
        String workingGroup = path.getOrDefault("working_group", "");
        String slug = path.getOrDefault("slug", "");
        if (!WORKING_GROUP.matcher(workingGroup).matches() || !SLUG.matcher(slug).matches()) {
            throw ApiException.badRequest("A publication id is <working_group>/<slug>, in lower-case letters, digits and hyphens.");
        }
        return workingGroup + "/" + slug;
    }

    static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        if (!LIMIT.matcher(value).matches() || Integer.parseInt(value) < 1 || Integer.parseInt(value) > MAX_LIMIT) {
            throw ApiException.badRequest("limit '" + shorten(value) + "' must be a whole number from 1 to " + MAX_LIMIT + ".");
        }
        return Integer.parseInt(value);
    }

    static Map<String, Object> summary(Publication publication) {
        String id = publication.id();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", id);
        summary.put("title", publication.title());
        summary.put("type", publication.type());
        summary.put("working_group", publication.workingGroup());
        // The groups whose pages list it: its own, or those a secretariat's publication speaks for.
        summary.put("working_groups", publication.workingGroups());
        summary.put("authors", publication.authors());
        summary.put("date", publication.date());
        summary.put("version", publication.latestVersion());
        summary.put("pages", publication.pages());
        summary.put("summary", publication.summary());
        summary.put("links", Map.of("self", SiteAddresses.publication(id), "download", SiteAddresses.download(id)));
        return summary;
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("No publication " + id + " is published.");
    }


    static String shorten(String value) {
        String clean = value.replaceAll("[^\\p{L}\\p{N} ._-]", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }
}
