package eu.s3cop.benchmarks;

import eu.s3cop.draft.DraftReader;
import eu.s3cop.draft.DraftRules;
import eu.s3cop.draft.Outcome;
import eu.s3cop.render.PdfRenderer;
import eu.s3cop.render.RenderSettings;
import eu.s3cop.render.RenderedPdf;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Markdown to PDF in a warm renderer, as publish-brief does it for each upload: read and check
 * the draft, lay it out, and write a tagged PDF/UA-1, PDF/A-2u file. Sampled, so the figures
 * include the median and tail of single renders, not only their mean.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class RenderBenchmark {

    @Param({"BRIEF", "LONG_REPORT"})
    public ReferenceDocuments document;

    private final DraftReader reader = new DraftReader(DraftRules.defaults());
    private final RenderSettings settings = new RenderSettings(1, Instant.parse("2024-10-14T09:00:00Z"));
    private PdfRenderer renderer;
    private byte[] markdown;

    @Setup
    public void setUp() {
        renderer = new PdfRenderer();
        markdown = document.markdown();
    }

    @Benchmark
    public RenderedPdf markdownToPdf() {
        Outcome outcome = reader.read(document.fileName(), markdown);
        return renderer.render(((Outcome.Accepted) outcome).draft(), settings, Map.of());
    }
}
