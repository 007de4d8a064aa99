package eu.s3cop.benchmarks;

import eu.s3cop.draft.Draft;
import eu.s3cop.draft.DraftReader;
import eu.s3cop.draft.DraftRules;
import eu.s3cop.upload.Outcome;
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
 *
 * <p>Warm means compiled: on 2 cores the JIT keeps compiling the layout engine and PDFBox for
 * about 25 seconds of rendering, and renders grow faster all that while (the 57-page report took
 * 410 ms after 10 seconds, 230 after 20, 200 from 26 on). Forty seconds of warm-up leave the
 * measured renders on that plateau; JMH's own default is fifty.
 *
 * <p>The heap is fixed at 1 GiB. A render of the long report allocates 170 MB, and G1 sizes the
 * heap anew as it goes: runs that left it small paid a collection or two inside each render, and
 * the same build's median came out near 200 ms in one run and near 300 in the next. A Lambda
 * function's memory is its own, and its JVM starts with a fixed maximum heap too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 20, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
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
        Outcome<Draft> outcome = reader.read(document.fileName(), markdown);
        return renderer.render(((Outcome.Accepted<Draft>) outcome).value(), settings, Map.of());
    }
}
