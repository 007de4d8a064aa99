package eu.s3cop.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class YamlFieldsTest {

    private static final YamlFields.Form FORM = new YamlFields.Form("the front matter", 2, List.of("title", "summary", "tags"), List.of("title"));

    private final List<Problem> problems = new ArrayList<>();

    @Test
    void unknownRepeatedMissingAndEmptyFieldsAreEachOneProblemAtTheirFileLine() {
        YamlFields fields = YamlFields.read("summary: \"  \"\ncolour: blue\nsummary: again\n", FORM, problems).orElseThrow();
        assertThat(fields.text("title", true, 10)).isNull();
        assertThat(fields.text("summary", false, 10)).isNull();
        assertThat(problems).extracting(Problem::field, Problem::line).containsExactly(
                tuple("colour", 3), tuple("summary", 4), tuple("title", 1), tuple("summary", 2));
        assertThat(problems.get(3).message()).contains("leave the line out");
    }

    @Test
    void brokenYamlPointsAtWhereTheConstructStartsAndWhereItWasNoticed() {
        assertThat(YamlFields.read("title: [unclosed\nsummary: x\n", FORM, problems)).isEmpty();
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.message()).startsWith("the front matter is not valid YAML").contains("noticed on line");
        });
    }

    @Test
    void aTextWithNoFieldsOrNotAMappingSaysSo() {
        assertThat(YamlFields.read("# only a comment\n", FORM, problems)).isEmpty();
        assertThat(YamlFields.read("- a list\n", FORM, problems)).isEmpty();
        assertThat(problems).extracting(Problem::message).containsExactly(
                "the front matter has no fields: give at least title", "the front matter must be a list of 'name: value' fields");
    }

    @Test
    void listsTakeOneTextOrASequenceAndRefuseMappings() {
        YamlFields fields = YamlFields.read("title: x\ntags: [a, b]\nsummary: {a: b}\n", FORM, problems).orElseThrow();
        assertThat(fields.list("tags", false, 10, 5)).containsExactly("a", "b");
        assertThat(fields.text("summary", false, 10)).isNull();
        assertThat(problems).singleElement().extracting(Problem::field, Problem::line).containsExactly("summary", 4);
    }

    @Test
    void controlCharactersInAnUnknownFieldNameAreNotRepeated() {
        Optional<YamlFields> fields = YamlFields.read("\"bad\\u0007name\": x\n", FORM, problems);
        assertThat(fields).isPresent();
        assertThat(problems).singleElement().extracting(Problem::field).isEqualTo("bad name");
    }

    @Test
    void anEmojiAcrossTheParsersBufferBoundaryIsRead() {
        for (int pad = 1000; pad < 1030; pad++) {
            String yaml = "title: " + "x".repeat(pad) + "\uD83D\uDE00\n";
            assertThat(YamlFields.read(yaml, FORM, problems)).as("padding " + pad).isPresent();
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void nestingThousandsDeepIsOneProblemNotAStackOverflow() {
        String yaml = "title: x\ntags: " + "[".repeat(5000) + "\n";
        assertThat(YamlFields.read(yaml, FORM, problems)).isEmpty();
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.message()).startsWith("the front matter nests lists or mappings more than 8 levels deep");
        });
    }

    @Test
    void nestingAsDeepAsTheLimitIsStillRead() {
        String yaml = "title: x\ntags: " + "[".repeat(YamlParser.MAX_DEPTH - 1) + "a" + "]".repeat(YamlParser.MAX_DEPTH - 1) + "\n";
        assertThat(YamlFields.read(yaml, FORM, problems)).isPresent();
        assertThat(problems).isEmpty();
    }

    @Test
    void controlCharactersOtherThanLineBreaksAndTabsAreRefusedInEveryText() {
        YamlFields.read("title: \"Line\\rbreak\"\nsummary: \"ok\\tand\\nmore\"\ntags: [fine, \"bell\\x01\"]\n", FORM, problems).orElseThrow();
        assertThat(problems).extracting(Problem::field, Problem::line).containsExactly(tuple("title", 2), tuple("tags", 4));
        assertThat(problems).extracting(Problem::message).containsExactly(
                "holds the control character U+000D; remove it (only line breaks and tabs may stand in a text)",
                "holds the control character U+0001; remove it (only line breaks and tabs may stand in a text)");
    }
}
