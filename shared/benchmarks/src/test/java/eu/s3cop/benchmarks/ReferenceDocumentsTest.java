package eu.s3cop.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.render.PdfRenderer;
import eu.s3cop.render.RenderSettings;
import eu.s3cop.render.RenderedPdf;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmarks measure what they say: a brief of about six pages and a report of about 55. */
class ReferenceDocumentsTest {

    private static final PdfRenderer RENDERER = new PdfRenderer();

    @Test
    void theBriefIsAboutSixPages() {
        assertThat(pages(ReferenceDocuments.BRIEF)).isBetween(5, 7);
    }

    @Test
    void theLongReportIsAboutFiftyFivePages() {
        assertThat(pages(ReferenceDocuments.LONG_REPORT)).isBetween(50, 60);
    }

    private static int pages(ReferenceDocuments document) {
        RenderedPdf pdf = RENDERER.render(document.draft(), new RenderSettings(1, Instant.parse("2024-10-14T09:00:00Z")), Map.of());
        System.out.println(document.fileName() + ": " + pdf.pages() + " pages, " + pdf.bytes().length + " bytes");
        return pdf.pages();
    }
}
