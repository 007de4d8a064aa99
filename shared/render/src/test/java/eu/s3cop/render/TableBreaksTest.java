package eu.s3cop.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class TableBreaksTest {

    @Test
    void aShortTableMovesWholeAndAsksForNoRoom() {
        Element table = marked(table(8, ""), false).selectFirst("table");
        assertThat(table.hasClass("short")).isTrue();
        assertThat(table.hasAttr("style")).isFalse();
    }

    @Test
    void aLongTableAsksForTheRoomOfItsHeaderAndFirstTwoRowsAndItsCaptionForItsOwnBesides() {
        Element plain = marked(table(9, ""), true);
        Element tall = marked(table(9, " whose name runs on for long enough to take several lines in a narrow cell of the table"), true);

        assertThat(plain.selectFirst("table").hasClass("long")).isTrue();
        double table = room(plain.selectFirst("table"));
        double caption = room(plain.selectFirst("caption"));
        // A header and two one-line rows, about 7 mm each; the caption adds its line.
        assertThat(table).isBetween(20.0, 30.0);
        assertThat(caption).isBetween(table + 5, table + 8);
        assertThat(room(tall.selectFirst("table"))).isGreaterThan(table + 10);
    }

    private static String table(int rows, String longName) {
        StringBuilder html = new StringBuilder("<table><thead><tr><th>Region</th><th>Share</th></tr></thead><tbody>");
        for (int row = 1; row <= rows; row++) {
            html.append("<tr><td>Region ").append(row).append(row <= 2 ? longName : "").append("</td><td>").append(row).append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    private static Element marked(String table, boolean captioned) {
        Element content = Jsoup.parseBodyFragment(table).body();
        if (captioned) {
            content.selectFirst("table").prependElement("caption").text("Table 1: Shares by region");
        }
        TableBreaks.mark(content);
        return content;
    }

    private static double room(Element element) {
        String style = element.attr("style");
        assertThat(style).startsWith("-fs-page-break-min-height: ").endsWith("mm");
        return Double.parseDouble(style.substring("-fs-page-break-min-height: ".length(), style.length() - 2));
    }
}
