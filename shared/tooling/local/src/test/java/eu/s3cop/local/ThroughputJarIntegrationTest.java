package eu.s3cop.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The throughput benchmark as a user runs it, short: it publishes every draft exactly once and
 * prints its rates. The rates are not judged here (machines are noisy); docs/performance.md
 * quotes a full run.
 */
class ThroughputJarIntegrationTest {

    @Test
    void publishesEveryDraftOnceAndPrintsBriefsPerSecond() throws Exception {
        String output = LocalJar.run("throughput", "--drafts", "8", "--warm-up", "4", "--rounds", "2", "--concurrency", "3");

        // By default the command runs again in a JVM with the template's JAVA_TOOL_OPTIONS, as Lambda starts functions.
        assertThat(output).as(output).contains("then 2 rounds of 8 drafts, 3 events at a time, JAVA_TOOL_OPTIONS -XX:+TieredCompilation -XX:TieredStopAtLevel=1")
                .containsPattern("round 1: 8 drafts published in \\d+\\.\\d\\d s, \\d+\\.\\d briefs/s; upload to report: median \\d+\\.\\d\\d s, p90 \\d+\\.\\d\\d s")
                .containsPattern("round 2: 8 drafts published in \\d+\\.\\d\\d s, \\d+\\.\\d briefs/s")
                .containsPattern("publish-brief's own CPU a brief \\(its handler's thread\\): median [1-9]\\d* ms, p90 [1-9]\\d* ms")
                .containsPattern("median: \\d+\\.\\d briefs/s end to end \\(20 drafts, each published exactly once\\)");
    }
}
