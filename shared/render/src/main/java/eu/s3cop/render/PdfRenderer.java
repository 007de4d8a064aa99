package eu.s3cop.render;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.extend.FSStream;
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
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jsoup.helper.W3CDom;

/**
 * Renders a checked draft to a PDF brief with openhtmltopdf (CSS paged media on PDFBox).
 *
 * <p>Fonts, theme and colour profile are read once, when the renderer is made; a renderer is
 * safe to share between threads. The PDF embeds its fonts, is tagged for assistive technology
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

    private record Font(String family, int weight, FontStyle style, byte[] bytes) {
    }

    private final List<Font> fonts;
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
     * @param images the draft's local images by the path the draft gives, fetched and checked by {@link Images#resolve}
     */
    public RenderedPdf render(Draft draft, RenderSettings settings, Map<String, byte[]> images) {
        org.jsoup.nodes.Document html = BriefHtml.build(draft, settings, images, css);
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFastMode()
                .usePdfUaAccessibility(true)
                .usePdfAConformance(PdfAConformance.PDFA_2_U)
                .useColorProfile(colourProfile)
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
        for (Font font : fonts) {
            builder.useFont(() -> new ByteArrayInputStream(font.bytes()), font.family(), font.weight(), font.style(), true);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer(); PDDocument pdf = renderer.createPDFKeepOpen()) {
            Reproducible.stamp(pdf, settings, draft);
            int pages = pdf.getNumberOfPages();
            pdf.save(out);
            return new RenderedPdf(out.toByteArray(), pages);
        } catch (IOException e) {
            throw new UncheckedIOException("Rendering " + draft.publicationId() + " failed: " + e.getMessage(), e);
        }
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
        return new Font(family, weight, style, resource(FONTS + file));
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
