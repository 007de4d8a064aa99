package eu.s3cop.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import eu.s3cop.upload.Outcome;
import eu.s3cop.upload.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Accessibility checks, cross-references and typography of a draft's body, each finding on its file line. */
class StructureChecksTest {

    /** Eight lines of front matter: the body's first line is line 9 of the file. */
    private static final String FRONT = """
            ---
            title: A brief
            type: policy-brief
            working_group: innovation-diffusion
            authors: [Alison Hunter]
            date: 2024-05-23
            language: %s
            ---
            """;

    private final DraftReader reader = new DraftReader(DraftRules.defaults());

    @Test
    void figuresAndTablesWithLabelsAreReferredToAndAWellMadeDraftHasNoWarnings() {
        Draft draft = accepted("en", """
                # Findings

                ![Bar chart of SMEs adopting cloud services in three regions](chart.png "SMEs adopting cloud services")
                {#fig:adoption}

                @fig:adoption and [@tbl:regions] show the gap.

                | Region | Share |
                |--------|------:|
                | Navarra | 41% |

                Table: Adoption by region {#tbl:regions}
                """);
        assertThat(draft.warnings()).isEmpty();
    }

    @Test
    void anImageWithoutAltTextAndAReferenceToNothingRejectTheDraftWithTheirLines() {
        List<Problem> problems = rejected("en", """
                # Findings

                ![](chart.png "Adoption")

                As @fig:missing shows, and [@tbl:nowhere] too.

                ![A chart](other.png){#fig:twice}

                ![Another chart](third.png) {#fig:twice}

                Some text {#fig:stray} here.
                """);
        assertThat(problems).extracting(Problem::line).containsExactly(11, 13, 13, 17, 19);
        assertThat(problems.get(0).message()).contains("chart.png", "no alt text");
        assertThat(problems.get(1).message()).contains("@fig:missing", "refers to no figure", "{#fig:missing}");
        assertThat(problems.get(2).message()).contains("@tbl:nowhere", "refers to no table", "Table: ...");
        assertThat(problems.get(3).message()).contains("used twice", "line 15");
        assertThat(problems.get(4).message()).contains("{#fig:stray} labels nothing");
    }

    @Test
    void aCaptionLineStraightUnderItsTableIsStillItsCaption() {
        Draft draft = accepted("en", """
                | Region | Share |
                |--------|------:|
                | Navarra | 41% |
                Table: Adoption by region {#tbl:regions}

                As @tbl:regions shows.
                """);
        assertThat(draft.warnings()).isEmpty();
    }

    @Test
    void headingsThatSkipALevelVagueLinksAndEmptyHeadersAreWarningsWithTheirLines() {
        Draft draft = accepted("en", """
                # Findings

                #### Too deep

                Read the scoreboard [here](https://example.org/scoreboard) or [click here](https://example.org/x),
                and [the Regional Innovation Scoreboard](https://example.org/ris).

                |   | Share |
                |---|------:|
                | Navarra | 41% |
                """);
        assertThat(draft.warnings()).extracting(Problem::line, problem -> problem.message().substring(0, 20)).containsExactly(
                tuple(11, "the heading 'Too dee"), tuple(13, "the link text 'here'"), tuple(13, "the link text 'click"),
                tuple(16, "the table's header c"));
        assertThat(draft.warnings().get(0).message()).contains("level 4 after a level 1", "use level 2 (##)");
    }

    @Test
    void plainTextTypographyFollowsTheDraftsLanguage() {
        String body = "\"Smart\" regions' plans -- 2021--2027 --- and more...\n";
        assertThat(html(accepted("en", body))).isEqualTo("<p>“Smart” regions’ plans &ndash; 2021&ndash;2027 &mdash; and more&hellip;</p>");
        assertThat(html(accepted("de", body))).startsWith("<p>„Smart“ regions’");
        assertThat(html(accepted("fr", body))).startsWith("<p>«Smart» regions’");
        assertThat(html(accepted("en", "`\"code\" -- stays`\n"))).isEqualTo("<p><code>&quot;code&quot; -- stays</code></p>");
    }

    private static String html(Draft draft) {
        return Markdown.html(draft.body()).strip();
    }

    private Draft accepted(String language, String body) {
        Outcome<Draft> outcome = reader.read("brief.md", (FRONT.formatted(language) + body).getBytes(StandardCharsets.UTF_8));
        assertThat(outcome).as("%s", outcome).isInstanceOf(Outcome.Accepted.class);
        return ((Outcome.Accepted<Draft>) outcome).value();
    }

    private List<Problem> rejected(String language, String body) {
        Outcome<Draft> outcome = reader.read("brief.md", (FRONT.formatted(language) + body).getBytes(StandardCharsets.UTF_8));
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected<Draft>) outcome).problems();
    }
}
