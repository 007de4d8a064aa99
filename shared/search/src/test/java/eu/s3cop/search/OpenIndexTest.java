package eu.s3cop.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import eu.s3cop.publications.Publication;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenIndexTest {

    private static final String FILLER = " Regions share what they learn in peer reviews.".repeat(400);

    private static FSDirectory directory;
    private static OpenIndex index;

    @BeforeAll
    static void index(@TempDir Path folder) throws IOException {
        directory = FSDirectory.open(folder);
        try (IndexWriter writer = new IndexWriter(directory, SearchIndexWriter.config())) {
            for (IndexedBrief brief : List.of(
                    brief("innovation-diffusion/bottlenecks", "Understanding the bottlenecks to innovation diffusion", "policy-brief", "2024-05-23", "en",
                            "Innovation does not diffuse by itself." + FILLER + " The Plzeň region tested a voucher for cloud computing near the end."),
                    brief("industrial-transition/skills", "Skills for industrial transition", "concept-note", "2023-11-28", "en",
                            "Smart specialisation strategies rely on partnerships between regions."),
                    brief("interregional-cooperation/partnerships", "Partnerships across borders", "input-note", "2023-06-08", "en",
                            "Specialisation in smart regions is the aim, and art is left aside."),
                    brief("industrial-transition/wandel", "Industrieller Wandel in den Regionen", "policy-brief", "2024-02-01", "de",
                            "Der Wandel der Industrie verlangt neue Fähigkeiten in den Regionen."))) {
                writer.addDocument(SearchDocuments.of(brief));
            }
            // A brief published again replaces its document, as the site's writer does it.
            writer.updateDocument(SearchDocuments.id("industrial-transition/skills"), SearchDocuments.of(brief("industrial-transition/skills",
                    "Skills for industrial transition", "concept-note", "2023-11-28", "en",
                    "Smart specialisation strategies rely on partnerships between regions and on apprenticeships.")));
        }
        index = new OpenIndex(DirectoryReader.open(directory));
    }

    @AfterAll
    static void close() throws IOException {
        index.reader().close();
        directory.close();
    }

    @Test
    void findsAWordOnlyInTheTextFarIntoItWithTheSnippetWhereItMatched() throws IOException {
        SearchResults results = search("voucher");

        assertThat(ids(results)).containsExactly("innovation-diffusion/bottlenecks");
        List<SearchResults.Snippet> snippet = results.hits().get(0).snippet();
        assertThat(snippet).contains(new SearchResults.Snippet("voucher", true));
        assertThat(snippet.stream().map(SearchResults.Snippet::text).collect(Collectors.joining()))
                .startsWith("… ").contains("tested a voucher for cloud").hasSizeLessThan(260);
    }

    @Test
    void readsEachLanguageWithItsOwnStemmerAndFoldsAccents() throws IOException {
        assertThat(ids(search("Wandel"))).containsExactly("industrial-transition/wandel");
        assertThat(ids(search("wandel"))).containsExactly("industrial-transition/wandel");
        assertThat(ids(search("faehigkeiten | fahigkeit"))).containsExactly("industrial-transition/wandel");
        assertThat(ids(search("plzen"))).containsExactly("innovation-diffusion/bottlenecks");
        assertThat(ids(search("apprenticeship"))).containsExactly("industrial-transition/skills");
        assertThat(ids(search("region apprenticeships"))).containsExactly("industrial-transition/skills");
    }

    @Test
    void matchesWholeWordsNotPiecesOfThem() throws IOException {
        assertThat(ids(search("art"))).containsExactly("interregional-cooperation/partnerships");
    }

    @Test
    void aPhraseMatchesItsWordsInOrder() throws IOException {
        assertThat(ids(search("smart specialisation"))).containsExactlyInAnyOrder("industrial-transition/skills",
                "interregional-cooperation/partnerships");
        assertThat(ids(search("\"smart specialisation\""))).containsExactly("industrial-transition/skills");
        assertThat(ids(search("smart -art"))).containsExactly("industrial-transition/skills");
    }

    @Test
    void ranksTheTitleAboveTheTextAndSortsByDateWhenAsked() throws IOException {
        assertThat(ids(search("partnerships"))).first().isEqualTo("interregional-cooperation/partnerships");
        SearchResults byDate = index.search(new SearchQuery("regions", null, null, null, null, true, 0, 10));
        assertThat(ids(byDate)).containsExactly("innovation-diffusion/bottlenecks", "industrial-transition/wandel", "industrial-transition/skills",
                "interregional-cooperation/partnerships");
    }

    @Test
    void countsEachFacetLeavingOutItsOwnChoice() throws IOException {
        SearchResults all = index.search(new SearchQuery("", null, null, null, null, false, 0, 10));
        assertThat(all.total()).isEqualTo(4);
        assertThat(all.facets().get("working_group")).containsExactlyInAnyOrder(new SearchResults.FacetCount("industrial-transition", 2),
                new SearchResults.FacetCount("innovation-diffusion", 1), new SearchResults.FacetCount("interregional-cooperation", 1));
        assertThat(all.facets().get("language")).contains(new SearchResults.FacetCount("en", 3), new SearchResults.FacetCount("de", 1));

        SearchResults chosen = index.search(new SearchQuery("", "industrial-transition", null, null, null, false, 0, 10));
        assertThat(ids(chosen)).containsExactly("industrial-transition/wandel", "industrial-transition/skills");
        assertThat(chosen.facets().get("working_group")).hasSize(3);
        assertThat(chosen.facets().get("year")).containsExactlyInAnyOrder(new SearchResults.FacetCount("2024", 1), new SearchResults.FacetCount("2023", 1));
    }

    @Test
    void pagesThroughTheResults() throws IOException {
        SearchResults second = index.search(new SearchQuery("", null, null, null, null, false, 1, 2));
        assertThat(second.total()).isEqualTo(4);
        assertThat(ids(second)).containsExactly("industrial-transition/wandel", "industrial-transition/skills");
    }

    @Test
    void answersFromTheIndexAloneWithTheListing() throws IOException {
        Publication found = search("wandel").hits().get(0).publication();
        assertThat(found).isEqualTo(publication("industrial-transition/wandel", "Industrieller Wandel in den Regionen", "policy-brief", "2024-02-01", "de"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"", "\"unclosed phrase", "-", "|", "|||", "((", ")", "\\", "\\\\\"", "*", "~2", "the", "-regions", "a\u0000b", "+", "&&"})
    void anyInputIsAnAnswerNeverAFailure(String text) {
        assertThatCode(() -> search(text)).doesNotThrowAnyException();
    }

    private static SearchResults search(String text) throws IOException {
        return index.search(new SearchQuery(text, null, null, null, null, false, 0, 10));
    }

    private static List<String> ids(SearchResults results) {
        return results.hits().stream().map(hit -> hit.publication().id()).toList();
    }

    private static IndexedBrief brief(String id, String title, String type, String date, String language, String text) {
        return new IndexedBrief(publication(id, title, type, date, language), text);
    }

    private static Publication publication(String id, String title, String type, String date, String language) {
        return new Publication(id, title, type, id.substring(0, id.indexOf('/')), List.of("Alison Hunter", "Santiago Donat"), date, language,
                "A summary of " + title + ".", List.of("innovation"), 1, 6, 120_000, "briefs/" + id + "/v1.pdf", "ab".repeat(32),
                date + "T10:00:00Z");
    }

    @Test
    void primingFindsItsOwnBriefInMemory() {
        assertThat(CatalogueSearch.prime()).isEqualTo(1);
    }

    @Test
    void aListingThatNamesNoTypeDateOrLanguageIsIndexedAndCountedUnderNone(@TempDir Path folder) throws IOException {
        Publication sparse = new Publication("innovation-diffusion/sparse", "A sparse listing", null, "innovation-diffusion", List.of(), null, null,
                null, List.of(), 1, 0, 0, null, null, null);
        try (FSDirectory own = FSDirectory.open(folder)) {
            try (IndexWriter writer = new IndexWriter(own, SearchIndexWriter.config())) {
                writer.addDocument(SearchDocuments.of(new IndexedBrief(sparse, "")));
            }
            try (DirectoryReader reader = DirectoryReader.open(own)) {
                SearchResults found = new OpenIndex(reader).search(new SearchQuery("sparse", null, null, null, null, false, 0, 10));
                assertThat(ids(found)).containsExactly("innovation-diffusion/sparse");
                assertThat(found.facets().get("type")).isEmpty();
                assertThat(found.facets().get("language")).containsExactly(new SearchResults.FacetCount("en", 1));
            }
        }
    }

    @Test
    void browsingListsEachWorkOnceAndWordsOrALanguageFindItsTranslation(@TempDir Path folder) throws IOException {
        Publication original = publication("industrial-transition/wandel", "Kompetenzen für den industriellen Wandel", "concept-note", "2024-03-14", "de");
        Publication english = new Publication("industrial-transition/transition-en", "Skills for industrial transition", "concept-note",
                "industrial-transition", List.of("Alison Hunter"), "2024-03-14", "en", "", List.of(), 1, 4, 1024, "", "", "2024-03-14T10:00:00Z", "",
                "industrial-transition/wandel", java.util.Map.of());
        try (FSDirectory own = FSDirectory.open(folder)) {
            try (IndexWriter writer = new IndexWriter(own, SearchIndexWriter.config())) {
                writer.addDocument(SearchDocuments.of(new IndexedBrief(original, "Weiterbildung in Regionen.")));
                writer.addDocument(SearchDocuments.of(new IndexedBrief(english, "Further training in regions.")));
            }
            try (DirectoryReader reader = DirectoryReader.open(own)) {
                OpenIndex opened = new OpenIndex(reader);
                assertThat(ids(opened.search(new SearchQuery("", "industrial-transition", null, null, null, false, 0, 10))))
                        .containsExactly("industrial-transition/wandel");
                assertThat(ids(opened.search(new SearchQuery("training", null, null, null, null, false, 0, 10))))
                        .containsExactly("industrial-transition/transition-en");
                assertThat(ids(opened.search(new SearchQuery("", null, null, null, "en", false, 0, 10))))
                        .containsExactly("industrial-transition/transition-en");
            }
        }
    }
}
