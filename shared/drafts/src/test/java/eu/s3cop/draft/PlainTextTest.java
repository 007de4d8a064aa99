package eu.s3cop.draft;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.upload.Outcome;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    private static final String DRAFT = """
            ---
            title: Understanding the bottlenecks to innovation diffusion
            type: policy-brief
            working_group: innovation-diffusion
            authors: [Alison Hunter, Santiago Donat]
            date: 2024-05-23
            ---

            # Findings

            Innovation does *not* diffuse by itself: see the [S3 platform](https://example.org/s3) and "smart" regions.[^1]

            | Region | Uptake |
            |---|---|
            | Śląskie | low |

            [^1]: Footnotes are searched too.
            """;

    @Test
    void keepsEveryBlocksWordsWithoutMarkdownsMarks() {
        Outcome<Draft> read = new DraftReader(DraftRules.defaults()).read("bottlenecks.md", DRAFT.getBytes(StandardCharsets.UTF_8));
        String text = PlainText.of(((Outcome.Accepted<Draft>) read).value());

        assertThat(text.lines()).contains("Findings", "Region", "Uptake", "Śląskie", "low", "Footnotes are searched too.");
        assertThat(text).contains("Innovation does not diffuse by itself: see the S3 platform and")
                .contains("smart").doesNotContain("*").doesNotContain("https://").doesNotContain("[^1]").doesNotContain("|");
    }
}
