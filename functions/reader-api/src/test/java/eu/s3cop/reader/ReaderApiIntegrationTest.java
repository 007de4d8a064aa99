package eu.s3cop.reader;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import eu.s3cop.core.PresignedLinks;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** Readers list, search and download published briefs through the HTTP API, as published by the real function. */
@LocalAws
class ReaderApiIntegrationTest {

    private static LocalCloud stack;
    private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final int GENERATED = PublishedSamples.GENERATED;

    @BeforeAll
    static void publish(LocalCloud localCloud) throws IOException {
        stack = localCloud;
        PublishedSamples.publish(stack, GENERATED);
    }

    @Test
    void listsPublishedBriefsNewestFirstAndNeverDraftPreviews() throws Exception {
        List<Map<String, Object>> items = all("/publications?limit=100");
        assertThat(items).hasSize(GENERATED + PublishedSamples.LISTED_BESIDE_GENERATED);
        List<String> dates = items.stream().map(item -> (String) item.get("date")).toList();
        assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(items).extracting(item -> item.get("id")).doesNotContain("industrial-transition/green-steel-preview");
        Map<String, Object> first = items.stream().filter(item -> "innovation-diffusion/bottlenecks-to-innovation-diffusion".equals(item.get("id")))
                .findFirst().orElseThrow();
        assertThat(first).containsKeys("title", "type", "working_group", "authors", "date", "version", "pages", "summary", "links");
        assertThat(first.get("links")).isEqualTo(Map.of("self", "/publications/innovation-diffusion/bottlenecks-to-innovation-diffusion",
                "download", "/publications/innovation-diffusion/bottlenecks-to-innovation-diffusion/download"));
    }

    @Test
    void filtersByWorkingGroupTypeAndYear() throws Exception {
        // The group's own briefs, and the secretariat's document that speaks for every group.
        assertThat(all("/publications?working_group=industrial-transition")).isNotEmpty()
                .allSatisfy(item -> assertThat((List<Object>) item.get("working_groups")).contains((Object) "industrial-transition"))
                .anySatisfy(item -> assertThat(item.get("working_group")).isEqualTo("secretariat"));
        assertThat(all("/publications?type=meeting-summary")).isNotEmpty()
                .allSatisfy(item -> assertThat(item.get("type")).isEqualTo("meeting-summary"));
        assertThat(all("/publications?year=2023")).isNotEmpty().allSatisfy(item -> assertThat((String) item.get("date")).startsWith("2023-"));
        assertThat(all("/publications?working_group=innovation-diffusion&type=policy-brief&year=2023")).isNotEmpty().allSatisfy(item -> {
            assertThat((List<Object>) item.get("working_groups")).contains((Object) "innovation-diffusion");
            assertThat(item.get("type")).isEqualTo("policy-brief");
            assertThat((String) item.get("date")).startsWith("2023-");
        });
    }

    @Test
    void pagesThroughEveryItemOnceWithOpaqueTokens() throws Exception {
        List<Object> ids = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            Map<String, Object> page = json(get("/publications?limit=4" + (next == null ? "" : "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
            assertThat(items.size()).isLessThanOrEqualTo(4);
            items.forEach(item -> ids.add(item.get("id")));
            next = (String) page.get("next");
            pages++;
        } while (next != null);
        assertThat(pages).isEqualTo((GENERATED + PublishedSamples.LISTED_BESIDE_GENERATED + 3) / 4);
        assertThat(ids).doesNotHaveDuplicates().hasSize(GENERATED + PublishedSamples.LISTED_BESIDE_GENERATED);
    }

    @Test
    void searchFindsWordsWithOrWithoutAccents() throws Exception {
        for (String q : List.of("Uhlrr", "uhlřř", "UHLŘŘ")) {
            assertThat(all("/publications?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))).extracting(item -> item.get("id"))
                    .containsExactly("industrial-transition/generated-7");
        }
        assertThat(all("/publications?q=slasku")).extracting(item -> item.get("id")).containsExactly("interregional-cooperation/generated-11");
        assertThat(all("/publications?q=" + URLEncoder.encode("innovation diffusion SMEs", StandardCharsets.UTF_8)))
                .extracting(item -> item.get("id")).contains("innovation-diffusion/bottlenecks-to-innovation-diffusion");
        assertThat(all("/publications?q=nowhere-to-be-found")).isEmpty();
    }

    @Test
    void onePublicationCarriesItsVersionHistory() throws Exception {
        HttpResponse<String> response = get("/publications/innovation-diffusion/generated-0");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> publication = json(response);
        assertThat(publication).containsEntry("version", 2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> versions = (List<Map<String, Object>>) publication.get("versions");
        assertThat(versions).extracting(version -> version.get("version")).containsExactly(2, 1);
        assertThat(publication).containsEntry("licence", Map.of("id", "CC-BY-4.0", "name", "Creative Commons Attribution 4.0 International",
                "url", "https://creativecommons.org/licenses/by/4.0/"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void aBrowserGetsThePublicationsPageWithItsVersionsAndHowToCiteIt() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.httpEndpoint().orElseThrow()
                + "/publications/innovation-diffusion/generated-0")).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(response.body());
        String site = stack.httpEndpoint().orElseThrow() + "/";
        // Each version to download and to read online, where its page is.
        assertThat(page.select("ol.versions a").eachAttr("href")).containsExactly("/publications/innovation-diffusion/generated-0/download?version=2",
                "/read/innovation-diffusion/generated-0/v2.html", "/publications/innovation-diffusion/generated-0/download?version=1",
                "/read/innovation-diffusion/generated-0/v1.html");
        assertThat(page.select("meta[name=citation_title]").attr("content")).isEqualTo(page.selectFirst("h1").text());
        assertThat(page.select("meta[name=citation_pdf_url]").attr("content")).isEqualTo(site + "publications/innovation-diffusion/generated-0/download");
        assertThat(page.select("meta[name=citation_publication_date]").attr("content")).matches("\\d{4}/\\d{2}/\\d{2}");
        Map<String, Object> report = JSON.std.mapFrom(page.selectFirst("script[type=application/ld+json]").data());
        assertThat(report).containsEntry("@type", "Report").containsEntry("url", site + "publications/innovation-diffusion/generated-0")
                .containsEntry("license", "https://creativecommons.org/licenses/by/4.0/");
        assertThat(page.select("a[rel=license]").attr("href")).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(page.select(".licence").text()).isEqualTo("Licence: CC BY 4.0 (Creative Commons Attribution 4.0 International)");
        assertThat(page.select(".citation").text()).contains("Innovation Diffusion working group", site + "publications/innovation-diffusion/generated-0");

        HttpResponse<String> bibtex = get("/publications/innovation-diffusion/generated-0/citation?format=bibtex");
        assertThat(bibtex.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"generated-0.bib\"");
        org.jbibtex.BibTeXEntry entry = new org.jbibtex.BibTeXParser().parse(new java.io.StringReader(bibtex.body())).getEntries().values().iterator().next();
        assertThat(entry.getType()).isEqualTo(org.jbibtex.BibTeXEntry.TYPE_TECHREPORT);
        assertThat(entry.getField(org.jbibtex.BibTeXEntry.KEY_TITLE).toUserString()).isEqualTo(page.selectFirst("h1").text());
        String ris = get("/publications/innovation-diffusion/generated-0/citation?format=ris").body();
        assertThat(ris).startsWith("TY  - RPRT\r\n").contains("UR  - " + site + "publications/innovation-diffusion/generated-0").endsWith("ER  - \r\n");
        List<?> csl = JSON.std.listFrom(get("/publications/innovation-diffusion/generated-0/citation?format=csl-json").body());
        @SuppressWarnings("unchecked")
        Map<String, Object> item = (Map<String, Object>) csl.get(0);
        assertThat(item).containsEntry("type", "report").containsEntry("title", page.selectFirst("h1").text());
        assertThat(get("/publications/innovation-diffusion/generated-0/citation?format=docx").statusCode()).isEqualTo(400);
        assertThat(get("/publications/innovation-diffusion/no-such-brief/citation?format=ris").statusCode()).isEqualTo(404);
    }

    @Test
    void downloadRedirectsToAPresignedLinkThatServesThePdfUnderItsVersionedName() throws Exception {
        HttpResponse<String> redirect = get("/publications/innovation-diffusion/generated-0/download");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Cache-Control")).hasValue("no-store");
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(stack.s3Endpoint().toString()).contains("X-Amz-Expires=900").contains("X-Amz-Signature=");

        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"generated-0-v2.pdf\"");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        String first = get("/publications/innovation-diffusion/generated-0/download?version=1").headers().firstValue("Location").orElseThrow();
        HttpResponse<byte[]> older = http.send(HttpRequest.newBuilder(URI.create(first)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(older.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"generated-0-v1.pdf\"");
    }

    @Test
    void aTamperedLinkAnUnsignedRequestAndAnExpiredLinkAreRefusedByS3() throws Exception {
        String location = get("/publications/innovation-diffusion/generated-0/download").headers().firstValue("Location").orElseThrow();
        String tampered = location.replace("/v2.pdf", "/v1.pdf");
        assertThat(tampered).isNotEqualTo(location);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(tampered)).build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
        String unsigned = location.substring(0, location.indexOf('?'));
        assertThat(http.send(HttpRequest.newBuilder(URI.create(unsigned)).build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);

        PresignedLinks links = PresignedLinks.at(Region.EU_WEST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), stack.s3Endpoint());
        URI shortLived = links.get("s3cop-publications", "briefs/innovation-diffusion/generated-0/v2.pdf", Duration.ofSeconds(1), Map.of());
        assertThat(http.send(HttpRequest.newBuilder(shortLived).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(200);
        Thread.sleep(2500);
        assertThat(http.send(HttpRequest.newBuilder(shortLived).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(403);
    }

    @Test
    void draftPreviewsAndUnknownIdsAreNotFound() throws Exception {
        for (String path : List.of("/publications/industrial-transition/green-steel-preview",
                "/publications/industrial-transition/green-steel-preview/download",
                "/publications/innovation-diffusion/no-such-brief", "/publications/innovation-diffusion/generated-0/download?version=9")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(response)).containsEntry("status", 404).containsKey("detail");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/publications/Innovation_Diffusion/x", "/publications/innovation-diffusion/Bad%20Slug/download",
            "/publications?limit=0", "/publications?limit=1000", "/publications?limit=ten", "/publications?year=24",
            "/publications?type=white-paper", "/publications?working_group=blue-economy", "/publications?next=not-a-token",
            // Tokens we never gave out, each the Base64 of JSON: null, [], 1, "x", {}, and objects with the wrong members.
            "/publications?next=bnVsbA", "/publications?next=W10", "/publications?next=MQ", "/publications?next=Ingi", "/publications?next=e30", "/publications?next=eyJpIjpudWxsLCJrIjpudWxsfQ", "/publications?next=eyJpIjoiYnktZGF0ZSIsImsiOm51bGx9", "/publications?next=eyJpIjoiYnktZGF0ZSIsImsiOnsiZ3NpM3BrIjoxfX0",
            "/publications/innovation-diffusion/generated-0/download?version=0", "/publications/innovation-diffusion/generated-0/download?version=x"})
    void malformedRequestsGetAClearBadRequest(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat((String) json(response).get("detail")).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /publications/..%2F..%2Fetc/passwd", "GET /publications/innovation-diffusion/..%2F..%2Fsecret/download",
            "GET /publications/%2e%2e/%2e%2e", "GET /webinars/..%2Fregistrations", "GET /webinars/%00",
            "GET /publications?working_group=%0d%0aLocation:%20http://evil.example", "GET /publications?q=HUGE",
            "PUT /publications", "DELETE /publications/innovation-diffusion/generated-0", "POST /calendar.ics", "PATCH /webinars/x"})
    void hostileRequestsGetACleanClientErrorAndInjectNoHeader(String request) throws Exception {
        String method = request.substring(0, request.indexOf(' '));
        String path = request.substring(request.indexOf(' ') + 1).replace("HUGE", "a".repeat(20_000));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(stack.httpEndpoint().orElseThrow().resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(request).isBetween(400, 499);
        assertThat(response.headers().map().keySet()).as(request).noneMatch(name -> name.equalsIgnoreCase("set-cookie"));
        assertThat(response.headers().firstValue("Location")).as(request).isEmpty();
    }

    @Test
    void lineBreaksInASearchInjectNoHeader() throws Exception {
        HttpResponse<String> response = get("/publications?q=%0d%0aSet-Cookie:%20x=1%0d%0aLocation:%20http://evil.example");
        // A search for odd words is a fair search: it finds nothing, and nothing it says becomes a header.
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).containsEntry("items", List.of());
        assertThat(response.headers().map().keySet()).noneMatch(name -> name.equalsIgnoreCase("set-cookie"));
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void aTokenFromOneListingIsRefusedByAnother() throws Exception {
        String next = (String) json(get("/publications?working_group=innovation-diffusion&limit=2")).get("next");
        assertThat(next).isNotNull();
        assertThat(get("/publications?working_group=industrial-transition&next=" + next).statusCode()).isEqualTo(400);
        assertThat(get("/publications?type=policy-brief&next=" + next).statusCode()).isEqualTo(400);
    }

    @Test
    void theCatalogueSiteListsPublishedBriefsPerWorkingGroupWithAFeed() throws Exception {
        HttpResponse<String> index = get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(index.body()).contains("<main id=\"main\">", "<nav aria-label=\"Working groups\">", "Understanding the bottlenecks to innovation diffusion",
                "href=\"/publications/innovation-diffusion/bottlenecks-to-innovation-diffusion/download\"")
                .doesNotContain("green-steel-preview");
        HttpResponse<String> group = get("/working-groups/industrial-transition.html");
        assertThat(group.statusCode()).isEqualTo(200);
        assertThat(group.body()).contains("Industrial Transition working group", "Kompetenzen für den industriellen Wandel")
                .doesNotContain("Understanding the bottlenecks");
        HttpResponse<String> feed = get("/feed.xml");
        assertThat(feed.body()).startsWith("<?xml").contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">", "<title>Partenariats interrégionaux");
        // Read back by a feed parser: entries link to the briefs' pages by absolute addresses, published on the briefs' own dates.
        com.rometools.rome.feed.synd.SyndFeed parsed = new com.rometools.rome.io.SyndFeedInput().build(new java.io.StringReader(feed.body()));
        assertThat(parsed.getFeedType()).isEqualTo("atom_1.0");
        com.rometools.rome.feed.synd.SyndEntry bottlenecks = parsed.getEntries().stream()
                .filter(entry -> entry.getTitle().equals("Understanding the bottlenecks to innovation diffusion")).findFirst().orElseThrow();
        assertThat(bottlenecks.getLink()).isEqualTo(stack.httpEndpoint().orElseThrow() + "/publications/innovation-diffusion/bottlenecks-to-innovation-diffusion");
        assertThat(bottlenecks.getEnclosures()).singleElement().satisfies(enclosure -> assertThat(enclosure.getUrl()).endsWith("/download"));
        Map<String, Object> listed = json(get("/publications/innovation-diffusion/bottlenecks-to-innovation-diffusion"));
        assertThat(bottlenecks.getPublishedDate().toInstant()).isEqualTo(java.time.Instant.parse(listed.get("date") + "T00:00:00Z"));
        assertThat(parsed.getEntries()).allSatisfy(entry -> assertThat(entry.getLink()).startsWith("http://127.0.0.1:"));
        assertThat(index.body()).contains("<style>", "a:focus, button:focus, input:focus");
        assertThat(index.body()).contains("Upcoming webinars", "Regions learning together", "href=\"/webinars/regions-learning-together/invite.ics\"")
                .doesNotContain("private-room");
        assertThat(get("/working-groups/interregional-cooperation.html").body()).contains("Regions learning together");
        assertThat(get("/working-groups/innovation-diffusion.html").body()).doesNotContain("Regions learning together");
        HttpResponse<String> invite = get("/webinars/regions-learning-together/invite.ics");
        assertThat(invite.statusCode()).isEqualTo(200);
        assertThat(invite.body()).contains("BEGIN:VCALENDAR", "UID:webinar-regions-learning-together@s3cop.eu").doesNotContain("private-room");
        assertThat(get("/no-such-page.html").statusCode()).isEqualTo(404);
    }

    @Test
    void theSecretariatsDocumentIsListedOnEveryGroupsPageItNamesAndOnceOnTheHomePage() throws Exception {
        String title = "How to enhance the fulfilment of the S3 enabling condition in European regions";
        for (String group : List.of("innovation-diffusion", "industrial-transition", "interregional-cooperation")) {
            org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(get("/working-groups/" + group + ".html").body());
            assertThat(page.select("h3 a[href=/publications/secretariat/enabling-condition-lessons]")).as(group).singleElement()
                    .satisfies(link -> assertThat(link.text()).startsWith(title));
            assertThat(get("/working-groups/" + group + "/feed.xml").body()).as(group + "'s feed").contains(title);
        }
        org.jsoup.nodes.Document home = org.jsoup.Jsoup.parse(get("/").body());
        assertThat(home.select("h3 a[href=/publications/secretariat/enabling-condition-lessons]")).hasSize(1);
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(http.send(HttpRequest.newBuilder(URI.create(stack.httpEndpoint().orElseThrow()
                + "/publications/secretariat/enabling-condition-lessons")).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(page.select("p.meta").first().text()).contains("Secretariat, for the Innovation Diffusion, Industrial Transition and"
                + " Interregional Cooperation working groups");
        assertThat(page.select("p.meta").first().select("a").eachAttr("href")).containsExactly("/working-groups/innovation-diffusion.html",
                "/working-groups/industrial-transition.html", "/working-groups/interregional-cooperation.html");
    }

    @Test
    void everyPieceOfUserTextOnTheSiteIsEscaped() throws Exception {
        String index = get("/working-groups/innovation-diffusion.html").body();
        assertThat(index).contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;", "&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>").doesNotContain("<b>bold").doesNotContain("<img");
    }

    @Test
    void aBrowserSearchGetsAnHtmlPageAndAnApiClientGetsJson() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(stack.httpEndpoint().orElseThrow() + "/publications?q=slasku"))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("Transformacja przemysłowa na Śląsku", "1 publication matches", "value=\"slasku\"");
        HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create(stack.httpEndpoint().orElseThrow() + "/publications?q=slasku"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        // One address, two answers by Accept: a shared cache must keep them apart.
        assertThat(page.headers().firstValue("Vary")).hasValue("Accept");
        assertThat(json.headers().firstValue("Vary")).hasValue("Accept");

        // The form's filters as a browser sends them: "Any" is an empty field.
        HttpResponse<String> filtered = http.send(HttpRequest.newBuilder(URI.create(stack.httpEndpoint().orElseThrow()
                + "/publications?q=&working_group=&type=policy-brief&year=2023")).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(filtered.statusCode()).as(filtered.body()).isEqualTo(200);
        org.jsoup.nodes.Document results = org.jsoup.Jsoup.parse(filtered.body());
        assertThat(results.select("#type option[selected]").attr("value")).isEqualTo("policy-brief");
        assertThat(results.select("#working_group option[selected]")).isEmpty();
        assertThat(results.select("#year").attr("value")).isEqualTo("2023");
        assertThat(results.select("ol.publications .meta").eachText()).isNotEmpty()
                .allSatisfy(meta -> assertThat(meta).startsWith("Policy brief").contains(" · 2023-"));
    }

    @Test
    void aBrowserPagesThroughAWorkingGroupsPublicationsByTheNextLinks() throws Exception {
        List<String> expected = all("/publications?working_group=industrial-transition&limit=100").stream().map(item -> (String) item.get("title")).toList();
        assertThat(expected).hasSizeGreaterThan(2);
        List<String> titles = new ArrayList<>();
        String address = "/publications?working_group=industrial-transition&limit=2";
        int pages = 0;
        while (address != null) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(stack.httpEndpoint().orElseThrow() + address))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(address + ": " + page.body()).isEqualTo(200);
            org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(page.body());
            titles.addAll(html.select("ol.publications h3").eachText());
            org.jsoup.nodes.Element next = html.selectFirst("a[rel=next]");
            address = next == null ? null : next.attr("href");
            pages++;
            if (address != null) {
                assertThat(html.selectFirst("[role=status]").text()).isEqualTo("Showing " + (2 * pages - 1) + " to " + 2 * pages + " of " + expected.size()
                        + " publications.");
            }
        }
        assertThat(titles).containsExactlyElementsOf(expected);
        assertThat(pages).isGreaterThanOrEqualTo((expected.size() + 1) / 2);
    }

    private static List<Map<String, Object>> all(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) json(response).get("items");
        return items;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stack.httpEndpoint().orElseThrow() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> json(HttpResponse<String> response) throws IOException {
        return JSON.std.mapFrom(response.body());
    }
}
