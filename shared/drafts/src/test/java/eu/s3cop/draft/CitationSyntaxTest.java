package eu.s3cop.draft;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.upload.Outcome;
import eu.s3cop.upload.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CitationSyntaxTest {

    private static final String FRONT = """
            ---
            title: Implementing smart specialisation
            type: policy-brief
            working_group: innovation-diffusion
            authors: [Alison Hunter]
            date: 2024-05-23
            bibliography: sources.bib
            ---

            """;

    private final DraftReader reader = new DraftReader(DraftRules.defaults());

    @Test
    void readsPandocsFormsOfCitation() {
        Draft draft = accepted(FRONT + """
                As the handbook shows [@gianelle2016], regions differ [see @gianelle2016, pp. 12--14; -@cpr2021].
                @gianelle2016 [p. 33] argues that @cpr2021 sets the condition [@gianelle2016, chapter 2 and elsewhere].
                """);
        List<Citation> citations = Markdown.citations(draft.body());
        assertThat(citations).extracting(Citation::narrative).containsExactly(false, false, true, true, false);
        assertThat(citations.get(0).sources()).containsExactly(new Citation.Source("gianelle2016", "", "", "", "", false));
        assertThat(citations.get(1).sources()).containsExactly(
                new Citation.Source("gianelle2016", "see", "page", "12–14", "", false),
                new Citation.Source("cpr2021", "", "", "", "", true));
        assertThat(citations.get(2).sources()).containsExactly(new Citation.Source("gianelle2016", "", "page", "33", "", false));
        assertThat(citations.get(4).sources()).containsExactly(
                new Citation.Source("gianelle2016", "", "chapter", "2", "and elsewhere", false));
        assertThat(Markdown.html(draft.body())).contains("<span class=\"citation\" data-citation=\"")
                .contains(">[see @gianelle2016, pp. 12--14; -@cpr2021]</span>");
    }

    @Test
    void leavesAddressesCodeLinksEscapesAndCrossReferencesAlone() {
        Draft draft = accepted(FRONT + """
                Write to info@s3cop.eu, see `[@code]` and [the handbook @ the JRC](https://s3platform.jrc.ec.europa.eu),
                and \\@handle is not cited.
                """);
        assertThat(Markdown.citations(draft.body())).isEmpty();
        // Still cross-references, which the checks look up among the draft's figures and tables.
        assertThat(problems(FRONT + "@fig:chart is a figure, and [@tbl:data] a table.\n"))
                .containsExactly("brief.md:10: @fig:chart refers to no figure: label one with {#fig:chart} right after its image",
                        "brief.md:10: @tbl:data refers to no table: label one with {#tbl:data} at the end of its caption line, Table: ...");
    }

    @Test
    void withoutABibliographyAnAtSignIsText() {
        Draft draft = accepted(FRONT.replace("bibliography: sources.bib\n", "") + "Follow @S3Platform [@news].\n");
        assertThat(Markdown.citations(draft.body())).isEmpty();
        assertThat(Markdown.html(draft.body())).contains("Follow @S3Platform [@news].");
    }

    @Test
    void readsTheBibliographyAndStyleFields() {
        Draft draft = accepted(FRONT.replace("bibliography: sources.bib", "bibliography: refs/sources.json\ncitation_style: ieee") + "Text.\n");
        assertThat(draft.meta().references()).isEqualTo(new FrontMatter.References("refs/sources.json", 7, "ieee", 8));
        assertThat(accepted(FRONT + "Text.\n").meta().references().style()).isEqualTo(CitationStyles.DEFAULT);
    }

    @Test
    void refusesABibliographyOutsideTheFolderOrOfAnotherKindAndAStyleNotShipped() {
        assertThat(problems(FRONT.replace("sources.bib", "../other/sources.bib")))
                .containsExactly("brief.md:7: bibliography: '../other/sources.bib' is not a bibliography file beside the draft: name a BibTeX"
                        + " (.bib) or CSL-JSON (.json) file in the draft's folder, such as sources.bib");
        assertThat(problems(FRONT.replace("sources.bib", "sources.docx"))).hasSize(1);
        assertThat(problems(FRONT.replace("sources.bib", "/etc/sources.bib"))).hasSize(1);
        assertThat(problems(FRONT.replace("bibliography: sources.bib", "bibliography: sources.bib\ncitation_style: vancouver")))
                .singleElement().asString().startsWith("brief.md:8: citation_style:").contains("ieee");
        assertThat(problems(FRONT.replace("bibliography: sources.bib", "citation_style: apa")))
                .singleElement().asString().startsWith("brief.md:7: citation_style: names a style but the draft names no bibliography");
    }

    private Draft accepted(String text) {
        Outcome<Draft> outcome = reader.read("brief.md", text.getBytes(StandardCharsets.UTF_8));
        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        return ((Outcome.Accepted<Draft>) outcome).value();
    }

    private List<String> problems(String text) {
        Outcome<Draft> outcome = reader.read("brief.md", (text + "Text.\n").getBytes(StandardCharsets.UTF_8));
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected<Draft>) outcome).problems().stream().map(problem -> problem.describe("brief.md")).toList();
    }
}
