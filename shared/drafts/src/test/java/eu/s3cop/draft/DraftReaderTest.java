package eu.s3cop.draft;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.upload.Outcome;
import eu.s3cop.upload.Problem;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DraftReaderTest {

    private static final String VALID = """
            ---
            title: Understanding the bottlenecks to innovation diffusion
            type: policy-brief
            working_group: innovation-diffusion
            authors: [Alison Hunter, Santiago Donat]
            date: 2024-05-23
            ---

            # Findings

            Innovation does not diffuse by itself.
            """;

    private final DraftReader reader = new DraftReader(DraftRules.defaults());

    @Test
    void readsAValidDraftWithDefaults() {
        Draft draft = accepted("bottlenecks.md", VALID);
        assertThat(draft.slug()).isEqualTo("bottlenecks");
        assertThat(draft.publicationId()).isEqualTo("innovation-diffusion/bottlenecks");
        assertThat(draft.meta().title()).isEqualTo("Understanding the bottlenecks to innovation diffusion");
        assertThat(draft.meta().type()).isEqualTo(PublicationType.POLICY_BRIEF);
        assertThat(draft.meta().authors()).containsExactly("Alison Hunter", "Santiago Donat");
        assertThat(draft.meta().date()).isEqualTo(LocalDate.of(2024, 5, 23));
        assertThat(draft.meta().language()).isEqualTo("en");
        assertThat(draft.meta().preview()).isFalse();
        assertThat(draft.bodyLine()).isEqualTo(8);
        assertThat(draft.markdown()).contains("Innovation does not diffuse by itself.");
    }

    @Test
    void theSecretariatPublishesFromItsFolderForTheGroupsItNamesOrForTheWholeCommunity() {
        String text = VALID.replace("working_group: innovation-diffusion\n", "working_groups: [innovation-diffusion, industrial-transition]\n");
        DraftKey secretariat = DraftKey.of("drafts/secretariat/lessons.md", DraftRules.defaults().workingGroups()).orElseThrow();
        Draft draft = ((Outcome.Accepted<Draft>) reader.read(secretariat, text.getBytes(StandardCharsets.UTF_8))).value();
        assertThat(draft.publicationId()).isEqualTo("secretariat/lessons");
        assertThat(draft.meta().workingGroups()).containsExactly("innovation-diffusion", "industrial-transition");
        Draft community = ((Outcome.Accepted<Draft>) reader.read(secretariat,
                VALID.replace("working_group: innovation-diffusion\n", "").getBytes(StandardCharsets.UTF_8))).value();
        assertThat(community.meta().workingGroup()).isEqualTo("secretariat");
        assertThat(community.meta().workingGroups()).isEmpty();

        // From a group's folder, the same draft is not the group's to publish.
        DraftKey group = DraftKey.of("drafts/innovation-diffusion/lessons.md", DraftRules.defaults().workingGroups()).orElseThrow();
        assertThat(((Outcome.Rejected<Draft>) reader.read(group, text.getBytes(StandardCharsets.UTF_8))).problems())
                .extracting(Problem::message).anySatisfy(message -> assertThat(message).contains("drafts/secretariat/lessons.md"));
        assertThat(((Outcome.Rejected<Draft>) reader.read(group, VALID.replace("date: 2024-05-23", "date: 2024-05-23\nworking_groups: [industrial-transition]")
                .getBytes(StandardCharsets.UTF_8))).problems()).extracting(Problem::message)
                .containsExactly("only the secretariat's documents, published from drafts/secretariat/, speak for several groups: a group's brief"
                        + " is listed on its own group's page");
        assertThat(((Outcome.Rejected<Draft>) reader.read(secretariat, text.replace("industrial-transition]", "mallory]")
                .getBytes(StandardCharsets.UTF_8))).problems()).extracting(Problem::message).singleElement().asString()
                .startsWith("'mallory' is not a working group");
        // A rapporteur's draft still needs its group.
        assertThat(((Outcome.Rejected<Draft>) reader.read(group, VALID.replace("working_group: innovation-diffusion\n", "")
                .getBytes(StandardCharsets.UTF_8))).problems()).extracting(Problem::field).contains("working_group");
    }

    @Test
    void aLicenceIsCcBy4UnlessTheDraftNamesAnotherFromTheShortList() {
        assertThat(accepted("x.md", VALID).meta().licence()).isEqualTo(Licence.CC_BY_4_0);
        assertThat(accepted("x.md", VALID.replace("date: 2024-05-23", "date: 2024-05-23\nlicence: CC-BY-SA-4.0")).meta().licence())
                .isEqualTo(Licence.CC_BY_SA_4_0);
        Outcome<Draft> proprietary = reader.read("x.md", VALID.replace("date: 2024-05-23", "date: 2024-05-23\nlicence: All rights reserved")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(((Outcome.Rejected<Draft>) proprietary).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(7);
            assertThat(problem.message()).contains("CC-BY-4.0, CC-BY-SA-4.0, CC-BY-ND-4.0, CC0-1.0");
        });
    }

    @Test
    void acceptsAByteOrderMarkAndWindowsLineEndings() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = VALID.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(text, 0, content, bom.length, text.length);
        assertThat(reader.read("x.md", content)).isInstanceOf(Outcome.Accepted.class);
    }

    @Test
    void readsOptionalFieldsAndStatusDraft() {
        Draft draft = accepted("x.md", VALID.replace("date: 2024-05-23", """
                date: 2024-05-23
                language: el
                summary: Μια περίληψη.
                keywords: SMEs
                status: draft"""));
        assertThat(draft.meta().language()).isEqualTo("el");
        assertThat(draft.meta().summary()).isEqualTo("Μια περίληψη.");
        assertThat(draft.meta().keywords()).containsExactly("SMEs");
        assertThat(draft.meta().preview()).isTrue();
    }

    @Test
    void aTranslationNamesItsOriginalBySlugAndNotItself() {
        Draft translation = accepted("x.md", VALID.replace("date: 2024-05-23", "date: 2024-05-23\nlanguage: de\ntranslation_of: bottlenecks"));
        assertThat(translation.meta().translationOf()).isEqualTo("bottlenecks");
        assertThat(translation.meta().translationOfLine()).isEqualTo(8);
        assertThat(accepted("x.md", VALID).meta().translation()).isFalse();

        assertThat(rejected("x.md", VALID.replace("date: 2024-05-23", "date: 2024-05-23\ntranslation_of: ../Bottlenecks.md")))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("translation_of");
                    assertThat(problem.line()).isEqualTo(7);
                    assertThat(problem.message()).contains("file name without .md");
                });
        Outcome<Draft> itself = reader.read(DraftKey.of("drafts/innovation-diffusion/bottlenecks.md", Set.of("innovation-diffusion")).orElseThrow(),
                VALID.replace("date: 2024-05-23", "date: 2024-05-23\ntranslation_of: bottlenecks").getBytes(StandardCharsets.UTF_8));
        assertThat(((Outcome.Rejected<Draft>) itself).problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("names this draft itself"));
    }

    @Test
    void reportsEveryProblemAtOnceWithFieldsAndLines() {
        List<Problem> problems = rejected("x.md", """
                ---
                title: ""
                type: white-paper
                working_group: blue-economy
                authors: []
                date: 2024-02-30
                language: klingon
                status: final-ish
                autors: [Typo]
                ---
                Text.
                """);
        assertThat(problems).extracting(Problem::field, Problem::line).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("autors", 9),
                org.assertj.core.groups.Tuple.tuple("title", 2),
                org.assertj.core.groups.Tuple.tuple("type", 3),
                org.assertj.core.groups.Tuple.tuple("working_group", 4),
                org.assertj.core.groups.Tuple.tuple("authors", 5),
                org.assertj.core.groups.Tuple.tuple("date", 6),
                org.assertj.core.groups.Tuple.tuple("language", 7),
                org.assertj.core.groups.Tuple.tuple("status", 8));
        assertThat(problems).filteredOn(problem -> "type".equals(problem.field())).singleElement()
                .extracting(Problem::message).asString().contains("white-paper", "policy-brief");
        assertThat(problems).filteredOn(problem -> "date".equals(problem.field())).singleElement()
                .extracting(Problem::message).asString().contains("not a real calendar date");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing title      | title: Understanding the bottlenecks to innovation diffusion |                        | title         | missing",
            "wrong date format  | date: 2024-05-23                                             | date: 23/05/2024       | date          | YYYY-MM-DD",
            "date as timestamp  | date: 2024-05-23                                             | date: 2024-05-23T10:00 | date          | YYYY-MM-DD",
            "empty date         | date: 2024-05-23                                             | 'date:'                | date          | empty",
            "authors mapping    | authors: [Alison Hunter, Santiago Donat]                    | 'authors: {a: b}'      | authors       | list",
            "type list          | type: policy-brief                                           | 'type: [policy-brief]' | type          | one of",
    })
    void rejectsABadField(String name, String original, String replacement, String field, String message) {
        String text = VALID.replace(original, replacement == null ? "" : replacement.replace("'", ""));
        assertThat(rejected("x.md", text)).anySatisfy(problem -> {
            assertThat(problem.field()).isEqualTo(field);
            assertThat(problem.message()).contains(message);
        });
    }

    @Test
    void rejectsMalformedYamlAtItsLine() {
        List<Problem> problems = rejected("x.md", VALID.replace("type: policy-brief", "type: [policy-brief"));
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.message()).contains("not valid YAML");
            assertThat(problem.line()).isBetween(3, 5);
        });
    }

    @Test
    void rejectsADraftWithoutFrontMatterOrWithAnUnclosedOne() {
        assertThat(rejected("x.md", "# Just a heading\n\nText.\n")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("no front matter").contains("'---'"));
        assertThat(rejected("x.md", "---\ntitle: x\n\nText.\n")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("not closed"));
    }

    @ParameterizedTest
    @CsvSource({"Bottlenecks.md", "bottle_necks.md", "bottlenecks.markdown.md", "ünicode.md"})
    void rejectsABadSlug(String fileName) {
        assertThat(rejected(fileName, VALID)).anySatisfy(problem -> assertThat(problem.message()).contains("slug"));
    }

    @Test
    void rejectsAnEmptyFileABinaryFileAndNonUtf8Bytes() {
        assertThat(reader.read("x.md", new byte[0])).isInstanceOf(Outcome.Rejected.class);
        assertThat(problems(new byte[] {'-', '-', '-', '\n', 0, 1, 2})).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("binary"));
        byte[] latin1 = VALID.replace("Innovation does", "Innovation dépend").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(problems(latin1)).singleElement().satisfies(problem -> {
            assertThat(problem.message()).contains("not UTF-8");
            assertThat(problem.line()).isEqualTo(11);
        });
    }

    @Test
    void rejectsAFileOverTheLimitWithoutReadingIt() {
        byte[] large = new byte[2 * 1024 * 1024 + 1];
        assertThat(problems(large)).singleElement().satisfies(problem -> assertThat(problem.message()).contains("limit"));
    }

    @Test
    void rejectsAbsurdNestingOfListsAndQuotesWithoutExhaustingTheParser() {
        String lists = "- ".repeat(5000) + "deep\n";
        String quotes = "> ".repeat(5000) + "deep\n";
        StringBuilder indented = new StringBuilder();
        for (int i = 0; i < 700; i++) {
            indented.append("  ".repeat(i)).append("- level ").append(i).append('\n');
        }
        for (String body : List.of(lists, quotes, ">".repeat(4000) + " x\n", indented.toString())) {
            assertThat(rejected("x.md", VALID + body)).anySatisfy(problem -> assertThat(problem.message()).contains("nest"));
        }
    }

    @Test
    void rejectsModeratelyDeepNestingFoundAfterParsing() {
        StringBuilder nested = new StringBuilder("\n");
        for (int i = 0; i < 20; i++) {
            nested.append("  ".repeat(i)).append("- level ").append(i).append('\n');
        }
        assertThat(rejected("x.md", VALID + nested)).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("nest 17 levels"));
    }

    @Test
    void rejectsATableThousandsOfColumnsWideAtItsLine() {
        String header = "|" + "c|".repeat(3000) + "\n";
        String separator = "|" + "-|".repeat(3000) + "\n";
        assertThat(rejected("x.md", VALID + "\n" + header + separator)).singleElement().satisfies(problem -> {
            assertThat(problem.message()).contains("3000 columns");
            assertThat(problem.line()).isEqualTo(13);
        });
        String forty = "|" + "c|".repeat(40) + "\n|" + "-|".repeat(40) + "\n|" + "1|".repeat(40) + "\n";
        assertThat(rejected("x.md", VALID + "\n" + forty)).singleElement().satisfies(problem -> {
            assertThat(problem.message()).contains("40 columns");
            assertThat(problem.line()).isEqualTo(13);
        });
    }

    @Test
    void rejectsALineOfMegabytes() {
        assertThat(rejected("x.md", VALID + "word ".repeat(300_000) + "\n")).singleElement().satisfies(problem -> {
            assertThat(problem.message()).contains("1500000 characters");
            assertThat(problem.line()).isEqualTo(12);
        });
    }

    @Test
    void rejectsControlCharactersInTheTextAtTheirLines() {
        List<Problem> problems = rejected("x.md", VALID + "\nStart of heading \u0001 here.\n\nA form feed\f, then a DEL \u007F.\n\tTabs stay.\n");
        assertThat(problems).extracting(Problem::line, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(13, "the line holds the control character U+0001; remove it (only line breaks and tabs may stand in a text)"),
                org.assertj.core.groups.Tuple.tuple(15, "the line holds the control character U+000C; remove it (only line breaks and tabs may stand in a text)"));
    }

    @Test
    void countsControlCharactersPastTheTenthLineInOneProblem() {
        List<Problem> problems = rejected("x.md", VALID + "bell \u0007\n".repeat(25));
        assertThat(problems).hasSize(11);
        assertThat(problems.get(10).message()).startsWith("15 more lines hold control characters");
    }

    @Test
    void rejectsADraftWithNoText() {
        assertThat(rejected("x.md", VALID.substring(0, VALID.indexOf("# Findings")))).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("no text"));
    }

    @Test
    void messagesRepeatReceivedValuesOnlyShortAndOnOneLine() {
        String hostile = "<script>" + "x".repeat(500) + "</script>";
        List<Problem> problems = rejected("x.md", VALID.replace("type: policy-brief", "type: \"" + hostile + "\\nline\""));
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.message()).doesNotContain("\n").hasSizeLessThan(300);
        });
    }

    private Draft accepted(String fileName, String text) {
        Outcome<Draft> outcome = reader.read(fileName, text.getBytes(StandardCharsets.UTF_8));
        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        return ((Outcome.Accepted<Draft>) outcome).value();
    }

    private List<Problem> rejected(String fileName, String text) {
        Outcome<Draft> outcome = reader.read(fileName, text.getBytes(StandardCharsets.UTF_8));
        assertThat(outcome).as("expected a rejection").isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected<Draft>) outcome).problems();
    }

    private List<Problem> problems(byte[] content) {
        Outcome<Draft> outcome = reader.read("x.md", content);
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected<Draft>) outcome).problems();
    }
}
