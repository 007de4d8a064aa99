package eu.s3cop.render;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.draft.Draft;
import java.time.Instant;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class BriefHtmlTest {

    private static final RenderSettings SETTINGS = new RenderSettings(1, Instant.parse("2024-05-23T10:00:00Z"));

    @Test
    void aLinkToAHeadingByItsAnchorFollowsTheHeadingToItsNewId() {
        Document html = BriefHtml.build(draft("""
                # Results across regions

                See [the results](#results-across-regions), [the Greek case](#%CE%BA%CE%B5%CE%BD%CF%84%CF%81%CE%B9%CE%BA%CE%AE),
                [a footnote](#fn-1), [nothing](#nowhere) and [a broken escape](#100%).

                ## Κεντρική

                Text.
                """), SETTINGS, Map.of(), References.NONE, "");

        assertThat(html.selectFirst("h1#section-1").text()).isEqualTo("Results across regions");
        assertThat(html.selectFirst("a:contains(the results)").attr("href")).isEqualTo("#section-1");
        assertThat(html.selectFirst("a:contains(the Greek case)").attr("href")).isEqualTo("#section-2");
        // Links to anything but a heading are left as they were.
        assertThat(html.selectFirst("a:contains(a footnote)").attr("href")).isEqualTo("#fn-1");
        assertThat(html.selectFirst("a:contains(nothing)").attr("href")).isEqualTo("#nowhere");
        assertThat(html.selectFirst("a:contains(a broken escape)").attr("href")).isEqualTo("#100%");
    }

    @Test
    void figuresAndTablesAreNumberedCaptionedAndReferredToByName() {
        Document html = BriefHtml.build(draft("""
                # Findings

                ![Bar chart of SMEs adopting cloud services](chart.png "SMEs adopting cloud services") {#fig:adoption}

                ![A map of the regions](https://example.org/map.png)

                | Region | Share |
                |--------|------:|
                | Navarra | 41% |

                Table: Adoption *by region* {#tbl:regions}

                See @fig:adoption, [@tbl:regions] and `@fig:adoption` in code.
                """), SETTINGS, Map.of("chart.png", new byte[] {1}), References.NONE, "");

        assertThat(html.select("figure")).hasSize(2);
        Element first = html.selectFirst("figure#fig-adoption");
        assertThat(first.selectFirst("img").attr("alt")).isEqualTo("Bar chart of SMEs adopting cloud services");
        assertThat(first.selectFirst("img").hasAttr("title")).isFalse();
        assertThat(first.selectFirst("caption").text()).isEqualTo("Figure 1: SMEs adopting cloud services");
        // An image from the web is never fetched, but it keeps its number, as the draft's checks counted it.
        assertThat(html.select("figure").get(1).selectFirst("caption").text()).isEqualTo("Figure 2");
        Element table = html.selectFirst("table#tbl-regions");
        assertThat(table.child(0).tagName()).isEqualTo("caption");
        assertThat(table.child(0).text()).isEqualTo("Table 1: Adoption by region");
        assertThat(table.child(0).select("em").text()).isEqualTo("by region");
        assertThat(html.select("p:contains(Table:)")).isEmpty();
        Element text = html.selectFirst("p:contains(in code)");
        assertThat(text.select("a.cross-reference").eachAttr("href")).containsExactly("#fig-adoption", "#tbl-regions");
        assertThat(text.select("a.cross-reference").eachText()).containsExactly("Figure 1", "Table 1");
        assertThat(text.text()).isEqualTo("See Figure 1, Table 1 and @fig:adoption in code.");
    }

    private static Draft draft(String body) {
        return Samples.withBody(body);
    }
}
