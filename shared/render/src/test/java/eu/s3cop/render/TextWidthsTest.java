package eu.s3cop.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.openhtmltopdf.bidi.SimpleBidiReorderer;
import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.pdfboxout.PdfBoxFSFont;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver.FontDescription;
import com.openhtmltopdf.pdfboxout.PdfBoxTextRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The remembered advances measure every string exactly as openhtmltopdf's own measure does. */
class TextWidthsTest {

    private static PDDocument document;
    private static PDFont sans;
    private static PDFont symbols;

    @BeforeAll
    static void loadFonts() throws IOException {
        document = new PDDocument();
        sans = font("NotoSans-Regular.ttf");
        symbols = font("NotoSansSymbols2-Regular.ttf");
    }

    @AfterAll
    static void close() throws IOException {
        document.close();
    }

    @Test
    void everyWordOfEverySampleMeasuresAsOpenhtmltopdfMeasuresIt() throws IOException {
        Set<String> words = new LinkedHashSet<>();
        for (String sample : Samples.all()) {
            String text = Files.readString(Samples.draftFile(sample), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                words.add(line);
                words.addAll(List.of(line.split(" ")));
            }
        }
        words.addAll(List.of(LongDocument.draft(2).split("[ \n]")));
        assertThat(words).hasSizeGreaterThan(500);

        assertSameWidths(new ArrayList<>(words));
    }

    @Test
    void softHyphensSymbolsFromFallbackFontsAndMissingCharactersMeasureAsOpenhtmltopdfMeasuresThem() {
        assertSameWidths(List.of(
                "", " ", "co\u00ADoperation", "\u00AD", "object\uFFFCreplacement",
                // Not in Noto Sans: measured from the fallback font, as runs.
                "done ✓ open ☐", "★", "steps ↩ back", "a much longer sentence with one check mark ✓ somewhere in the middle of it",
                // In no font at all, and beyond the basic plane.
                "\uE000 private use", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "emoji 🙂 face", "Ελληνικά, Български, Čeština"));
    }

    private static void assertSameWidths(List<String> strings) {
        // What a missing character is replaced by comes from the render's context.
        SharedContext context = new SharedContext();
        context.registerWithThread();
        try {
            compareWidths(strings);
        } finally {
            context.removeFromThread();
        }
    }

    private static void compareWidths(List<String> strings) {
        PdfBoxTextRenderer library = new PdfBoxTextRenderer();
        library.setup(null, new SimpleBidiReorderer());
        TextWidths remembered = new TextWidths();
        remembered.setup(null, new SimpleBidiReorderer());
        for (float size : new float[] {7.5f, 10f, 13.333f, 24f}) {
            PdfBoxFSFont font = new PdfBoxFSFont(List.of(
                    new FontDescription(sans, IdentValue.NORMAL, 400),
                    new FontDescription(symbols, IdentValue.NORMAL, 400)), size);
            for (String string : strings) {
                // Twice: the second measure reads only remembered advances.
                assertThat(remembered.getWidth(null, font, string)).as("'%s' at %s", string, size)
                        .isEqualTo(library.getWidth(null, font, string))
                        .isEqualTo(remembered.getWidth(null, font, string));
            }
        }
    }

    private static PDFont font(String file) throws IOException {
        try (InputStream in = TextWidthsTest.class.getResourceAsStream("/eu/s3cop/render/fonts/" + file)) {
            return PDType0Font.load(document, in, true);
        }
    }
}
