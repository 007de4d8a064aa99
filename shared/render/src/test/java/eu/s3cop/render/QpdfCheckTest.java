package eu.s3cop.render;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.draft.Draft;
import eu.s3cop.draft.DraftReader;
import eu.s3cop.draft.DraftRules;
import eu.s3cop.upload.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * qpdf, a PDF toolkit of its own, finds nothing to warn about in the briefs' structure: their
 * cross-reference streams, object streams and object counts (apt-get install qpdf).
 */
class QpdfCheckTest {

    private static final PdfRenderer RENDERER = new PdfRenderer();
    private static final RenderSettings SETTINGS = new RenderSettings(1, Instant.parse("2024-05-20T09:15:02Z"));

    @ParameterizedTest
    @MethodSource("eu.s3cop.render.Samples#all")
    void sampleBriefsPassQpdfsCheckWithoutAWarning(String sample, @TempDir Path folder) throws Exception {
        assertClean(RENDERER.render(Samples.draft(sample), SETTINGS, Samples.images(sample), Samples.references(sample)).bytes(), folder);
    }

    /** Over 64 KiB, so the cross-reference stream's offsets need wider fields than a short brief's. */
    @Test
    void aLongReportPassesQpdfsCheckWithoutAWarning(@TempDir Path folder) throws Exception {
        Outcome<Draft> outcome = new DraftReader(DraftRules.defaults()).read("long-report.md", LongDocument.draft(44).getBytes(StandardCharsets.UTF_8));
        byte[] pdf = RENDERER.render(((Outcome.Accepted<Draft>) outcome).value(), SETTINGS, Map.of()).bytes();
        assertThat(pdf.length).isGreaterThan(65_536);
        assertClean(pdf, folder);
    }

    private static void assertClean(byte[] pdf, Path folder) throws IOException, InterruptedException {
        Path file = Files.write(folder.resolve("brief.pdf"), pdf);
        Process qpdf = new ProcessBuilder("qpdf", "--check", file.toString()).redirectErrorStream(true).start();
        String output = new String(qpdf.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(qpdf.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("qpdf --check").doesNotContainIgnoringCase("warning").doesNotContainIgnoringCase("error:")
                .contains("No syntax or stream encoding errors found");
        assertThat(qpdf.exitValue()).as("qpdf's exit status: " + output).isZero();
    }
}
