package eu.s3cop.render;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.draft.Draft;
import eu.s3cop.draft.DraftReader;
import eu.s3cop.draft.DraftRules;
import eu.s3cop.upload.Outcome;
import eu.s3cop.upload.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ReferencesTest {

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
    private static final String TEXT = """
            # Implementing smart specialisation

            ## Findings

            Regions differ [@gianelle2016, p. 12]. @gianelle2016 [pp. 33--35] describe it; see [@cpr2021, Annex IV] and [-@gianelle2016].
            """;

    @Test
    void formatsAuthorDateCitationsAndAListWithLinksInApaByDefault() {
        Document html = html(FRONT + TEXT, sample());
        assertThat(html.select("span.citation").eachText()).containsExactly("(Gianelle et al., 2016, p. 12)",
                "Gianelle et al. (2016, pp. 33–35)", "(European Parliament and Council of the European Union, 2021, Annex IV)", "(2016)");
        Element list = html.selectFirst("section.references");
        assertThat(list.selectFirst("h2").text()).isEqualTo("References");
        assertThat(list.select("ul.references > li")).hasSize(2);
        assertThat(list.select("li").get(1).text()).startsWith("Gianelle, C., Kyriakou, D., Cohen, C., & Przeor, M. (Eds). (2016).")
                .contains("(EUR 28053 EN)");
        assertThat(list.select("li i").eachText()).contains("Implementing Smart Specialisation: A Handbook");
        assertThat(list.select("a").eachAttr("href")).containsExactly("https://eur-lex.europa.eu/eli/reg/2021/1060/oj",
                "https://doi.org/10.2791/53569");
    }

    /** IEEE names no author in the sentence ("[1] describe it" is its convention) and puts words after a citation outside its brackets. */
    @Test
    void numbersCitationsInANumericStyleInTheOrderTheyAreFirstCited() {
        Document html = html(FRONT.replace("sources.bib", "sources.bib\ncitation_style: ieee") + TEXT.replace("[-@gianelle2016]", "[@cpr2021]"), sample());
        assertThat(html.select("span.citation").eachText()).containsExactly("[1, p. 12]", "[1, pp. 33–35]", "[2], Annex IV", "[2]");
        assertThat(html.select("ul.references li span.reference-label").eachText()).containsExactly("[1]", "[2]");
    }

    @Test
    void printsTheListInTheDraftsLanguageUnderItsOwnLastHeading() {
        Document french = html(FRONT.replace("date: 2024-05-23", "date: 2024-05-23\nlanguage: fr") + TEXT, sample());
        assertThat(french.selectFirst("section.references h2").text()).isEqualTo("Références");
        assertThat(french.select("span.citation").first().text()).isEqualTo("(Gianelle et al., 2016, p. 12)");
        Document own = html(FRONT + TEXT + "\n## Sources\n", sample());
        assertThat(own.select("section.references")).isEmpty();
        assertThat(own.select("h2").last().text()).isEqualTo("Sources");
        assertThat(own.select("h2").last().nextElementSibling().is("ul.references")).isTrue();
    }

    @Test
    void readsCslJson() {
        String json = """
                [
                  {"id": "gianelle2016", "type": "book", "title": "Implementing Smart Specialisation: A Handbook",
                   "editor": [{"family": "Gianelle", "given": "C."}], "issued": {"date-parts": [[2016]]},
                   "publisher": "European Commission", "DOI": "10.2791/53569"}
                ]
                """;
        Document html = html(FRONT.replace("sources.bib", "sources.json") + "Text [@gianelle2016].\n", Map.of("sources.json", bytes(json)));
        assertThat(html.select("span.citation").text()).isEqualTo("(Gianelle, 2016)");
        assertThat(html.select("ul.references a").attr("href")).isEqualTo("https://doi.org/10.2791/53569");
    }

    @Test
    void anUnknownKeyIsAProblemAtItsLine() {
        assertThat(problems(FRONT + "First.\n\nThen [@gianelle2016; @foray2015].\n", sample()))
                .containsExactly("brief.md:12: cites @foray2015, which sources.bib does not have: correct the key or add the work to the"
                        + " file (it has gianelle2016, cpr2021)");
    }

    @Test
    void aMissingOrBrokenBibliographyIsAProblemWithItsLine() {
        String text = FRONT + "Text [@a].\n";
        assertThat(problems(text, Map.of())).containsExactly("brief.md:7: bibliography: 'sources.bib' was not found in the draft's folder:"
                + " upload it next to the draft, then upload the draft again");
        assertThat(problems(text, Map.of("sources.bib", bytes("@book{a,\n  title = {A},\n  year = 2016\n  publisher = {B},\n}\n"))))
                .singleElement().asString().startsWith("brief.md:7: bibliography: sources.bib, line 4: is not BibTeX here");
        assertThat(problems(text, Map.of("sources.bib", bytes("@book{a, title = {A}, year = 2016}\n\n@misc{a, title = {B}}\n"))))
                .containsExactly("brief.md:7: bibliography: sources.bib, line 3: the key 'a' is defined again (first on line 1): give each"
                        + " entry its own key");
        assertThat(problems(text, Map.of("sources.bib", bytes("@book{a, title = \"A\", publisher = eu, year = 2016}\n"))))
                .containsExactly("brief.md:7: bibliography: sources.bib: uses the string 'eu', which no @string defines: define it or write the text");
        assertThat(problems(FRONT.replace("sources.bib", "sources.json") + "Text [@a].\n", Map.of("sources.json", bytes("[\n {\"id\": \"a\",\n \"type\": \"book\" \"title\": \"A\"}\n]"))))
                .singleElement().asString().startsWith("brief.md:7: bibliography: sources.json, line 3: is not JSON here");
        assertThat(problems(FRONT.replace("sources.bib", "sources.json") + "Text [@a].\n", Map.of("sources.json", bytes("[{\"title\": \"A\"}]"))))
                .containsExactly("brief.md:7: bibliography: sources.json, entry 1: is not a CSL item: each needs an \"id\" (text) and a \"type\""
                        + " such as \"book\" or \"report\"");
        assertThat(problems(text, Map.of("sources.bib", new byte[] {(byte) 0xC3, 0x28})))
                .singleElement().asString().startsWith("brief.md:7: bibliography: sources.bib, line 1: the file is not UTF-8 text");
    }

    @Test
    void boundsTheFileBeforeParsingIt() {
        String text = FRONT + "Text [@a].\n";
        assertThat(problems(text, Map.of("sources.bib", new byte[Bibliography.MAX_BYTES + 1])))
                .containsExactly("brief.md:7: bibliography: 'sources.bib' is larger than 1024 KiB: keep the works the draft cites");
        assertThat(problems(text, Map.of("sources.bib", bytes("@book{a,\n title = {" + "{".repeat(5000) + "A" + "}".repeat(5000) + "}}\n"))))
                .containsExactly("brief.md:7: bibliography: sources.bib, line 2: nests more than 16 levels deep; no bibliography needs that many");
        assertThat(problems(FRONT.replace("sources.bib", "sources.json") + "Text [@a].\n",
                Map.of("sources.json", bytes("[".repeat(100_000) + "]".repeat(100_000)))))
                .containsExactly("brief.md:7: bibliography: sources.json, line 1: nests more than 16 levels deep; no bibliography needs that many");
        String many = String.join("\n", IntStream.range(0, Bibliography.MAX_ENTRIES + 1).mapToObj(i -> "@misc{k" + i + ", title = {T}}").toList());
        assertThat(problems(text, Map.of("sources.bib", bytes(many))))
                .containsExactly("brief.md:7: bibliography: sources.bib has 2001 entries; at most 2000 can be cited from: keep the works the"
                        + " draft cites");
    }

    @Test
    void hostileEntriesPrintAsTextAndLinkOnlyToTheWeb() {
        String bib = """
                @misc{a, title = {<script>alert(1)</script> <img src=x onerror=alert(1)>}, year = 2020,
                  url = {https://example.org/x" onmouseover="alert(1)}}
                @misc{b, title = {B}, year = 2021, url = {javascript:alert(1)}}
                @misc{c, title = {C}, year = 2021, doi = {10.1/x"><script>}}
                """;
        assertThat(problems(FRONT + "Text [@a; @b; @c].\n", Map.of("sources.bib", bytes(bib)))).containsExactly(
                "brief.md:7: bibliography: sources.bib, line 1: the url of 'a' is not a web address (https://...)",
                "brief.md:7: bibliography: sources.bib, line 3: the url of 'b' is not a web address (https://...)",
                "brief.md:7: bibliography: sources.bib, line 4: the doi of 'c' is not a DOI such as 10.2791/53569");
        Document html = html(FRONT + "Text [@a].\n", Map.of("sources.bib", bytes("@misc{a, title = {<script>alert(1)</script> <b onclick=x>bold</b>}, year = 2020}")));
        assertThat(html.select("script, img, [onclick]")).isEmpty();
        assertThat(html.selectFirst("ul.references").text()).contains("<script>alert(1)</script>");
    }

    private static Document html(String text, Map<String, byte[]> files) {
        Draft draft = draft(text);
        References.Resolution resolution = References.resolve(draft, folder(files));
        assertThat(resolution.problems()).isEmpty();
        return BriefHtml.build(draft, new RenderSettings(1, java.time.Instant.EPOCH), Map.of(), resolution.references(), "");
    }

    private static List<String> problems(String text, Map<String, byte[]> files) {
        References.Resolution resolution = References.resolve(draft(text), folder(files));
        assertThat(resolution.references()).isSameAs(References.NONE);
        return resolution.problems().stream().map(problem -> problem.describe("brief.md")).toList();
    }

    private static Map<String, byte[]> sample() {
        try {
            return Map.of("sources.bib", Files.readAllBytes(Samples.draftFile("innovation-diffusion/sources.bib")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static DraftFolder folder(Map<String, byte[]> files) {
        return (path, maxBytes) -> Optional.ofNullable(files.get(path));
    }

    private static Draft draft(String text) {
        Outcome<Draft> outcome = new DraftReader(DraftRules.defaults()).read("brief.md", bytes(text));
        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        return ((Outcome.Accepted<Draft>) outcome).value();
    }
}
