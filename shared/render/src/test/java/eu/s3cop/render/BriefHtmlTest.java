package eu.s3cop.render;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.draft.Draft;
import java.time.Instant;
import java.util.Map;
import org.jsoup.nodes.Document;
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
                """), SETTINGS, Map.of(), "");

        assertThat(html.selectFirst("h1#section-1").text()).isEqualTo("Results across regions");
        assertThat(html.selectFirst("a:contains(the results)").attr("href")).isEqualTo("#section-1");
        assertThat(html.selectFirst("a:contains(the Greek case)").attr("href")).isEqualTo("#section-2");
        // Links to anything but a heading are left as they were.
        assertThat(html.selectFirst("a:contains(a footnote)").attr("href")).isEqualTo("#fn-1");
        assertThat(html.selectFirst("a:contains(nothing)").attr("href")).isEqualTo("#nowhere");
        assertThat(html.selectFirst("a:contains(a broken escape)").attr("href")).isEqualTo("#100%");
    }

    private static Draft draft(String body) {
        return Samples.withBody(body);
    }
}
