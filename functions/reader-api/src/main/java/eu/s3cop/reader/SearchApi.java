package eu.s3cop.reader;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import eu.s3cop.catalogue.SearchPage;
import eu.s3cop.search.CatalogueSearch;
import eu.s3cop.search.SearchQuery;
import eu.s3cop.search.SearchResults;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Search of the catalogue, from the full-text index: the JSON answer to {@code GET /publications}
 * with words ({@code q}) or a language, and the search page every browser gets.
 */
final class SearchApi {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final int MAX_WORDS = 10;

    private final CatalogueSearch search;
    private final PublicationsApi publications;
    private final SearchPage page;
    private final List<String> workingGroups;

    SearchApi(CatalogueSearch search, PublicationsApi publications, List<String> workingGroups) {
        this.search = search;
        this.publications = publications;
        this.page = new SearchPage(workingGroups);
        this.workingGroups = List.copyOf(workingGroups);
    }

    /** Whether the request asks what only the index answers: words, or a language. */
    static boolean searches(Map<String, String> query) {
        return PublicationsApi.chosen(query, "q") != null || PublicationsApi.chosen(query, "language") != null;
    }

    APIGatewayV2HTTPResponse json(Map<String, String> query) {
        SearchQuery asked = query(query, PublicationsApi.DEFAULT_LIMIT);
        SearchResults results = results(asked);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", results.total());
        body.put("items", results.hits().stream().map(hit -> {
            Map<String, Object> item = PublicationsApi.summary(hit.publication());
            item.put("language", hit.publication().language());
            item.put("snippet", hit.snippet().stream().map(part -> part.match() ? Map.of("text", part.text(), "match", true)
                    : Map.of("text", part.text())).toList());
            return item;
        }).toList());
        Map<String, Object> facets = new LinkedHashMap<>();
        results.facets().forEach((facet, counts) -> facets.put(facet, counts.stream()
                .map(count -> Map.of("value", count.value(), "count", count.count())).toList()));
        body.put("facets", facets);
        next(asked, results).ifPresent(next -> body.put("next", next));
        return Responses.json(body, 60);
    }

    /** The search page; before the first index is written, the newest publications without counts, or a request to come back for words. */
    APIGatewayV2HTTPResponse page(Map<String, String> query) {
        SearchQuery asked = query(query, SearchPage.DEFAULT_LIMIT);
        Optional<SearchResults> results = search.search(asked);
        if (results.isEmpty() && !searches(query)) {
            return publications.searchPage(query);
        }
        SearchResults found = results.orElseThrow(SearchApi::notReady);
        Map<String, String> chosen = new LinkedHashMap<>();
        chosen.put("working_group", orEmpty(asked.workingGroup()));
        chosen.put("type", orEmpty(asked.type()));
        chosen.put("year", orEmpty(asked.year()));
        chosen.put("language", orEmpty(asked.language()));
        return Responses.html(page.page(new SearchPage.Asked(asked.text(), chosen, asked.byDate(), asked.offset(), asked.limit(),
                PublicationsApi.TYPES), found), 60);
    }

    private SearchResults results(SearchQuery asked) {
        return search.search(asked).orElseThrow(SearchApi::notReady);
    }

    private static ApiException notReady() {
        return new ApiException(503, "Search is being prepared and answers within a few minutes; the list of publications answers now without q.", null, 60);
    }

    private static Optional<String> next(SearchQuery asked, SearchResults results) {
        int after = asked.offset() + results.hits().size();
        return after < results.total() && after < SearchQuery.DEEPEST ? Optional.of(SearchQuery.next(after)) : Optional.empty();
    }

    private SearchQuery query(Map<String, String> query, int defaultLimit) {
        PublicationsApi.Narrowed narrowed = PublicationsApi.narrowed(query, workingGroups);
        String q = query.getOrDefault("q", "");
        if (q.length() > 200) {
            throw ApiException.badRequest("q is " + q.length() + " characters long; search with at most 200.");
        }
        long words = q.isBlank() ? 0 : q.strip().split("\\s+").length;
        if (words > MAX_WORDS) {
            throw ApiException.badRequest("q has " + words + " words; search with at most " + MAX_WORDS + ".");
        }
        String language = PublicationsApi.chosen(query, "language");
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            throw ApiException.badRequest("language '" + PublicationsApi.shorten(language) + "' is not a language code such as en, de or fr.");
        }
        String sort = query.getOrDefault("sort", "");
        if (!sort.isEmpty() && !sort.equals("relevance") && !sort.equals("date")) {
            throw ApiException.badRequest("sort '" + PublicationsApi.shorten(sort) + "' is not relevance or date.");
        }
        int limit = query.containsKey("limit") ? PublicationsApi.limit(query.get("limit")) : defaultLimit;
        int offset = 0;
        String next = PublicationsApi.chosen(query, "next");
        if (next != null) {
            try {
                offset = SearchQuery.offset(next);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
        }
        return new SearchQuery(q, narrowed.workingGroup(), narrowed.type(), narrowed.year(), language, sort.equals("date"), offset,
                Math.min(limit, SearchQuery.DEEPEST - offset));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
