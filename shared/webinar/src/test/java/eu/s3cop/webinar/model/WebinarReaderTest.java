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
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
        // Written before events had a format: it still means an online webinar.
        assertThat(webinar.format()).isEqualTo(Format.ONLINE);
        assertThat(webinar.venue()).isNull();
        assertThat(webinar.agenda()).isEmpty();
        assertThat(webinar.inPersonCapacity()).isZero();
    }

    @Test
    void readsTheSampleEventsInARoom() throws Exception {
        Webinar forum = accepted("s3-forum-2023", Files.readString(root().resolve("events/webinars/s3-forum-2023.yaml")));
        assertThat(forum.format()).isEqualTo(Format.IN_PERSON);
        assertThat(forum.venue().city()).isEqualTo("Barcelona");
        assertThat(forum.venue().countryName()).isEqualTo("Spain");
        assertThat(forum.start()).isEqualTo(Instant.parse("2023-11-28T08:00:00Z"));
        assertThat(forum.agenda()).isNotEmpty();

        Webinar conference = accepted("s3-conference-2023", Files.readString(root().resolve("events/webinars/s3-conference-2023.yaml")));
        assertThat(conference.format()).isEqualTo(Format.HYBRID);
        assertThat(conference.start()).isEqualTo(Instant.parse("2023-03-30T07:30:00Z"));
        assertThat(conference.end()).isEqualTo(Instant.parse("2023-03-30T14:00:00Z"));
        assertThat(conference.inPersonCapacity()).isPositive().isLessThanOrEqualTo(conference.capacity());
        assertThat(conference.agenda()).isNotEmpty().allSatisfy(session -> assertThat(session.speakers())
                .isSubsetOf("European Commission", "Technopolis Group", "Vanguard Initiative"));
    }

    @Test
    void readsAnEventInARoomWithItsVenueInPersonCapacityAndAgenda() {
        Webinar forum = accepted("forum", """
                title: S3 Forum
                working_group: industrial-transition
                starts: 2023-11-28T09:00
                timezone: Europe/Madrid
                duration: PT8H
                format: hybrid
                venue:
                  name: Conference centre
                  address: Carrer de l'Exemple 1
                  city: Barcelona
                  country: ES
                agenda:
                  - {starts: 09:00, ends: 09:30, title: Welcome, speakers: [European Commission]}
                  - {starts: "9:30", ends: 11:00, title: Parallel session A}
                  - {starts: 09:30, ends: 11:00, title: Parallel session B, speakers: Technopolis Group}
                  - starts: 16:00
                    ends: 17:00
                    title: Closing
                    speakers: [European Commission, Vanguard Initiative]
                registration: {capacity: 300, in_person_capacity: 120}
                """);
        assertThat(forum.format()).isEqualTo(Format.HYBRID);
        assertThat(forum.venue()).isEqualTo(new Venue("Conference centre", "Carrer de l'Exemple 1", "Barcelona", "ES"));
        assertThat(forum.venue().line()).isEqualTo("Conference centre, Carrer de l'Exemple 1, Barcelona, Spain");
        assertThat(forum.capacity()).isEqualTo(300);
        assertThat(forum.inPersonCapacity()).isEqualTo(120);
        assertThat(forum.agenda()).containsExactly(
                new Webinar.Session(LocalTime.of(9, 0), LocalTime.of(9, 30), "Welcome", List.of("European Commission")),
                new Webinar.Session(LocalTime.of(9, 30), LocalTime.of(11, 0), "Parallel session A", List.of()),
                new Webinar.Session(LocalTime.of(9, 30), LocalTime.of(11, 0), "Parallel session B", List.of("Technopolis Group")),
                new Webinar.Session(LocalTime.of(16, 0), LocalTime.of(17, 0), "Closing", List.of("European Commission", "Vanguard Initiative")));

        Webinar inPerson = accepted("forum", "title: S3 Forum\nworking_group: industrial-transition\nstarts: 2023-11-28T09:00\nduration: PT8H\n"
                + "format: in-person\nvenue: {name: Conference centre, city: Barcelona, country: ES}\n");
        assertThat(inPerson.venue().address()).isEmpty();
        assertThat(inPerson.venue().line()).isEqualTo("Conference centre, Barcelona, Spain");
        assertThat(inPerson.inPersonCapacity()).isZero();
    }

    /** Each problem of the new fields, with its field, its line and a word of its message, after five good lines. */
    @ParameterizedTest(name = "{1} at line {2}: {0}")
    @MethodSource("problemsOfEventsInARoom")
    void eachProblemOfAFormatVenueOrAgendaNamesItsFieldAndLine(String lines, String field, int line, String message) {
        assertThat(rejected(EVENT + lines)).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo(field);
            assertThat(problem.line()).isEqualTo(line);
            assertThat(problem.message()).contains(message);
        });
    }

    private static final String EVENT = """
            title: S3 Forum
            working_group: industrial-transition
            starts: 2023-11-28T09:00
            timezone: Europe/Madrid
            duration: PT8H
            """;
    private static final String HALL = "venue: {name: Hall, city: Barcelona, country: ES}\n";

    static Stream<Arguments> problemsOfEventsInARoom() {
        String fiftyOne = "agenda:\n" + "  - {starts: 09:00, ends: 10:00, title: Session}\n".repeat(51);
        return Stream.of(
                Arguments.of("format: in person\n", "format", 6, "is not one of: online, in-person or hybrid"),
                Arguments.of("format:\n", "format", 6, "is empty"),
                Arguments.of(HALL, "venue", 6, "an online event has no venue"),
                Arguments.of("format: online\n" + HALL, "venue", 7, "an online event has no venue"),
                Arguments.of("format: in-person\n", "venue", 6, "missing: in-person events need a venue"),
                Arguments.of("format: hybrid\nvenue: Barcelona\n", "venue", 7, "must be a mapping"),
                Arguments.of("format: in-person\nvenue: {city: Barcelona, country: ES}\n", "venue.name", 7, "missing"),
                Arguments.of("format: in-person\nvenue:\n  name: Hall\n  city: Barcelona\n  country: Spain\n", "venue.country", 10, "ISO 3166-1"),
                Arguments.of("format: in-person\nvenue: {name: Hall, city: Barcelona, country: es}\n", "venue.country", 7, "two capital letters"),
                Arguments.of("format: in-person\nvenue: {name: Hall, city: " + "B".repeat(121) + ", country: ES}\n", "venue.city", 7, "at most 120"),
                Arguments.of("format: in-person\nvenue: {name: Hall, city: Barcelona, country: ES, postcode: 08001}\n", "venue.postcode", 7,
                        "unknown field"),
                Arguments.of("format: in-person\n" + HALL + "registration: {capacity: 100, in_person_capacity: 50}\n",
                        "registration.in_person_capacity", 8, "only a hybrid event"),
                Arguments.of("registration: {in_person_capacity: 50}\n", "registration.in_person_capacity", 6, "only a hybrid event"),
                Arguments.of("format: hybrid\n" + HALL + "registration: {capacity: 100, in_person_capacity: 150}\n",
                        "registration.in_person_capacity", 8, "more than the capacity of 100"),
                Arguments.of("agenda: Welcome at 09:00\n", "agenda", 6, "must be a list"),
                Arguments.of("agenda:\n  - Welcome\n", "agenda", 7, "each session is"),
                Arguments.of("agenda:\n  - {starts: 9h00, ends: 10:00, title: Welcome}\n", "agenda.starts", 7, "not a time of day"),
                Arguments.of("agenda:\n  - {starts: 10:00, ends: 09:30, title: Welcome}\n", "agenda.ends", 7, "not after it starts at 10:00"),
                Arguments.of("agenda:\n  - {starts: 08:30, ends: 09:30, title: Coffee}\n", "agenda.starts", 7, "before the event starts at 09:00"),
                Arguments.of("agenda:\n  - {starts: 16:30, ends: 17:30, title: Drinks}\n", "agenda.ends", 7, "after the event ends at 17:00"),
                Arguments.of("agenda:\n  - {starts: 11:00, ends: 12:00, title: Second}\n  - {starts: 09:00, ends: 10:00, title: First}\n",
                        "agenda.starts", 8, "in the order they start"),
                Arguments.of("agenda:\n  - starts: 09:00\n    ends: 10:00\n", "agenda.title", 7, "missing"),
                Arguments.of("agenda:\n  - {starts: 09:00, ends: 10:00, title: Welcome, room: A}\n", "agenda.room", 7, "unknown field"),
                Arguments.of("agenda:\n  - {starts: 09:00, ends: 10:00, title: Welcome, speakers: [" + "x".repeat(121) + "]}\n",
                        "agenda.speakers", 7, "longer than 120"),
                Arguments.of(fiftyOne, "agenda", 7, "at most 50"));
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

    private Webinar accepted(String id, String yaml) {
        Outcome<Webinar> outcome = reader.read(id, yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        return ((Outcome.Accepted<Webinar>) outcome).value();
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
