package eu.s3cop.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import eu.s3cop.upload.Outcome;
import eu.s3cop.upload.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryReaderTest {

    static final List<String> GROUPS = List.of("innovation-diffusion", "industrial-transition", "interregional-cooperation");
    private final RegistryReader reader = new RegistryReader(GROUPS);

    @Test
    void readsInnovationDiffusionsRegistryAsTheS3CopDocumentsGiveIt() throws IOException {
        WorkingGroupRegistry registry = accepted("innovation-diffusion", sample("innovation-diffusion"));
        assertThat(registry.leader()).isEqualTo(new WorkingGroupRegistry.Person("Susana Elena-Perez", ""));
        assertThat(registry.chair()).isEqualTo(new WorkingGroupRegistry.Person("Santiago Donat", "Spain"));
        assertThat(registry.rapporteur()).isEqualTo(new WorkingGroupRegistry.Person("Alison Hunter", "Belgium"));
        assertThat(registry.members()).hasSize(13).contains(new WorkingGroupRegistry.Person("David Uhlřř", "Czech Republic"),
                new WorkingGroupRegistry.Person("Stjepan Marković", "Croatia"));
        assertThat(registry.membersByCountry()).containsKeys("Belgium", "Croatia", "Czech Republic", "Spain");
        assertThat(registry.membersByCountry().keySet()).first().isEqualTo("Belgium");
        assertThat(registry.membersByCountry().get("Spain")).extracting(WorkingGroupRegistry.Person::name)
                .containsExactly("Jose Antonio Pascual Sanchez", "Myriam Martin");
        assertThat(registry.meetings()).extracting(WorkingGroupRegistry.Meeting::shownDate)
                .containsExactly("June 2023", "September 2023", "November 2023", "2024", "2025");
        assertThat(registry.expectedOutputs()).contains("Concept note", "Policy briefs");
        assertThat(registry.objective()).contains("four-fold");
    }

    @Test
    void readsTheOtherGroupsRegistriesWhichNameNoParticipants() throws IOException {
        WorkingGroupRegistry interregional = accepted("interregional-cooperation", sample("interregional-cooperation"));
        assertThat(interregional.hasParticipants()).isFalse();
        assertThat(interregional.meetings()).extracting(WorkingGroupRegistry.Meeting::shownDate).first().isEqualTo("8 June 2023");
        WorkingGroupRegistry industrial = accepted("industrial-transition", sample("industrial-transition"));
        assertThat(industrial.hasParticipants()).isFalse();
        assertThat(industrial.meetings()).isEmpty();
    }

    @Test
    void reportsEveryProblemAtOnceWithFieldsAndLines() {
        List<Problem> problems = rejected("innovation-diffusion", """
                objective: [not, text]
                leader: {country: Spain}
                chair: [Santiago Donat]
                members:
                  - {name: Sofia Karveli}
                  - Katja Laitinen
                  - {name: Lucian Sandu, country: Romania, role: Member}
                  - {name: Lucian Sandu, country: Romania}
                meetings:
                  - {date: Sept 2023, title: 1st meeting}
                  - {date: 2023-13, title: Later}
                  - {date: 2024}
                expected_outputs: {a: b}
                colour: blue
                """);
        assertThat(problems).extracting(Problem::field, Problem::line).containsExactlyInAnyOrder(
                tuple("objective", 1), tuple("leader.name", 2), tuple("chair", 3), tuple("members.country", 5), tuple("members", 6),
                tuple("members.role", 7), tuple("members", 8), tuple("meetings.date", 10), tuple("meetings.date", 11),
                tuple("meetings.title", 12), tuple("expected_outputs", 13), tuple("colour", 14));
        assertThat(problems).filteredOn(problem -> problem.line() == 8).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("listed twice", "line 7"));
    }

    @Test
    void theFileNameMustBeAWorkingGroup() {
        assertThat(rejected("blue-economy", "objective: Seas.\n")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("blue-economy", "working-groups/innovation-diffusion.yaml"));
    }

    @Test
    void rejectsEmptyBinaryOversizedAndControlCharacters() {
        assertThat(rejected("innovation-diffusion", "")).singleElement().satisfies(problem -> assertThat(problem.message()).contains("empty"));
        assertThat(rejected("innovation-diffusion", "# only a comment\n")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("no fields"));
        assertThat(((Outcome.Rejected<WorkingGroupRegistry>) reader.read("innovation-diffusion", new byte[] {'a', 0, 'b'})).problems())
                .singleElement().satisfies(problem -> assertThat(problem.message()).contains("binary"));
        assertThat(((Outcome.Rejected<WorkingGroupRegistry>) reader.read("innovation-diffusion", new byte[RegistryReader.MAX_BYTES + 1]))
                .problems()).singleElement().satisfies(problem -> assertThat(problem.message()).contains("at most"));
        assertThat(rejected("innovation-diffusion", "members:\n  - {name: \"Eve\\u0007\", country: Spain}\n")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("U+0007"));
        assertThat(rejected("innovation-diffusion", "members: " + "[".repeat(50) + "\n")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("nests"));
    }

    @Test
    void boundsTheLists() {
        StringBuilder many = new StringBuilder("members:\n");
        for (int i = 0; i <= RegistryReader.MAX_MEMBERS; i++) {
            many.append("  - {name: Member ").append(i).append(", country: Spain}\n");
        }
        assertThat(rejected("innovation-diffusion", many.toString())).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("at most " + RegistryReader.MAX_MEMBERS));
    }

    private WorkingGroupRegistry accepted(String group, String yaml) {
        Outcome<WorkingGroupRegistry> outcome = reader.read(group, yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(outcome).as("%s", outcome).isInstanceOf(Outcome.Accepted.class);
        return ((Outcome.Accepted<WorkingGroupRegistry>) outcome).value();
    }

    private List<Problem> rejected(String group, String yaml) {
        Outcome<WorkingGroupRegistry> outcome = reader.read(group, yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected<WorkingGroupRegistry>) outcome).problems();
    }

    private static String sample(String group) throws IOException {
        return Files.readString(root().resolve("events/working-groups/" + group + ".yaml"));
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
