package eu.s3cop.local;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.testing.ProjectFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The cold-start benchmark as a user runs it, short: one run of each way for the two lightest
 * functions, each a fresh JVM with only the function's package, against a local stack. The
 * figures are not judged here (machines are noisy); that every way runs and does its work is.
 */
class ColdStartJarIntegrationTest {

    @Test
    void measuresEachWayFromTheDeploymentPackages() throws Exception {
        Path jar = Path.of("target/s3cop-local.jar").toAbsolutePath();
        assertThat(jar).as("the packaged local stack (mvn package builds it)").isRegularFile();
        Process benchmark = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "cold-start", "--runs", "1", "--function", "reader-api,register-webinar"))
                .directory(ProjectFiles.root().toFile()).redirectErrorStream(true).start();
        String output = new String(benchmark.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(benchmark.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(benchmark.exitValue()).as(output).isZero();
        for (String function : List.of("reader-api", "register-webinar")) {
            for (String way : List.of("plain", "primed", "appcds", "appcds+primed")) {
                assertThat(output).as(output).containsPattern("\\| " + function + " \\| " + way.replace("+", "\\+") + " \\| \\d+ \\| \\d+ \\| [-\\d]+ \\| \\d+ \\| \\d+ \\|");
            }
        }
        assertThat(output).doesNotContain("| publish-brief |");
    }

    /** CI installs pandoc and Chromium (Debian packages), so the reference is always there to compare with. */
    @Test
    void comparesPublishingWithPandocAndChromiumConvertingTheSameDraft() throws Exception {
        Path jar = Path.of("target/s3cop-local.jar").toAbsolutePath();
        Path brief = ProjectFiles.root().resolve("shared/benchmarks/src/main/resources/eu/s3cop/benchmarks/policy-brief.md");
        Process benchmark = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "cold-start", "--runs", "1", "--function", "publish-brief", "--draft", brief.toString()))
                .directory(ProjectFiles.root().toFile()).redirectErrorStream(true).start();
        String output = new String(benchmark.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(benchmark.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(benchmark.exitValue()).as(output).isZero();
        assertThat(output).as(output).containsPattern("\\| publish-brief \\| pandoc\\+chromium \\| \\d+ \\| - \\| - \\| - \\| - \\|")
                .contains("publish-brief against pandoc+chromium");
        for (String way : List.of("plain", "primed", "appcds", "appcds+primed")) {
            assertThat(output).containsPattern("\\| publish-brief \\| " + way.replace("+", "\\+") + " \\| \\d+ \\|")
                    .containsPattern("\\n  " + way.replace("+", "\\+") + " +\\d+\\.\\d\\d\\n");
        }
    }
}
