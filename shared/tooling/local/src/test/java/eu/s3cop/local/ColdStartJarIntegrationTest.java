package eu.s3cop.local;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.testing.ProjectFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cold-start benchmark as a user runs it, short: one run of each way for the two lightest
 * functions, each a fresh JVM with only the function's package, against a local stack. The
 * figures are not judged here (machines are noisy); that every way runs and does its work is.
 */
class ColdStartJarIntegrationTest {

    @Test
    void measuresEachWayFromTheDeploymentPackages() throws Exception {
        String output = LocalJar.run("cold-start", "--runs", "1", "--function", "reader-api,register-secretariat-files");

        for (String function : List.of("reader-api", "register-secretariat-files")) {
            for (String way : List.of("plain", "primed", "appcds", "appcds+primed")) {
                assertThat(output).as(output).containsPattern("\\| " + function + " \\| " + way.replace("+", "\\+") + " \\| \\d+ \\| \\d+ \\| [-\\d]+ \\| \\d+ \\| \\d+ \\|");
            }
        }
        assertThat(output).doesNotContain("| publish-brief |");
    }

    /** CI installs pandoc and Chromium (Debian packages), so the reference is always there to compare with. */
    @Test
    void comparesPublishingWithPandocAndChromiumConvertingTheSameDraft() throws Exception {
        Path brief = ProjectFiles.root().resolve("shared/tooling/benchmarks/src/main/resources/eu/s3cop/benchmarks/policy-brief.md");
        String output = LocalJar.run("cold-start", "--runs", "1", "--function", "publish-brief", "--draft", brief.toString());

        assertThat(output).as(output).containsPattern("\\| publish-brief \\| pandoc\\+chromium \\| \\d+ \\| - \\| - \\| - \\| - \\|")
                .contains("publish-brief against pandoc+chromium");
        for (String way : List.of("plain", "primed", "appcds", "appcds+primed")) {
            assertThat(output).containsPattern("\\| publish-brief \\| " + way.replace("+", "\\+") + " \\| \\d+ \\|")
                    .containsPattern("\\n  " + way.replace("+", "\\+") + " +\\d+\\.\\d\\d\\n");
        }
    }
}
