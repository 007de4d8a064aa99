package eu.s3cop.search;

import java.io.IOException;
import java.util.ArrayList;
import eu.s3cop.publications.Publication;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

/**
 * One commit of the index, open for searching: what a query means in each language the index
 * holds, the facets beside the results and the snippets where the words matched.
 */
final class OpenIndex {

    /** Words, "phrases", -exclusions, a | b and (groups): no wildcard or fuzzy term, which would cost far more. */
    private static final int OPERATORS = SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.WHITESPACE_OPERATOR
            | SimpleQueryParser.NOT_OPERATOR | SimpleQueryParser.OR_OPERATOR | SimpleQueryParser.PRECEDENCE_OPERATORS
            | SimpleQueryParser.ESCAPE_OPERATOR | SimpleQueryParser.AND_OPERATOR;
    private static final Sort NEWEST = new Sort(new SortField(SearchDocuments.DATE, SortField.Type.STRING, true));
    /** About two lines of text around the words that matched. */
    private static final int SNIPPET_CHARACTERS = 180;
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final SortedSetDocValuesReaderState facets;
    private final Set<String> languages;
    private final Snippets highlighter;

    OpenIndex(DirectoryReader reader) throws IOException {
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.facets = new DefaultSortedSetDocValuesReaderState(reader, SearchDocuments.FACETS_CONFIG);
        this.languages = languages(reader);
        this.highlighter = new Snippets(UnifiedHighlighter.builder(searcher, LanguageAnalyzers.byField())
                // The whole text, not the first 10,000 characters: a word near the end of a brief is found and shown.
                .withMaxLength(Integer.MAX_VALUE - 1)
                // Cut at spaces: the JDK's word and sentence rules took three times as long for the same snippets.
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(new CustomSeparatorBreakIterator(' '), SNIPPET_CHARACTERS, 0.5f))
                .withMaxNoHighlightPassages(0)
                // Matches from the terms' own offsets rather than the query run again per document: half the time, the same snippets.
                .withWeightMatches(false)
                .withFormatter(new PartsFormatter()));
    }

    DirectoryReader reader() {
        return reader;
    }

    SearchResults search(SearchQuery query) throws IOException {
        Query words = words(query.text());
        if (query.text().isEmpty() && query.language() == null) {
            // Browsing lists each work once, by its original; words or a language find each language's version.
            words = new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term(SearchDocuments.TRANSLATION, "yes")), BooleanClause.Occur.MUST_NOT).build();
        }
        DrillDownQuery chosen = new DrillDownQuery(SearchDocuments.FACETS_CONFIG, words);
        add(chosen, "working_group", query.workingGroup());
        add(chosen, "type", query.type());
        add(chosen, "year", query.year());
        add(chosen, "language", query.language());
        int wanted = query.offset() + query.limit();
        boolean newest = query.byDate() || query.text().isEmpty();
        DrillSideways.DrillSidewaysResult result = new DrillSideways(searcher, SearchDocuments.FACETS_CONFIG, facets)
                .search(chosen, null, null, wanted, newest ? NEWEST : Sort.RELEVANCE, false);
        ScoreDoc[] found = result.hits.scoreDocs;
        int from = Math.min(query.offset(), found.length);
        int[] docs = new int[found.length - from];
        for (int i = from; i < found.length; i++) {
            docs[i - from] = found[i].doc;
        }
        List<Publication> listings = new ArrayList<>(docs.length);
        for (int doc : docs) {
            listings.add(SearchDocuments.publication(searcher.storedFields().document(doc, SearchDocuments.LISTING)));
        }
        List<List<SearchResults.Snippet>> snippets = query.text().isEmpty() ? null : snippets(words, docs, listings);
        List<SearchResults.Hit> hits = new ArrayList<>();
        for (int i = 0; i < docs.length; i++) {
            hits.add(new SearchResults.Hit(listings.get(i), snippets == null ? List.of() : snippets.get(i)));
        }
        Map<String, List<SearchResults.FacetCount>> counts = new LinkedHashMap<>();
        for (String dimension : SearchDocuments.FACETS) {
            FacetResult top = result.facets.getTopChildren(100, dimension);
            List<SearchResults.FacetCount> values = new ArrayList<>();
            if (top != null) {
                for (LabelAndValue value : top.labelValues) {
                    values.add(new SearchResults.FacetCount(value.label, value.value.intValue()));
                }
            }
            counts.put(dimension, values);
        }
        return new SearchResults(result.hits.totalHits.value, hits, counts);
    }

    private static void add(DrillDownQuery query, String dimension, String value) {
        if (value != null && !value.isEmpty()) {
            query.add(dimension, value);
        }
    }

    /**
     * The reader's words as a query of every language the index holds: in each, read by that
     * language's analyser, every word must be in the title, summary, keywords, authors or text of
     * a brief in that language (the title weighs most).
     */
    private Query words(String text) {
        if (text.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String language : languages) {
            SimpleQueryParser parser = new SimpleQueryParser(LanguageAnalyzers.byField(), Map.of(
                    SearchDocuments.title(language), 4f, SearchDocuments.summary(language), 2f, SearchDocuments.keywords(language), 2f,
                    SearchDocuments.AUTHORS, 2f, SearchDocuments.body(language), 1f), OPERATORS);
            parser.setDefaultOperator(BooleanClause.Occur.MUST);
            Query inLanguage = parser.parse(text);
            if (inLanguage != null && !(inLanguage instanceof MatchNoDocsQuery)) {
                any.add(new BooleanQuery.Builder().add(inLanguage, BooleanClause.Occur.MUST)
                        .add(new TermQuery(new Term(SearchDocuments.LANGUAGE, language)), BooleanClause.Occur.FILTER).build(), BooleanClause.Occur.SHOULD);
            }
        }
        BooleanQuery query = any.build();
        return query.clauses().isEmpty() ? new MatchNoDocsQuery("no word to search for") : query;
    }

    /**
     * For each document, where the words matched in its text, else in its summary; empty when in
     * neither. Each document is highlighted in its own language's field alone: asking every
     * language's fields of every document took twice as long.
     */
    private List<List<SearchResults.Snippet>> snippets(Query words, int[] docs, List<Publication> listings) throws IOException {
        List<List<SearchResults.Snippet>> snippets = new ArrayList<>(java.util.Collections.nCopies(docs.length, List.of()));
        highlight(words, docs, listings, SearchDocuments::body, snippets);
        highlight(words, docs, listings, SearchDocuments::summary, snippets);
        return snippets;
    }

    /** Fills the snippets still empty from the field {@code field} names in each document's language. */
    private void highlight(Query words, int[] docs, List<Publication> listings, java.util.function.UnaryOperator<String> field,
            List<List<SearchResults.Snippet>> snippets) throws IOException {
        Map<String, List<Integer>> byLanguage = new LinkedHashMap<>();
        for (int i = 0; i < docs.length; i++) {
            if (snippets.get(i).isEmpty()) {
                byLanguage.computeIfAbsent(listings.get(i).language(), language -> new ArrayList<>()).add(i);
            }
        }
        for (Map.Entry<String, List<Integer>> language : byLanguage.entrySet()) {
            List<Integer> positions = language.getValue();
            int[] ofLanguage = positions.stream().mapToInt(i -> docs[i]).toArray();
            String name = field.apply(language.getKey());
            Object[] found = highlighter.highlight(new String[] {name}, words, ofLanguage, new int[] {1}).get(name);
            for (int j = 0; j < positions.size(); j++) {
                if (found[j] instanceof List<?> parts && !parts.isEmpty()) {
                    snippets.set(positions.get(j), parts.stream().map(SearchResults.Snippet.class::cast).toList());
                }
            }
        }
    }

    private static Set<String> languages(DirectoryReader reader) throws IOException {
        Set<String> languages = new TreeSet<>();
        Terms terms = MultiTerms.getTerms(reader, SearchDocuments.LANGUAGE);
        if (terms != null) {
            TermsEnum each = terms.iterator();
            for (BytesRef term = each.next(); term != null; term = each.next()) {
                languages.add(term.utf8ToString());
            }
        }
        return languages;
    }

    /** Lucene's highlighter, asked for its passages as objects: the pieces of text, not HTML. */
    private static final class Snippets extends UnifiedHighlighter {

        Snippets(UnifiedHighlighter.Builder builder) {
            super(builder);
        }

        Map<String, Object[]> highlight(String[] fields, Query query, int[] docs, int[] passages) throws IOException {
            return highlightFieldsAsObjects(fields, query, docs, passages);
        }
    }

    /** A passage as pieces that match or not, with an ellipsis where it starts or ends inside the text. */
    private static final class PartsFormatter extends PassageFormatter {

        @Override
        public Object format(Passage[] passages, String content) {
            List<SearchResults.Snippet> parts = new ArrayList<>();
            for (Passage passage : passages) {
                int at = passage.getStartOffset();
                StringBuilder plain = new StringBuilder(at > 0 ? "… " : "");
                for (int i = 0; i < passage.getNumMatches(); i++) {
                    int start = Math.max(passage.getMatchStarts()[i], at);
                    int end = passage.getMatchEnds()[i];
                    if (end <= start) {
                        continue;
                    }
                    plain.append(content, at, start);
                    if (!plain.isEmpty()) {
                        parts.add(new SearchResults.Snippet(spaced(plain), false));
                        plain.setLength(0);
                    }
                    parts.add(new SearchResults.Snippet(content.substring(start, end), true));
                    at = end;
                }
                plain.append(content, at, passage.getEndOffset()).append(passage.getEndOffset() < content.length() ? " …" : "");
                if (!plain.isEmpty()) {
                    parts.add(new SearchResults.Snippet(spaced(plain), false));
                }
            }
            return parts;
        }

        /** The text's line breaks (one between each of the brief's blocks) as spaces, as a line of a page shows them. */
        private static String spaced(CharSequence text) {
            return WHITESPACE.matcher(text).replaceAll(" ");
        }
    }
}
