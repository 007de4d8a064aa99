package eu.s3cop.render;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.util.XRLog;
import eu.s3cop.draft.Draft;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.logging.Level;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jsoup.helper.W3CDom;

/**
 * Renders a checked draft to a PDF brief with openhtmltopdf (CSS paged media on PDFBox).
 *
 * <p>Theme and colour profile are read once, when the renderer is made; each font file is read
 * once, when a brief first needs it, and parsed once (per render running at the same time); a renderer is safe to share
 * between threads. The PDF embeds its fonts, is tagged for assistive technology
 * (PDF/UA) and archival (PDF/A-2u), and is reproducible: the same draft, version and upload time
 * give the same bytes. Nothing is fetched while rendering: the only resources the layout engine
 * may load are the draft's images, fetched and checked beforehand.
 */
public final class PdfRenderer {

    private static final String FONTS = "/eu/s3cop/render/fonts/";
    static {
        // openhtmltopdf reports every step at INFO; only warnings matter.
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }
    private static final String SANS = "Noto Sans";
    private static final String MONO = "Noto Sans Mono";

    private record Font(String family, int weight, FontStyle style, String file) {
    }

    /**
     * The font files, read from the jar when a brief first needs each: most briefs never use the
     * mono, math or symbol fonts, and a short preview need not inflate them.
     */
    private static final Map<String, byte[]> FONT_FILES = new java.util.concurrent.ConcurrentHashMap<>();

    private final List<Font> fonts;
    /** Sets of parsed fonts, each used by one render at a time; as many as renders ever ran at once. */
    private final Deque<Map<Font, TrueTypeFont>> parsedFonts = new ConcurrentLinkedDeque<>();
    private final String css;
    private final byte[] colourProfile;

    public PdfRenderer() {
        this.fonts = List.of(
                font(SANS, 400, FontStyle.NORMAL, "NotoSans-Regular.ttf"),
                font(SANS, 700, FontStyle.NORMAL, "NotoSans-Bold.ttf"),
                font(SANS, 400, FontStyle.ITALIC, "NotoSans-Italic.ttf"),
                font(SANS, 700, FontStyle.ITALIC, "NotoSans-BoldItalic.ttf"),
                font(MONO, 400, FontStyle.NORMAL, "NotoSansMono-Regular.ttf"),
                font(MONO, 700, FontStyle.NORMAL, "NotoSansMono-Bold.ttf"),
                font("Noto Sans Math", 400, FontStyle.NORMAL, "NotoSansMath-Regular.ttf"),
                font("Noto Sans Symbols 2", 400, FontStyle.NORMAL, "NotoSansSymbols2-Regular.ttf"));
        this.css = new String(resource("/eu/s3cop/render/brief.css"), StandardCharsets.UTF_8);
        this.colourProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    }

    /**
     * Reads and parses the text fonts (regular, bold and their italics, which every brief uses)
     * for the next render, which then starts with them ready: a preview does this on a second
     * core while the draft is still being read and checked.
     */
    public void prepareTextFonts() {
        Map<Font, TrueTypeFont> set = new HashMap<>();
        try {
            for (Font font : fonts.subList(0, 4)) {
                parsedFont(set, font);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("A bundled font cannot be read: " + e.getMessage(), e);
        }
        parsedFonts.push(set);
    }

    /**
     * @param images the draft's local images by the path the draft gives, fetched and checked by {@link Images#resolve}
     */
    public RenderedPdf render(Draft draft, RenderSettings settings, Map<String, byte[]> images) {
        return render(draft, settings, images, References.NONE);
    }

    /**
     * @param images the draft's local images by the path the draft gives, fetched and checked by {@link Images#resolve}
     * @param references its citations and reference list, formatted by {@link References#resolve}
     */
    public RenderedPdf render(Draft draft, RenderSettings settings, Map<String, byte[]> images, References references) {
        org.jsoup.nodes.Document html = BriefHtml.build(draft, settings, images, references, css);
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFastMode()
                // Page content is written plain (openhtmltopdf's "test mode" does only that) and
                // compressed by ContentStreams, once its empty artifacts are gone.
                .testMode(true)
                .useUnicodeLineBreaker(new Apostrophes())
                .usePdfUaAccessibility(true)
                .usePdfAConformance(PdfAConformance.PDFA_2_U)
                .useColorProfile(colourProfile)
                .usePageSupplier((document, width, height, page, shadowPage) -> PropertyLists.newPage(document, width, height))
                .withProducer("S3 CoP publishing pipeline")
                .withW3cDocument(new W3CDom().fromJsoup(html), "about:blank")
                // Only the draft's own, already fetched images may load; every other address is refused.
                .useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith(BriefHtml.IMAGE_SCHEME + ":"),
                        ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useUriResolver((base, uri) -> uri != null && uri.startsWith(BriefHtml.IMAGE_SCHEME + ":") ? uri : null)
                .useProtocolsStreamImplementation(url -> imageStream(url, images), BriefHtml.IMAGE_SCHEME)
                .useHttpStreamImplementation(url -> {
                    throw new IllegalStateException("The renderer never fetches from the network: " + url);
                });
        Map<Font, TrueTypeFont> parsed = parsedFonts.poll();
        if (parsed == null) {
            parsed = new HashMap<>();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try (PDDocument document = new PDDocument()) {
            builder.usePDDocument(document);
            for (Font font : fonts) {
                Map<Font, TrueTypeFont> set = parsed;
                builder.useFont(new OnFirstUse(() -> PDType0Font.load(document, parsedFont(set, font), true)),
                        font.family(), font.weight(), font.style(), true);
            }
            try (PdfBoxRenderer renderer = measuringOnce(builder.buildPdfRenderer()); PDDocument pdf = renderer.createPDFKeepOpen()) {
                TableCaptions.nest(pdf);
                Reproducible.stamp(pdf, settings, draft);
                SmallObjects.inline(pdf);
                ContentStreams.compact(pdf);
                int pages = pdf.getNumberOfPages();
                pdf.save(out);
                return new RenderedPdf(XrefStreams.withOwnEntry(out.toByteArray()), pages);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Rendering " + draft.publicationId() + " failed: " + e.getMessage(), e);
        } finally {
            parsedFonts.push(parsed);
        }
    }

    /** The layout engine with a text measure that asks each font for a character's width once: {@link TextWidths}. */
    private static PdfBoxRenderer measuringOnce(PdfBoxRenderer renderer) {
        renderer.getSharedContext().setTextRenderer(new TextWidths());
        return renderer;
    }

    /**
     * A font file parsed once and kept: parsing was a tenth of a short brief's render time. Each
     * PDF embeds its own subset of it; the parsed font is only read, but through one stream, so a
     * set of parsed fonts serves one render at a time.
     */
    private static TrueTypeFont parsedFont(Map<Font, TrueTypeFont> set, Font font) throws IOException {
        TrueTypeFont parsed = set.get(font);
        if (parsed == null) {
            parsed = new TTFParser().parse(new RandomAccessReadBuffer(FONT_FILES.computeIfAbsent(font.file(), file -> resource(FONTS + file))));
            // PDFBox would apply the fonts' substitution rules word by word as it writes text (a
            // regex split and a list copy per word, 4 % of a long report) while openhtmltopdf
            // measures the unsubstituted glyphs; with Noto's rules the bytes are the same either way.
            parsed.setEnableGsub(false);
            set.put(font, parsed);
        }
        return parsed;
    }

    /** A PDF's font, made only when the layout first asks for it: most briefs never use mono, math or symbols. */
    private static final class OnFirstUse extends PDFontSupplier {

        private final FontLoader loader;
        private PDFont font;

        OnFirstUse(FontLoader loader) {
            super(null);
            this.loader = loader;
        }

        @Override
        public PDFont supply() {
            if (font == null) {
                try {
                    font = loader.load();
                } catch (IOException e) {
                    throw new UncheckedIOException("A bundled font cannot be read: " + e.getMessage(), e);
                }
            }
            return font;
        }
    }

    @FunctionalInterface
    private interface FontLoader {
        PDFont load() throws IOException;
    }

    private static FSStream imageStream(String url, Map<String, byte[]> images) {
        int index = Integer.parseInt(url.substring(BriefHtml.IMAGE_SCHEME.length() + 1));
        byte[] bytes = images.values().stream().skip(index).findFirst().orElse(new byte[0]);
        return new FSStream() {
            @Override
            public InputStream getStream() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public Reader getReader() {
                return new java.io.InputStreamReader(getStream(), StandardCharsets.UTF_8);
            }
        };
    }

    private static Font font(String family, int weight, FontStyle style, String file) {
        return new Font(family, weight, style, file);
    }

    private static byte[] resource(String path) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path + " in the renderer's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
