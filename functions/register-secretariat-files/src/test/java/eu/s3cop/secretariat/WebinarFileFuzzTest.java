package eu.s3cop.secretariat;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.testing.FuzzRun;
import eu.s3cop.testing.Mutations;
import eu.s3cop.testing.ProjectFiles;
import eu.s3cop.upload.Outcome;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.model.WebinarReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mutated webinar files, for a fixed time: reading never throws, every rejection names its
 * problems, and none takes longer than a second ({@link FuzzRun} says how to run it longer).
 */
class WebinarFileFuzzTest {

    private static final String[] SALT = {": ", "\n", "  ", "- ", "{", "}", "[", "]", "'", "\"", "#", "&a", "*a", "!!binary ", "!!java.io.File ",
        "<<: *a", "~", "null", "2024-02-30T10:00", "PT0S", "P9999D", "Europe/Atlantis", "http://", "https://", "\u0000", "\uFEFF",
        "\uD83D\uDE00", "capacity: -1", "status: maybe", "format: hybrid", "country: XX", "25:00", "in_person_capacity: 9999", "x".repeat(300),
        "---\n", "...\n", "%YAML 1.1\n", "? ", "|\n  ", ">\n  "};

    @Test
    void mutatedWebinarFilesAreReadWithoutEscapingExceptions() throws IOException {
        List<String> seeds = List.of(
                Files.readString(ProjectFiles.root().resolve("events/webinars/bottlenecks-innovation-diffusion-2024.yaml"), StandardCharsets.UTF_8),
                // Venues, in-person capacity and agendas: mappings and lists inside lists.
                Files.readString(ProjectFiles.event("webinars/s3-forum-2023.yaml"), StandardCharsets.UTF_8),
                Files.readString(ProjectFiles.event("webinars/s3-conference-2023.yaml"), StandardCharsets.UTF_8),
                """
                title: "Green steel: what regions can do"
                working_group: industrial-transition
                starts: 2030-03-28T10:00
                timezone: Europe/Brussels
                duration: PT1H
                description: A *short* webinar.
                speakers:
                  - {name: Νίκος Παπαδόπουλος, role: Rapporteur}
                join_url: https://example.org/join/secret-room
                registration: {closes: 2030-03-27T18:00, capacity: 2}
                recording_url: https://example.org/recording
                status: scheduled
                """);
        WebinarReader reader = new WebinarReader(List.of("innovation-diffusion", "industrial-transition", "interregional-cooperation"));
        FuzzRun.Result result = FuzzRun.run("webinar file", 5, Duration.ofSeconds(1),
                random -> Mutations.mutate(seeds.get(random.nextInt(seeds.size())), random, SALT), input -> {
                    Outcome<Webinar> outcome = reader.read("fuzzed", input.getBytes(StandardCharsets.UTF_8));
                    if (!(outcome instanceof Outcome.Rejected<Webinar> rejection)) {
                        return "accepted";
                    }
                    if (rejection.problems().isEmpty() || rejection.problems().stream().anyMatch(problem -> problem.message() == null
                            || problem.message().isBlank())) {
                        throw new FuzzRun.Failure("a rejection without a clear problem " + rejection.problems());
                    }
                    return "rejected with problems";
                });
        assertThat(result.failures()).as("seed " + result.seed()).isEmpty();
        assertThat(result.tried()).isGreaterThan(100);
    }
}
