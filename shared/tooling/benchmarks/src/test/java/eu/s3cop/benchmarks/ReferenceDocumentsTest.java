package eu.s3cop.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.render.PdfRenderer;
import eu.s3cop.render.RenderSettings;
import eu.s3cop.render.RenderedPdf;
import eu.s3cop.testing.ChildJvm;
import java.time.Instant;
import java.util.List;
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

    /** The memory target: the long report renders within a 128 MB heap, in a JVM of its own. */
    @Test
    void theLongReportRendersWithA128MegabyteHeap() throws Exception {
        ChildJvm.Result child = ChildJvm.run(ReferenceDocumentsTest.class, List.of("-Xmx128m"));
        assertThat(child.exitCode()).as(child.output()).isZero();
        assertThat(child.output()).contains("long-report.md: ").containsPattern("heap 1[0-2][0-9] MB");
    }

    /** Run in the child JVM: renders the long report once and names the heap it had. */
    public static void main(String[] args) {
        pages(ReferenceDocuments.LONG_REPORT);
        System.out.println("heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
    }

    private static int pages(ReferenceDocuments document) {
        RenderedPdf pdf = RENDERER.render(document.draft(), new RenderSettings(1, Instant.parse("2024-10-14T09:00:00Z")), Map.of());
        System.out.println(document.fileName() + ": " + pdf.pages() + " pages, " + pdf.bytes().length + " bytes");
        return pdf.pages();
    }
}
