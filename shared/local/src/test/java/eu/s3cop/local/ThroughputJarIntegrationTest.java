package eu.s3cop.local;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.testing.ProjectFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The throughput benchmark as a user runs it, short: it publishes every draft exactly once and
 * prints its rates. The rates are not judged here (machines are noisy); the README quotes a
 * full run.
 */
class ThroughputJarIntegrationTest {

    @Test
    void publishesEveryDraftOnceAndPrintsBriefsPerSecond() throws Exception {
        Path jar = Path.of("target/s3cop-local.jar").toAbsolutePath();
        assertThat(jar).as("the packaged local stack (mvn package builds it)").isRegularFile();
        Process benchmark = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "throughput", "--drafts", "8", "--warm-up", "4", "--rounds", "2"))
                .directory(ProjectFiles.root().toFile()).redirectErrorStream(true).start();
        String output = new String(benchmark.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(benchmark.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(benchmark.exitValue()).as(output).isZero();
        assertThat(output).as(output).containsPattern("round 1: 8 drafts published in \\d+\\.\\d\\d s, \\d+\\.\\d briefs/s")
                .containsPattern("round 2: 8 drafts published in \\d+\\.\\d\\d s, \\d+\\.\\d briefs/s")
                .containsPattern("median: \\d+\\.\\d briefs/s end to end \\(20 drafts, each published exactly once\\)");
    }
}
