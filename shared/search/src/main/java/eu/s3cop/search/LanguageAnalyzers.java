package eu.s3cop.search;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.et.EstonianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ga.IrishAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.lt.LithuanianAnalyzer;
import org.apache.lucene.analysis.lv.LatvianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;

/**
 * How text is cut into the words a search compares, for each of the EU's languages: Lucene's own
 * analyser for the language (its stop words and stemmer, so "regions" finds "region"), then
 * accents folded, so that "Plzen" finds "Plzeň". The same analyser reads a brief when it is
 * indexed and a reader's words when they search briefs in that language.
 */
final class LanguageAnalyzers {

    /**
     * The EU languages Lucene has an analyser for. Croatian, Maltese, Polish, Slovak and Slovenian
     * have none in lucene-analysis-common: their words are matched whole (lower case, accents folded).
     */
    private static final Map<String, Supplier<Analyzer>> STEMMED = Map.ofEntries(
            Map.entry("bg", BulgarianAnalyzer::new), Map.entry("cs", CzechAnalyzer::new), Map.entry("da", DanishAnalyzer::new),
            Map.entry("de", GermanAnalyzer::new), Map.entry("el", GreekAnalyzer::new), Map.entry("en", EnglishAnalyzer::new),
            Map.entry("es", SpanishAnalyzer::new), Map.entry("et", EstonianAnalyzer::new), Map.entry("fi", FinnishAnalyzer::new),
            Map.entry("fr", FrenchAnalyzer::new), Map.entry("ga", IrishAnalyzer::new), Map.entry("hu", HungarianAnalyzer::new),
            Map.entry("it", ItalianAnalyzer::new), Map.entry("lt", LithuanianAnalyzer::new), Map.entry("lv", LatvianAnalyzer::new),
            Map.entry("nl", DutchAnalyzer::new), Map.entry("pt", PortugueseAnalyzer::new), Map.entry("ro", RomanianAnalyzer::new),
            Map.entry("sv", SwedishAnalyzer::new));

    private static final Map<String, Analyzer> MADE = new ConcurrentHashMap<>();

    private LanguageAnalyzers() {
    }

    /** The analyser for a language's text; any language without its own gets whole words. */
    static Analyzer of(String language) {
        return MADE.computeIfAbsent(STEMMED.containsKey(language) ? language : "", code -> new Folded(
                STEMMED.getOrDefault(code, () -> new StandardAnalyzer(CharArraySet.EMPTY_SET)).get()));
    }

    /** Names and other words of no language: whole words, lower case, accents folded. */
    static Analyzer names() {
        return of("");
    }

    /** The analyser for every field of the index: each field's language's own (see {@link SearchDocuments#languageOf}). */
    static Analyzer byField() {
        return BY_FIELD;
    }

    private static final Analyzer BY_FIELD = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return of(SearchDocuments.languageOf(fieldName));
        }
    };

    /** An analyser's words with their accents folded, as the last step. */
    private static final class Folded extends AnalyzerWrapper {

        private final Analyzer language;

        Folded(Analyzer language) {
            super(Analyzer.GLOBAL_REUSE_STRATEGY);
            this.language = language;
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return language;
        }

        @Override
        protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
            return new TokenStreamComponents(components.getSource(), new ASCIIFoldingFilter(components.getTokenStream()));
        }
    }
}
