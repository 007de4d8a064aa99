package eu.s3cop.render;

import com.openhtmltopdf.extend.FontContext;
import com.openhtmltopdf.render.FSFont;
import com.openhtmltopdf.pdfboxout.PdfBoxFSFont;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver.FontDescription;
import com.openhtmltopdf.pdfboxout.PdfBoxTextRenderer;
import com.openhtmltopdf.pdfboxout.PdfContentStreamAdapter;
import com.openhtmltopdf.util.OpenUtil;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * openhtmltopdf's text measure, with each character's advance asked of the font once per render.
 *
 * <p>The layout measures every word it may break a line at, and the table of contents every
 * leader, each time through {@code PDFont.getStringWidth}: PDFBox encodes the string, then reads
 * each glyph's code back through a stream and its code-space ranges (a stream pipeline and an
 * array per glyph), a twelfth of a long report's render. A string's width is the sum of its
 * characters' advances, added in order; here each advance is one array read. The sums are those
 * PDFBox makes, to the bit: each advance is PDFBox's own width of the character alone, and they
 * are added in the same order from zero. A string with a character the first font lacks goes to
 * openhtmltopdf's own measure, which splits it into runs over the fallback fonts.
 *
 * <p>One instance serves one render (fonts are objects of one PDF); it is not thread-safe.
 */
final class TextWidths extends PdfBoxTextRenderer {

    private static final float TEXT_MEASURING_DELTA = 0.01f;
    private static final float UNKNOWN = Float.NaN;
    private static final float MISSING = Float.NEGATIVE_INFINITY;

    private final Map<PDFont, Advances> fonts = new IdentityHashMap<>();

    @Override
    public int getWidth(FontContext context, FSFont font, String string) {
        PDFont first = firstFont((PdfBoxFSFont) font);
        if (first == null) {
            return super.getWidth(context, font, string);
        }
        Advances advances = fonts.computeIfAbsent(first, Advances::new);
        float width = 0;
        for (int i = 0; i < string.length(); ) {
            int codePoint = string.codePointAt(i);
            i += Character.charCount(codePoint);
            // The characters openhtmltopdf leaves out of what it prints and measures (soft hyphens).
            if (!OpenUtil.isSafeFontCodePointToPrint(codePoint)) {
                continue;
            }
            float advance = advances.of(codePoint);
            if (advance == MISSING) {
                return super.getWidth(context, font, string);
            }
            width += advance;
        }
        // As openhtmltopdf rounds: up, unless within a hundredth of a unit above a whole one.
        float result = width / 1000f * font.getSize2D();
        return result - Math.floor(result) < TEXT_MEASURING_DELTA ? (int) result : (int) Math.ceil(result);
    }

    /** The font openhtmltopdf measures with: the first of the family that could be loaded. */
    private static PDFont firstFont(PdfBoxFSFont font) {
        if (font.getFontDescriptions() == null) {
            return null;
        }
        for (FontDescription description : font.getFontDescriptions()) {
            if (description.getFont() != null) {
                return description.getFont();
            }
        }
        return null;
    }

    /** One font's advances by code point, in pages of 256 made on first use: a brief touches a handful. */
    private static final class Advances {

        private final PDFont font;
        private final float[][] basicPlane = new float[256][];
        private final Map<Integer, Float> otherPlanes = new HashMap<>();

        Advances(PDFont font) {
            this.font = font;
        }

        float of(int codePoint) {
            if (codePoint > 0xFFFF) {
                return otherPlanes.computeIfAbsent(codePoint, this::measure);
            }
            float[] page = basicPlane[codePoint >>> 8];
            if (page == null) {
                page = new float[256];
                Arrays.fill(page, UNKNOWN);
                basicPlane[codePoint >>> 8] = page;
            }
            float advance = page[codePoint & 0xFF];
            if (Float.isNaN(advance)) {
                advance = measure(codePoint);
                page[codePoint & 0xFF] = advance;
            }
            return advance;
        }

        private float measure(int codePoint) {
            try {
                return font.getStringWidth(Character.toString(codePoint));
            } catch (IllegalArgumentException notInFont) {
                return MISSING;
            } catch (IOException e) {
                throw new PdfContentStreamAdapter.PdfException("getWidth", e);
            }
        }
    }
}
