package eu.s3cop.local;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.testing.ProjectFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview's launcher as a rapporteur runs it, from the project's folder: it renders from its
 * record of what a preview loads, says problems as the command does, and the benchmark that
 * compares it with pandoc + Chromium runs (its figures are not judged here: machines are noisy).
 */
class RenderLauncherJarIntegrationTest {

    @Test
    void rendersASampleFromItsRecordAndSaysProblemsAsTheCommandDoes(@TempDir Path folder) throws Exception {
        Run prepared = run(List.of("shared/tooling/local/render", "--prepare"));
        assertThat(prepared.exit()).as(prepared.output()).isZero();
        List<String> java = Files.readAllLines(ProjectFiles.root().resolve("shared/tooling/local/target/render-java"));
        assertThat(java).hasSize(2);
        assertThat(Path.of(java.get(0))).isExecutable();
        try (var records = Files.list(ProjectFiles.root().resolve("shared/tooling/local/target"))) {
            assertThat(records.map(file -> file.getFileName().toString()))
                    .anyMatch(name -> name.equals("render-java-" + java.get(1) + ".aot") || name.equals("render-java-" + java.get(1) + ".jsa"));
        }

        Path pdf = folder.resolve("brief.pdf");
        Path sample = ProjectFiles.root().resolve("events/drafts/innovation-diffusion/cloud-adoption-in-regions.md");
        Run rendered = run(List.of("shared/tooling/local/render", sample.toString(), "-o", pdf.toString()));
        assertThat(rendered.exit()).as(rendered.output()).isZero();
        assertThat(rendered.output()).contains(pdf + ": 2 pages").doesNotContain("recording", "SLF4J");
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));

        Path bad = Files.writeString(folder.resolve("bad.md"), "---\ntitle: Bad\n---\n\n![](chart.png)\n");
        Run rejected = run(List.of("shared/tooling/local/render", bad.toString()));
        assertThat(rejected.exit()).isEqualTo(1);
        assertThat(rejected.output()).contains("bad.md:", "the draft would be rejected");
    }

    /** A checkout in a folder whose name has spaces, as "My Documents" has, previews from its own record. */
    @Test
    void previewsFromAFolderWithSpacesInItsPath(@TempDir Path folder) throws Exception {
        Path copy = Files.createDirectories(folder.resolve("policy briefs/s3cop local"));
        Files.copy(ProjectFiles.root().resolve("shared/tooling/local/render"), copy.resolve("render"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(copy.resolve("target"));
        Files.copy(ProjectFiles.root().resolve("shared/tooling/local/target/s3cop-render.jar"), copy.resolve("target/s3cop-render.jar"));
        Path pdf = folder.resolve("policy briefs/brief.pdf");
        Path sample = ProjectFiles.root().resolve("events/drafts/innovation-diffusion/cloud-adoption-in-regions.md");

        for (int time = 1; time <= 2; time++) {
            // The first preview makes the record; the second starts from it.
            Run rendered = run(List.of(copy.resolve("render").toString(), sample.toString(), "-o", pdf.toString()));
            assertThat(rendered.exit()).as(rendered.output()).isZero();
            assertThat(rendered.output()).as("preview %d", time).contains(pdf + ": 2 pages");
        }
        try (var records = Files.list(copy.resolve("target"))) {
            assertThat(records.map(file -> file.getFileName().toString())).anyMatch(name -> name.endsWith(".aot") || name.endsWith(".jsa"));
        }
    }

    /** CI installs pandoc and Chromium (Debian packages), so the comparison always runs there. */
    @Test
    void thePreviewBenchmarkComparesTheLauncherWithPandocAndChromium() throws Exception {
        Run benchmark = run(List.of("shared/tooling/benchmarks/preview.sh", "1"));
        assertThat(benchmark.exit()).as(benchmark.output()).isZero();
        assertThat(benchmark.output()).containsPattern("\\| pandoc \\+ Chromium \\| \\d+\\.\\d\\d s \\| \\d+\\.\\d\\d s \\|")
                .containsPattern("\\| render \\(cold\\) \\| \\d+\\.\\d\\d s \\| \\d+\\.\\d\\d s \\|")
                .containsPattern("\\| ratio, render / pandoc \\+ Chromium \\| \\d+\\.\\d\\d \\| \\d+\\.\\d\\d \\|");
    }

    private record Run(int exit, String output) {
    }

    private static Run run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(new ArrayList<>(command)).directory(ProjectFiles.root().toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
