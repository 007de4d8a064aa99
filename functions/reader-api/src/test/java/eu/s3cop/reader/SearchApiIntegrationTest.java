package eu.s3cop.reader;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.testing.LocalAws;
import eu.s3cop.testing.PublishedSamples;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Readers search inside the briefs the real functions published, through the HTTP API and the search page. */
@LocalAws
class SearchApiIntegrationTest {

    private static final String BOTTLENECKS = "innovation-diffusion/bottlenecks-to-innovation-diffusion";
    private static final String GERMAN = "industrial-transition/skills-for-industrial-transition";
    private static final HttpClient http = HttpClient.newHttpClient();
    private static LocalCloud stack;

    @BeforeAll
    static void publish(LocalCloud localCloud) throws IOException {
        stack = localCloud;
        PublishedSamples.publish(stack, PublishedSamples.GENERATED);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWordOnlyInABriefsTextFindsItWithTheSnippetWhereItMatchedAndTheCounts() throws Exception {
        Map<String, Object> found = json("/publications?q=absorptive");

        assertThat(found).containsEntry("total", 1).doesNotContainKey("next");
        Map<String, Object> item = items(found).get(0);
        assertThat(item).containsEntry("id", BOTTLENECKS).containsEntry("language", "en");
        assertThat((List<Object>) item.get("snippet")).contains(Map.<String, Object>of("text", "Absorptive", "match", true));
        assertThat(facet(found, "working_group")).containsExactly(Map.of("value", "innovation-diffusion", "count", 1));
        assertThat(facet(found, "year")).containsExactly(Map.of("value", "2024", "count", 1));
    }

    @Test
    void aPhraseMatchesItsWordsInTheirOrderAndWordsAreReadAsTheirLanguageReadsThem() throws Exception {
        assertThat(ids("/publications?q=" + encode("\"absorptive capacity\""))).containsExactly(BOTTLENECKS);
        assertThat(ids("/publications?q=" + encode("\"capacity absorptive\""))).isEmpty();
        // "intermediary" is a stem of the text's "Intermediaries"; "Plzen" its "Plzeň".
        assertThat(ids("/publications?q=intermediary")).contains(BOTTLENECKS);
        assertThat(ids("/publications?q=Wandel")).containsExactly(GERMAN);
        assertThat(ids("/publications?q=wandel")).containsExactly(GERMAN);
        assertThat(ids("/publications?q=plzen")).contains(BOTTLENECKS);
    }

    @Test
    void aNewVersionsWordsReplaceTheOldOnes() throws Exception {
        assertThat(ids("/publications?q=revised")).containsExactly("innovation-diffusion/generated-0");
        assertThat(items(json("/publications?q=revised")).get(0)).containsEntry("version", 2);
    }

    @Test
    void theFacetsNarrowTheSearchAndCountTheOtherChoices() throws Exception {
        Map<String, Object> german = json("/publications?language=de");
        assertThat(ids(german)).containsExactly(GERMAN);
        assertThat(facet(german, "language")).contains(Map.of("value", "de", "count", 1), Map.of("value", "fr", "count", 1));

        Map<String, Object> briefs = json("/publications?q=brief&working_group=industrial-transition&sort=date");
        assertThat(items(briefs)).isNotEmpty().allSatisfy(entry -> assertThat(entry).containsEntry("working_group", "industrial-transition"));
        List<String> dates = items(briefs).stream().map(entry -> (String) entry.get("date")).toList();
        assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(facet(briefs, "working_group")).hasSize(3);
    }

    @Test
    void pagesThroughEveryMatchOnceWithTheNextToken() throws Exception {
        List<Object> ids = new ArrayList<>();
        String next = null;
        long total;
        do {
            Map<String, Object> page = json("/publications?q=brief&limit=4" + (next == null ? "" : "&next=" + encode(next)));
            total = ((Number) page.get("total")).longValue();
            items(page).forEach(entry -> ids.add(entry.get("id")));
            next = (String) page.get("next");
        } while (next != null);
        assertThat(ids).doesNotHaveDuplicates().hasSize((int) total);
        assertThat(total).isGreaterThanOrEqualTo(PublishedSamples.GENERATED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"q=x&language=english", "q=x&sort=title", "q=x&next=bm90IGEgdG9rZW4", "q=x&next=c2VhcmNoIDUwMDA",
            "q=a+b+c+d+e+f+g+h+i+j+k", "q=x&working_group=nowhere", "q=x&limit=0"})
    void aMalformedSearchIsABadRequestThatSaysWhatToChange(String query) throws Exception {
        HttpResponse<String> response = get("/publications?" + query, "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JSON.std.mapFrom(response.body()).get("detail").toString()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"", "\"unclosed", "-", "|||", "((", "\\", "*", "~", "the", "%00"})
    void anyWordsAreAnAnswer(String q) throws Exception {
        assertThat(get("/publications?q=" + encode(q), "application/json").statusCode()).isEqualTo(200);
    }

    @Test
    void theSearchPageHighlightsTheWordsAndOffersTheCountsAsLinks() throws Exception {
        HttpResponse<String> response = get("/publications?q=absorptive", "text/html");
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("[role=status]").text()).isEqualTo("1 publication matches “absorptive”.");
        assertThat(page.select("ol.publications p.snippet mark").eachText()).contains("Absorptive");
        assertThat(page.select(".facets a").eachAttr("href")).contains("/publications?q=absorptive&working_group=innovation-diffusion",
                "/publications?q=absorptive&language=en");
        assertThat(response.body().length()).isLessThan(50_000);

        Document all = Jsoup.parse(get("/publications?q=brief", "text/html").body());
        assertThat(all.select("ol.publications > li")).hasSize(20);
        assertThat(all.select("a[rel=next]").attr("href")).startsWith("/publications?q=brief&next=");
        assertThat(all.outerHtml().length()).isLessThan(50_000);
    }

    private static List<Map<String, Object>> items(Map<String, Object> page) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        return items;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> facet(Map<String, Object> page, String name) {
        return ((Map<String, List<Map<String, Object>>>) page.get("facets")).get(name);
    }

    private static List<Object> ids(String path) throws Exception {
        return ids(json(path));
    }

    private static List<Object> ids(Map<String, Object> page) {
        return items(page).stream().map(item -> item.get("id")).toList();
    }

    private static Map<String, Object> json(String path) throws Exception {
        HttpResponse<String> response = get(path, "application/json");
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.std.mapFrom(response.body());
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stack.httpEndpoint().orElseThrow() + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
