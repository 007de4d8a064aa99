package eu.s3cop.catalogue;

import eu.s3cop.core.SiteAddresses;
import eu.s3cop.draft.LanguageNames;
import eu.s3cop.draft.PublicationType;
import eu.s3cop.draft.WorkingGroupNames;
import eu.s3cop.search.SearchQuery;
import eu.s3cop.search.SearchResults;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The page a browser gets for a search: the form as it was filled in, how many matched, the
 * counts by working group, type, year and language as links that narrow the search, and a page
 * of matches, each with the words it matched highlighted where they are in its text.
 */
public final class SearchPage {

    private static final String COMMUNITY = "European S3 Community of Practice";
    /** The facets in the order the page shows them, with their headings and how their values are named. */
    private static final Map<String, String> FACETS = Map.of("working_group", "Working group", "type", "Type", "year", "Year", "language", "Language");
    private static final List<String> ORDER = List.of("working_group", "type", "year", "language");

    private final SiteLayout layout;
    private final List<String> workingGroups;

    public SearchPage(List<String> workingGroups) {
        this.layout = new SiteLayout(workingGroups);
        this.workingGroups = List.copyOf(workingGroups);
    }

    /**
     * What was asked, as the page's links repeat it.
     *
     * @param chosen the facets' chosen values by parameter name (working_group, type, year, language), "" for any
     * @param types the publication types the form offers
     */
    public record Asked(String query, Map<String, String> chosen, boolean byDate, int offset, int limit, List<String> types) {

        public Asked {
            chosen = Map.copyOf(chosen);
            types = List.copyOf(types);
        }

        String chosen(String facet) {
            return chosen.getOrDefault(facet, "");
        }

        /** This search's address with one parameter changed (null removes it), from its first page. */
        String with(String name, String value, int from) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("q", query);
            ORDER.forEach(facet -> parameters.put(facet, chosen(facet)));
            parameters.put("sort", byDate ? "date" : "");
            parameters.put(name, value);
            parameters.put("next", from == 0 ? "" : SearchQuery.next(from));
            return SiteAddresses.search(parameters);
        }
    }

    public String page(Asked asked, SearchResults results) {
        Document page = layout.page(asked.query().isEmpty() ? "Publications" : "Search: " + asked.query(), null,
                "Search the publications of the " + COMMUNITY + ", their full text included.");
        Element main = page.getElementById("main");
        main.appendElement("h1").text("Search results");
        form(main, asked);
        long total = results.total();
        String count = total + (total == 1 ? " publication" : " publications");
        String found = asked.query().isEmpty() ? count : count + (total == 1 ? " matches " : " match ") + "“" + asked.query() + "”";
        int shown = results.hits().size();
        main.appendElement("p").attr("role", "status").text(shown == total || shown == 0 ? found + "."
                : "Showing " + (asked.offset() + 1) + " to " + (asked.offset() + shown) + " of " + found + ".");
        facets(main, asked, results);
        Element section = SiteLayout.section(main, "list", "Matching publications");
        if (results.hits().isEmpty()) {
            section.appendElement("p").text(asked.query().isEmpty() ? "No publications yet."
                    : "No publication matches. Try fewer or other words, or remove a filter.");
        } else {
            Element list = section.appendElement("ol").addClass("publications").attr("start", String.valueOf(asked.offset() + 1));
            for (SearchResults.Hit hit : results.hits()) {
                Element item = ListSections.publication(list, hit.publication());
                if (!hit.snippet().isEmpty()) {
                    Element snippet = new Element("p").addClass("snippet");
                    for (SearchResults.Snippet part : hit.snippet()) {
                        if (part.match()) {
                            snippet.appendElement("mark").text(part.text());
                        } else {
                            snippet.appendText(part.text());
                        }
                    }
                    item.selectFirst("p.authors").after(snippet);
                }
            }
        }
        pages(main, asked, total, shown);
        return page.outerHtml();
    }

    private void form(Element main, Asked asked) {
        Element form = SiteLayout.search(main, asked.query());
        Element button = form.selectFirst("button");
        SiteLayout.select(button, "working_group", "Working group", workingGroups, asked.chosen("working_group"), WorkingGroupNames::of);
        SiteLayout.select(button, "type", "Type", asked.types(), asked.chosen("type"), PublicationType::labelOf);
        button.before(new Element("label").attr("for", "year").text("Year"));
        button.before(new Element("input").attr("type", "text").attr("id", "year").attr("name", "year").attr("value", asked.chosen("year"))
                .attr("inputmode", "numeric").attr("pattern", "[0-9]{4}").attr("maxlength", "4").attr("size", "4"));
        if (!asked.chosen("language").isEmpty()) {
            button.before(new Element("input").attr("type", "hidden").attr("name", "language").attr("value", asked.chosen("language")));
        }
        button.before(new Element("label").attr("for", "sort").text("Order"));
        Element sort = new Element("select").attr("id", "sort").attr("name", "sort");
        sort.appendElement("option").attr("value", "").text("Most relevant first");
        Element newest = sort.appendElement("option").attr("value", "date").text("Newest first");
        if (asked.byDate()) {
            newest.attr("selected", "");
        }
        button.before(sort);
    }

    /** Each facet's values with their counts, as links that narrow the search; the chosen one with a link that widens it again. */
    private static void facets(Element main, Asked asked, SearchResults results) {
        if (results.total() == 0 && asked.chosen().values().stream().allMatch(String::isEmpty)) {
            return;
        }
        Element section = SiteLayout.section(main, "facets", "Narrow the results");
        section.addClass("facets");
        for (String facet : ORDER) {
            List<SearchResults.FacetCount> counts = results.facets().getOrDefault(facet, List.of());
            if (counts.isEmpty() && asked.chosen(facet).isEmpty()) {
                continue;
            }
            section.appendElement("h3").text(FACETS.get(facet));
            Element list = section.appendElement("ul");
            Function<String, String> name = name(facet);
            for (SearchResults.FacetCount count : counts) {
                String label = name.apply(count.value()) + " (" + count.count() + ")";
                if (count.value().equals(asked.chosen(facet))) {
                    list.appendElement("li").appendElement("strong").text(label);
                } else {
                    list.appendElement("li").appendElement("a").attr("href", asked.with(facet, count.value(), 0)).text(label);
                }
            }
            if (!asked.chosen(facet).isEmpty()) {
                list.appendElement("li").appendElement("a").attr("href", asked.with(facet, null, 0)).text("Any " + FACETS.get(facet).toLowerCase());
            }
        }
    }

    private static Function<String, String> name(String facet) {
        return switch (facet) {
            case "working_group" -> WorkingGroupNames::of;
            case "type" -> PublicationType::labelOf;
            case "language" -> LanguageNames::of;
            default -> Function.identity();
        };
    }

    private static void pages(Element main, Asked asked, long total, int shown) {
        boolean earlier = asked.offset() > 0;
        boolean later = asked.offset() + shown < total;
        if (!earlier && !later) {
            return;
        }
        Element nav = main.appendElement("nav").attr("aria-label", "Pages of results").addClass("more").appendElement("ul");
        if (earlier) {
            nav.appendElement("li").appendElement("a").attr("rel", "prev")
                    .attr("href", asked.with("limit", limitParameter(asked), Math.max(0, asked.offset() - asked.limit()))).text("Previous publications");
        }
        if (later) {
            nav.appendElement("li").appendElement("a").attr("rel", "next")
                    .attr("href", asked.with("limit", limitParameter(asked), asked.offset() + shown)).text("More publications");
        }
    }

    private static String limitParameter(Asked asked) {
        return asked.limit() == DEFAULT_LIMIT ? null : String.valueOf(asked.limit());
    }

    /** The matches a page shows unless the address asks for another number. */
    public static final int DEFAULT_LIMIT = 20;
}
