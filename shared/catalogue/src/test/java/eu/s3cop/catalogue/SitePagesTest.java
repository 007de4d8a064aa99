package eu.s3cop.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.publications.Publication;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class SitePagesTest {

    private static final List<String> GROUPS = List.of("innovation-diffusion", "industrial-transition");
    private static final SitePages PAGES = new SitePages(GROUPS);

    @Test
    void theHomePageListsEveryBriefWhileThereAreFewOfThem() {
        Document home = Jsoup.parse(PAGES.index(listings(SitePages.LATEST), List.of(), List.of(), java.time.Instant.EPOCH));

        assertThat(home.select("ol.publications > li")).hasSize(SitePages.LATEST);
        assertThat(home.selectFirst("#list-heading").text()).isEqualTo("All publications");
        assertThat(home.select("p.more")).isEmpty();
    }

    @Test
    void beyondTheLatestTheHomePagePointsToTheWorkingGroupsPages() {
        Document home = Jsoup.parse(PAGES.index(listings(SitePages.LATEST + 1), List.of(), List.of(), java.time.Instant.EPOCH));

        assertThat(home.select("ol.publications > li")).hasSize(SitePages.LATEST);
        assertThat(home.selectFirst("#list-heading").text()).isEqualTo("Latest publications");
        assertThat(home.text()).contains("Brief 0").doesNotContain("Brief " + SitePages.LATEST);
        assertThat(home.select("p.more a").eachAttr("href"))
                .containsExactly("/working-groups/innovation-diffusion.html", "/working-groups/industrial-transition.html");
    }

    @Test
    void aWorkingGroupPageShowsItsNewestBriefsAndLinksToTheSearchOfAllOfThem() {
        Document few = Jsoup.parse(PAGES.workingGroup("innovation-diffusion", Optional.empty(), listings(SitePages.LATEST), List.of(), List.of(), java.time.Instant.EPOCH));
        assertThat(few.select("ol.publications > li")).hasSize(SitePages.LATEST);
        assertThat(few.selectFirst("#list-heading").text()).isEqualTo("Publications of the Innovation Diffusion working group");
        assertThat(few.select("p.more")).isEmpty();

        Document many = Jsoup.parse(PAGES.workingGroup("innovation-diffusion", Optional.empty(), listings(SitePages.LATEST + 1), List.of(), List.of(), java.time.Instant.EPOCH));
        assertThat(many.select("ol.publications > li")).hasSize(SitePages.LATEST);
        assertThat(many.selectFirst("#list-heading").text()).isEqualTo("Latest publications of the Innovation Diffusion working group");
        assertThat(many.text()).contains("Brief 0").doesNotContain("Brief " + SitePages.LATEST);
        assertThat(many.selectFirst("p.more a").attr("href")).isEqualTo("/publications?working_group=innovation-diffusion");
        assertThat(many.selectFirst("p.more a").text()).isEqualTo("All publications of the Innovation Diffusion working group");
    }

    @Test
    void searchResultsWithMoreToFollowSaySoAndLinkToTheNextPage() {
        Document last = Jsoup.parse(PAGES.results("energy", listings(2)));
        assertThat(last.selectFirst("[role=status]").text()).isEqualTo("2 publications match “energy”.");
        assertThat(last.select("a[rel=next]")).isEmpty();

        Document first = Jsoup.parse(PAGES.results("", listings(2), "/publications?working_group=innovation-diffusion&next=a%2Bb\"&x"));
        assertThat(first.selectFirst("[role=status]").text()).isEqualTo("Showing 2 publications; more follow.");
        assertThat(first.selectFirst("a[rel=next]").attr("href")).isEqualTo("/publications?working_group=innovation-diffusion&next=a%2Bb\"&x");
        assertThat(first.title()).isEqualTo("Publications · S3 CoP");
    }

    @Test
    void recordingsAreListedWithLinksToTheWebinarsPageAndTheRecording() {
        eu.s3cop.webinar.model.Webinar recorded = new eu.s3cop.webinar.model.Webinar("bottlenecks-2024", "Understanding the bottlenecks",
                "innovation-diffusion", java.time.LocalDateTime.parse("2024-05-23T10:00"), java.time.ZoneId.of("Europe/Brussels"),
                java.time.Duration.ofMinutes(90), "", List.of(), eu.s3cop.webinar.model.Format.ONLINE, null, List.of(), "https://example.org/join/secret",
                null, 0, 0, "https://example.org/recording/1", false);
        Document home = Jsoup.parse(PAGES.index(listings(1), List.of(), List.of(recorded), java.time.Instant.EPOCH));
        assertThat(home.selectFirst("#recordings-heading").text()).isEqualTo("Recent recordings");
        assertThat(home.select("section[aria-labelledby=recordings-heading] a").eachAttr("href"))
                .containsExactly("/webinars/bottlenecks-2024", "https://example.org/recording/1");
        assertThat(home.html()).doesNotContain("join/secret");
        assertThat(Jsoup.parse(PAGES.index(listings(1), List.of(), List.of(), java.time.Instant.EPOCH)).select("#recordings-heading")).isEmpty();
    }

    @Test
    void everyPageCarriesTheStylesheetAndLinksNoOther() {
        for (String html : List.of(PAGES.index(listings(1), List.of(), List.of(), java.time.Instant.EPOCH), PAGES.workingGroup("industrial-transition", Optional.empty(), List.of(), List.of(), List.of(), java.time.Instant.EPOCH),
                PAGES.results("energy", listings(1)))) {
            Document page = Jsoup.parse(html);
            assertThat(page.select("head > style")).hasSize(1);
            assertThat(page.selectFirst("head > style").data()).contains("a:focus, button:focus, input:focus");
            // As written, not escaped: a browser reads a style element's text as it stands.
            assertThat(html).contains("ol.publications > li {");
            assertThat(page.select("link[rel=stylesheet]")).isEmpty();
        }
    }

    /** Newest first, as the index returns them. */
    private static List<Publication> listings(int count) {
        return IntStream.range(0, count).mapToObj(i -> new Publication("innovation-diffusion/brief-" + i, "Brief " + i, "policy-brief",
                "innovation-diffusion", List.of("Author"), "2024-05-23", "en", "", List.of(), 1, 4, 1024,
                "briefs/innovation-diffusion/brief-" + i + "/v1.pdf", "", "2024-05-23T10:00:00Z")).toList();
    }
}
