package eu.s3cop.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class OnlineBriefTest {

    private static final String SAMPLE = "innovation-diffusion/cloud-adoption-in-regions.md";

    @Test
    void theArticleNumbersFiguresAndTablesAsThePdfDoesAndLinksReferencesAndNotes() throws Exception {
        Map<String, byte[]> images = Samples.images(SAMPLE);
        OnlineBrief.Article article = OnlineBrief.of(Samples.draft(SAMPLE), images, "v3");
        Element html = Jsoup.parseBodyFragment(article.html()).body();

        assertThat(html.selectFirst("article.brief").attr("lang")).isEqualTo("en");
        // The page's title is its h1: the draft's headings come one level down, with the PDF's anchors.
        assertThat(html.select("h1")).isEmpty();
        assertThat(html.selectFirst("h2#section-1").text()).isEqualTo("Cloud services in regional SMEs");
        assertThat(html.select("nav.toc a")).extracting(Element::text)
                .containsExactly("Cloud services in regional SMEs", "Three regions, one gap");
        assertThat(html.selectFirst("nav.toc").attr("aria-labelledby")).isEqualTo("contents-heading");

        Element figure = html.selectFirst("figure#fig-adoption");
        assertThat(figure.selectFirst("img").attr("src")).isEqualTo("v3/1.png");
        assertThat(figure.selectFirst("img").attr("alt")).startsWith("Bar chart: 41% of SMEs");
        assertThat(figure.selectFirst("figcaption").text()).isEqualTo("Figure 1: SMEs adopting cloud services, 2023");
        assertThat(article.figures()).containsOnlyKeys("1.png");
        assertThat(article.figures().get("1.png")).isEqualTo(images.get("adoption-chart.png"));

        Element table = html.selectFirst("div.table-scroll[role=region][tabindex=0] > table");
        assertThat(table.selectFirst("caption").text()).startsWith("Table 1: Adoption of cloud services");
        assertThat(table.parent().attr("aria-label")).isEqualTo(table.selectFirst("caption").text());
        assertThat(table.select("thead th")).hasSize(3);
        assertThat(table.select("[align]")).as("no obsolete align attribute").isEmpty();
        assertThat(table.select("tbody tr").get(0).select("td")).extracting(cell -> cell.className())
                .containsExactly("", "align-right", "align-right");
        assertThat(html.selectFirst("a[href=#fig-adoption]").text()).isEqualTo("Figure 1");

        Element note = html.selectFirst("sup a[href^=#fn]");
        assertThat(html.getElementById(note.attr("href").substring(1)).text()).contains("Each region reports its S3 indicators");
    }

    @Test
    void anImageNotFetchedShowsAsItsTextAndNothingButTheWebMailAndTheDocumentIsLinked() {
        OnlineBrief.Article article = OnlineBrief.of(Samples.withBody("""
                # Links

                ![A remote chart](https://example.org/chart.png) [web](https://example.org/) [mail](mailto:s3cop@example.org)
                [script](javascript:alert(1)) [file](file:///etc/passwd) <script>alert(1)</script>
                """), Map.of(), "v1");
        Element html = Jsoup.parseBodyFragment(article.html()).body();

        assertThat(html.select("img")).isEmpty();
        assertThat(html.selectFirst(".remote-image").text()).isEqualTo("[A remote chart] (https://example.org/chart.png)");
        assertThat(html.select("a[href]")).extracting(link -> link.attr("href"))
                .containsExactly("#section-1", "https://example.org/", "mailto:s3cop@example.org");
        assertThat(html.select("script")).isEmpty();
        assertThat(html.text()).contains("<script>alert(1)</script>");
        assertThat(article.figures()).isEmpty();
    }

    @Test
    void thePdfStillLaysOutTheSameBody() {
        // The article and the PDF share the body's making; the PDF keeps its own image addresses and bookmarks.
        org.jsoup.nodes.Document pdfHtml = BriefHtml.build(Samples.draft(SAMPLE), new RenderSettings(1, Instant.EPOCH), Samples.images(SAMPLE), References.NONE, "");
        assertThat(pdfHtml.selectFirst("main img").attr("src")).isEqualTo(BriefHtml.IMAGE_SCHEME + ":0");
        assertThat(pdfHtml.select("head bookmarks bookmark")).hasSize(2);
        assertThat(pdfHtml.select("main h1")).hasSize(1);
    }
}
