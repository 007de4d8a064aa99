package eu.s3cop.render;

import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * Where the brief's tables may break across pages, decided before layout with what brief.css
 * does with the marks: a short table moves to the next page whole; a long one splits, but starts
 * on the next page when its caption, header and first two rows would not fit at a page's foot.
 *
 * <p>The layout engine can keep a block from starting with too little room below it
 * ({@code -fs-page-break-min-height}), but it measures nothing: the room a table's start needs
 * is estimated here from the text of its caption, header and first two rows at the table's type
 * size, generously, so that a table rather starts a page early than leaves its header and one
 * row at the foot of one.
 */
final class TableBreaks {

    /**
     * Tables of at most this many rows move to the next page whole rather than split: a short
     * table is read at a glance, and split it would leave its header and a row or two at a
     * page's foot. Eight rows of the brief's tables take about a quarter of a page.
     */
    static final int SHORT_TABLE_ROWS = 8;

    // brief.css: the text is 170 mm wide; tables are set in 9pt type at a line height of 1.45, with
    // cells padded 1.2 mm above and below and 1.5 mm at the sides; a caption has 1.5 mm below it.
    private static final double TEXT_WIDTH_MM = 170;
    private static final double LINE_MM = 9 * 1.45 * 25.4 / 72;
    private static final double CELL_SIDES_MM = 3.2;
    private static final double CELL_ENDS_MM = 2.6;
    private static final double CAPTION_BELOW_MM = 1.5;
    /** A 9pt character of Noto Sans, bold ones and the space lost where lines wrap included: about 1.6 mm, counted as more. */
    private static final double CHARACTER_MM = 1.9;
    private static final double SPARE_MM = 3;

    private TableBreaks() {
    }

    static void mark(Element content) {
        for (Element table : content.select("table")) {
            List<Element> rows = table.select("tbody > tr");
            if (rows.size() <= SHORT_TABLE_ROWS) {
                table.addClass("short");
                continue;
            }
            table.addClass("long");
            Element header = table.selectFirst("thead > tr");
            List<Element> start = header == null ? rows.subList(0, 2) : List.of(header, rows.get(0), rows.get(1));
            int columns = rows.get(0).children().size();
            double needed = SPARE_MM;
            for (Element row : start) {
                needed += rowHeight(row, columns);
            }
            Element caption = table.selectFirst("caption");
            if (caption != null) {
                // The caption is laid out first, so it asks for the room of all; the table then asks for
                // its own share, which is there whenever the caption's was.
                double captionHeight = lines(caption.text(), TEXT_WIDTH_MM) * LINE_MM + CAPTION_BELOW_MM;
                caption.attr("style", minimumRoom(needed + captionHeight));
            }
            table.attr("style", minimumRoom(needed));
        }
    }

    private static double rowHeight(Element row, int columns) {
        double cellWidth = TEXT_WIDTH_MM / Math.max(1, columns) - CELL_SIDES_MM;
        int lines = 1;
        for (Element cell : row.children()) {
            lines = Math.max(lines, lines(cell.text(), cellWidth));
        }
        return lines * LINE_MM + CELL_ENDS_MM;
    }

    private static int lines(String text, double widthMm) {
        return Math.max(1, (int) Math.ceil(text.length() * CHARACTER_MM / Math.max(widthMm, CHARACTER_MM)));
    }

    private static String minimumRoom(double millimetres) {
        return String.format(Locale.ROOT, "-fs-page-break-min-height: %.1fmm", millimetres);
    }
}
