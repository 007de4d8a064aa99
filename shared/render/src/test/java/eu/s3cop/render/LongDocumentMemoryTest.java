package eu.s3cop.render;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.draft.Draft;
import eu.s3cop.draft.DraftReader;
import eu.s3cop.draft.DraftRules;
import eu.s3cop.upload.Outcome;
import eu.s3cop.testing.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The 60-page document renders in a JVM whose heap is far below a 512 MB Lambda's memory. */
class LongDocumentMemoryTest {

    static final String HEAP = "-Xmx128m";

    @Test
    void aSixtyPageDocumentRendersWithA128MegabyteHeap() throws Exception {
        ChildJvm.Result child = ChildJvm.run(LongDocumentMemoryTest.class, List.of(HEAP));
        String output = child.output();
        assertThat(child.exitCode()).as(output).isZero();
        assertThat(output).containsPattern("rendered ([6-9][0-9]|[1-9][0-9]{2}) pages");
    }

    /** Run in the child JVM: renders the long document once. */
    public static void main(String[] args) {
        Outcome<Draft> outcome = new DraftReader(DraftRules.defaults()).read("long-report.md", LongDocument.draft(44).getBytes(StandardCharsets.UTF_8));
        RenderedPdf pdf = new PdfRenderer().render(((Outcome.Accepted<Draft>) outcome).value(),
                new RenderSettings(1, Instant.parse("2024-09-30T08:00:00Z")), Map.of());
        System.out.println("rendered " + pdf.pages() + " pages, " + pdf.bytes().length + " bytes, heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
    }
}
