package eu.s3cop.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class SitePagesTest {

    private static final List<String> GROUPS = List.of("innovation-diffusion", "industrial-transition");
    private static final SitePages PAGES = new SitePages(GROUPS);

    @Test
    void theHomePageListsEveryBriefWhileThereAreFewOfThem() {
        Document home = Jsoup.parse(PAGES.index(listings(SitePages.LATEST), List.of()));

        assertThat(home.select("ol.publications > li")).hasSize(SitePages.LATEST);
        assertThat(home.selectFirst("#list-heading").text()).isEqualTo("All publications");
        assertThat(home.select("p.more")).isEmpty();
    }

    @Test
    void beyondTheLatestTheHomePagePointsToTheWorkingGroupsPages() {
        Document home = Jsoup.parse(PAGES.index(listings(SitePages.LATEST + 1), List.of()));

        assertThat(home.select("ol.publications > li")).hasSize(SitePages.LATEST);
        assertThat(home.selectFirst("#list-heading").text()).isEqualTo("Latest publications");
        assertThat(home.text()).contains("Brief 0").doesNotContain("Brief " + SitePages.LATEST);
        assertThat(home.select("p.more a").eachAttr("href"))
                .containsExactly("/working-groups/innovation-diffusion.html", "/working-groups/industrial-transition.html");
    }

    /** Newest first, as the index returns them. */
    private static List<Listing> listings(int count) {
        return IntStream.range(0, count).mapToObj(i -> new Listing("innovation-diffusion/brief-" + i, "Brief " + i, "policy-brief",
                "innovation-diffusion", List.of("Author"), "2024-05-23", 1, 4, "", "2024-05-23T10:00:00Z")).toList();
    }
}
