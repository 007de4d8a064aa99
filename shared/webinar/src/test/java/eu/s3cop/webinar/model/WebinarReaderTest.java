package eu.s3cop.webinar.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import eu.s3cop.upload.Outcome;
import eu.s3cop.upload.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebinarReaderTest {

    static final List<String> GROUPS = List.of("innovation-diffusion", "industrial-transition", "interregional-cooperation");
    private final WebinarReader reader = new WebinarReader(GROUPS);

    @Test
    void readsTheSampleWebinarFile() throws Exception {
        Path sample = root().resolve("events/webinars/bottlenecks-innovation-diffusion-2024.yaml");
        Outcome<Webinar> outcome = reader.read("bottlenecks-innovation-diffusion-2024", Files.readAllBytes(sample));
        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        Webinar webinar = ((Outcome.Accepted<Webinar>) outcome).value();
        assertThat(webinar.title()).isEqualTo("Understanding the bottlenecks to innovation diffusion: insights from EU regions");
        assertThat(webinar.start()).isEqualTo(Instant.parse("2024-05-23T08:00:00Z"));
        assertThat(webinar.duration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(webinar.speakers()).extracting(Webinar.Speaker::name).containsExactly("Susana Elena-Perez", "Alison Hunter");
        assertThat(webinar.capacity()).isEqualTo(500);
        assertThat(webinar.closes()).isEqualTo(Instant.parse("2024-05-22T16:00:00Z"));
        assertThat(webinar.cancelled()).isFalse();
    }

    @Test
    void reportsEveryProblemAtOnceWithFieldsAndLines() {
        List<Problem> problems = rejected("""
                title: ""
                working_group: blue-economy
                starts: 23/05/2024 10:00
                timezone: Brussels
                duration: PT5M
                join_url: http://example.org/join
                registration: {closes: soon, capacity: many}
                status: postponed
                speakers:
                  - {name: "", role: Chair}
                colour: blue
                """);
        assertThat(problems).extracting(Problem::field, Problem::line).contains(
                tuple("title", 1), tuple("working_group", 2), tuple("starts", 3), tuple("timezone", 4), tuple("duration", 5),
                tuple("join_url", 6), tuple("registration.closes", 7), tuple("registration.capacity", 7), tuple("status", 8), tuple("speakers.name", 10), tuple("colour", 11));
    }

    @Test
    void anEmptyTimezoneIsNamedAsTheProblem() {
        // Found by WebinarFileFuzzTest: "timezone: #Europe/Brussels" is a comment, so the value is empty.
        List<Problem> problems = rejected("title: A webinar\nworking_group: innovation-diffusion\nstarts: 2030-03-28T10:00\n"
                + "timezone: #Europe/Brussels\nduration: PT1H\n");
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("timezone");
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.message()).contains("is empty", "Europe/Brussels");
        });
    }

    @Test
    void anEmojiAcrossTheParsersBufferBoundaryIsRead() {
        // Found by WebinarFileFuzzTest: snakeyaml-engine reads 1024 characters at a time.
        for (int pad = 850; pad < 1050; pad++) {
            String file = "title: A webinar\nworking_group: innovation-diffusion\nstarts: 2030-03-28T10:00\nduration: PT1H\n"
                    + "description: " + "x".repeat(pad) + "\uD83D\uDE00 and more\n";
            assertThat(reader.read("emoji", file.getBytes(java.nio.charset.StandardCharsets.UTF_8))).as("padding " + pad)
                    .isInstanceOf(Outcome.Accepted.class);
        }
    }

    @Test
    void rejectsMissingFieldsMalformedYamlEmptyBinaryAndNonUtf8Files() {
        assertThat(rejected("title: Only a title\n")).extracting(Problem::field).contains("working_group", "starts", "duration");
        assertThat(rejected("title: [unclosed\nworking_group: x\n")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("not valid YAML"));
        assertThat(((Outcome.Rejected<Webinar>) reader.read("x", new byte[0])).problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("empty"));
        assertThat(((Outcome.Rejected<Webinar>) reader.read("x", new byte[] {'a', 0, 'b'})).problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("binary"));
        assertThat(((Outcome.Rejected<Webinar>) reader.read("x", "title: Région".getBytes(StandardCharsets.ISO_8859_1))).problems())
                .singleElement().satisfies(problem -> assertThat(problem.message()).contains("UTF-8"));
        assertThat(((Outcome.Rejected<Webinar>) reader.read("Bad_Id", "title: x".getBytes(StandardCharsets.UTF_8))).problems())
                .anySatisfy(problem -> assertThat(problem.message()).contains("id"));
    }

    @Test
    void registrationMustCloseBeforeTheStart() {
        assertThat(rejected("""
                title: A webinar
                working_group: innovation-diffusion
                starts: 2024-05-23T10:00
                duration: PT1H
                registration: {closes: 2024-05-23T11:00}
                """)).extracting(Problem::field).containsExactly("registration");
    }

    private List<Problem> rejected(String yaml) {
        Outcome<Webinar> outcome = reader.read("a-webinar", yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected<Webinar>) outcome).problems();
    }

    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no template.yaml above the working directory");
    }
}
