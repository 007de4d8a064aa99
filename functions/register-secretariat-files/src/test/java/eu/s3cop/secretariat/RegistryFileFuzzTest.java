package eu.s3cop.secretariat;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.catalogue.SitePages;
import eu.s3cop.groups.RegistryReader;
import eu.s3cop.groups.WorkingGroupRegistry;
import eu.s3cop.testing.FuzzRun;
import eu.s3cop.testing.Mutations;
import eu.s3cop.testing.ProjectFiles;
import eu.s3cop.upload.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Mutated working-group registries, for a fixed time: reading never throws, every rejection
 * names its problems, and every accepted registry lays out as a page with no markup of its
 * own, each in under a second ({@link FuzzRun} says how to run it longer).
 */
class RegistryFileFuzzTest {

    private static final List<String> GROUPS = List.of("innovation-diffusion", "industrial-transition", "interregional-cooperation");
    private static final String[] SALT = {": ", "\n", "  ", "- ", "{", "}", "[", "]", "'", "\"", "#", "&a", "*a", "!!binary ", "<<: *a", "~",
        "null", "2024-02-30", "2023-13", "0000", "\u0000", "\uFEFF", "\uD83D\uDE00", "<script>alert(1)</script>", "[x](javascript:alert(1))",
        "<img src=x onerror=alert(1)>", "country: ", "name: ", "x".repeat(300), "---\n", "? ", "|\n  ", ">\n  "};

    @Test
    void mutatedRegistriesAreReadAndLaidOutWithoutEscapingExceptionsOrMarkup() throws IOException {
        List<String> seeds = new ArrayList<>();
        for (String group : GROUPS) {
            seeds.add(Files.readString(ProjectFiles.event("working-groups/" + group + ".yaml"), StandardCharsets.UTF_8));
        }
        RegistryReader reader = new RegistryReader(GROUPS);
        SitePages pages = new SitePages(GROUPS);
        FuzzRun.Result result = FuzzRun.run("registry file", 3, Duration.ofSeconds(1),
                random -> Mutations.mutate(seeds.get(random.nextInt(seeds.size())), random, SALT), input -> {
                    Outcome<WorkingGroupRegistry> outcome = reader.read("innovation-diffusion", input.getBytes(StandardCharsets.UTF_8));
                    if (outcome instanceof Outcome.Rejected<WorkingGroupRegistry> rejection) {
                        if (rejection.problems().isEmpty() || rejection.problems().stream().anyMatch(problem -> problem.message() == null
                                || problem.message().isBlank())) {
                            throw new FuzzRun.Failure("a rejection without a clear problem " + rejection.problems());
                        }
                        return "rejected with problems";
                    }
                    WorkingGroupRegistry registry = ((Outcome.Accepted<WorkingGroupRegistry>) outcome).value();
                    var page = Jsoup.parse(pages.workingGroup("innovation-diffusion", Optional.of(registry), List.of(), List.of(), List.of(), java.time.Instant.EPOCH));
                    if (!page.select("main script, main img, main [onerror], main a[href^=javascript]").isEmpty()) {
                        throw new FuzzRun.Failure("markup from the registry reached the page");
                    }
                    return "accepted and laid out";
                });
        assertThat(result.failures()).as("seed " + result.seed()).isEmpty();
        assertThat(result.tried()).isGreaterThan(100);
    }
}
