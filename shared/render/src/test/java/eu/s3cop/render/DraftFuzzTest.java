package eu.s3cop.render;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.draft.Draft;
import eu.s3cop.draft.DraftReader;
import eu.s3cop.draft.DraftRules;
import eu.s3cop.upload.Outcome;
import eu.s3cop.testing.FuzzRun;
import eu.s3cop.testing.Mutations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated drafts, for a fixed time: the sample briefs and every example of the GFM
 * specification, with their front matter and bodies cut, doubled, shuffled and salted with
 * the characters Markdown and YAML give meaning to. Reading never throws, every rejection
 * names its problems, and no draft takes longer than its budget to read and lay out. A layout
 * engine failure is allowed (the function turns it into a rejection report) but counted.
 *
 * <p>{@link FuzzRun} says how to run it longer or from another seed.
 */
class DraftFuzzTest {

    static final Duration BUDGET = Duration.ofSeconds(20);
    private static final String FRONT = "---\ntitle: Fuzzed draft\ntype: policy-brief\nworking_group: innovation-diffusion\n"
            + "authors: [Test Author]\ndate: 2024-05-23\n---\n\n";
    private static final String[] SALT = {"|", "---", "\n", "\n\n", "[^1]", "[^1]: note", "```", "~~~", "<", ">", "*", "**", "_", "#", "![x](",
        "](", "[", ")", "- ", "1. ", "> ", "\t", "    ", "\\", "&amp;", "&#0;", "\u0000", "\uFEFF", "\u202E", "\uD83D\uDE00", "Ω", "ß",
        "title: ", "date: 2024-02-30", "authors: [", "language: xx", ": ", "'", "\"", "{", "}", "- [ ] ", "<!--", "$$", "---\n",
        "| a | b |\n|---|---|\n| 1 | 2 |\n", "x".repeat(500)};

    @Test
    void mutatedDraftsAreReadAndLaidOutWithoutEscapingExceptions() throws IOException {
        List<String> seeds = new ArrayList<>();
        for (String sample : Samples.all()) {
            seeds.add(Files.readString(Samples.draftFile(sample), StandardCharsets.UTF_8));
        }
        for (String file : List.of("gfm-spec.txt", "gfm-extensions.txt")) {
            SpecExamplesTest.examples(SpecExamplesTest.specs().resolve(file)).forEach(example -> seeds.add(FRONT + example.markdown()));
        }
        DraftReader reader = new DraftReader(DraftRules.defaults());
        PdfRenderer renderer = new PdfRenderer();
        FuzzRun.Result result = FuzzRun.run("draft", 15, BUDGET, random -> mutate(seeds.get(random.nextInt(seeds.size())), random), input -> {
            Outcome<Draft> outcome = reader.read("fuzzed.md", input.getBytes(StandardCharsets.UTF_8));
            if (outcome instanceof Outcome.Rejected<Draft> rejection) {
                if (rejection.problems().isEmpty() || rejection.problems().stream().anyMatch(problem -> problem.message() == null
                        || problem.message().isBlank())) {
                    throw new FuzzRun.Failure("a rejection without a clear problem " + rejection.problems());
                }
                return "rejected with problems";
            }
            var draft = ((Outcome.Accepted<Draft>) outcome).value();
            try {
                renderer.render(draft, new RenderSettings(1, Instant.EPOCH), Images.resolve(draft, DraftFolder.NONE).images());
                return "laid out";
            } catch (RuntimeException | StackOverflowError e) {
                // The function turns a layout failure into a rejection report: counted, not failed.
                return "layout failures";
            }
        });
        assertThat(result.failures()).as("seed " + result.seed()).isEmpty();
        assertThat(result.tried()).isGreaterThan(20);
        // Mutations of valid drafts must mostly stay drafts, or the fuzzing tests only the reader's rejections.
        int laidOut = result.outcomes().getOrDefault("laid out", 0);
        int layoutFailures = result.outcomes().getOrDefault("layout failures", 0);
        assertThat(laidOut).as("inputs laid out, of " + result.tried() + ": " + result.outcomes()).isGreaterThanOrEqualTo(result.tried() * 2 / 5);
        assertThat(layoutFailures).as("inputs whose layout failed, of " + result.tried()).isLessThanOrEqualTo(result.tried() / 20);
    }

    /** Half the time the body alone, so that most inputs get past the front matter to the parser and the layout. */
    private static String mutate(String draft, Random random) {
        int body = draft.indexOf("\n---\n", 4);
        if (body < 0 || random.nextBoolean()) {
            return Mutations.mutate(draft, random, SALT);
        }
        return draft.substring(0, body + 5) + Mutations.mutate(draft.substring(body + 5), random, SALT);
    }
}
