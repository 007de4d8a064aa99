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

        assertThat(output).as(output).contains("then 2 rounds of 8 drafts, 3 events at a time")
                .containsPattern("round 1: 8 drafts published in \\d+\\.\\d\\d s, \\d+\\.\\d briefs/s")
                .containsPattern("round 2: 8 drafts published in \\d+\\.\\d\\d s, \\d+\\.\\d briefs/s")
                .containsPattern("median: \\d+\\.\\d briefs/s end to end \\(20 drafts, each published exactly once\\)");
    }
}
