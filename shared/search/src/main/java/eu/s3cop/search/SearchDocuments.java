package eu.s3cop.search;

import eu.s3cop.publications.Publication;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/**
 * How a brief lies in the index: the one owner of the fields' names. Its words are in fields
 * named for its language ({@code body.de}), so each language's analyser reads its own; what a
 * listing shows is stored beside them, so a search answers from the index alone.
 */
final class SearchDocuments {

    static final String ID = "id";
    /** Marks a translation, which browsing without words leaves to its original's entry. */
    static final String TRANSLATION = "translation";
    static final String LANGUAGE = "language";
    static final String AUTHORS = "authors";
    static final String DATE = "date";
    /** The facets beside the results, which the search page offers as filters. */
    static final List<String> FACETS = List.of("working_group", "type", "year", "language");
    /** The index's format: a writer that finds another rebuilds the index from the listings. */
    static final int SCHEMA = 1;

    private static final String TITLE = "title.";
    private static final String SUMMARY = "summary.";
    private static final String KEYWORDS = "keywords.";
    private static final String BODY = "body.";
    private static final String STORED = "stored.";
    private static final String MANY = "\u001f";

    /** The body keeps its words' offsets, so snippets are cut where they matched without analysing the text again. */
    private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_STORED);

    static {
        BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_TYPE.freeze();
    }

    static final FacetsConfig FACETS_CONFIG = new FacetsConfig();

    static {
        // A secretariat's publication counts under each group it speaks for.
        FACETS_CONFIG.setMultiValued("working_group", true);
    }

    private SearchDocuments() {
    }

    static Term id(String publicationId) {
        return new Term(ID, publicationId);
    }

    static String title(String language) {
        return TITLE + language;
    }

    static String summary(String language) {
        return SUMMARY + language;
    }

    static String keywords(String language) {
        return KEYWORDS + language;
    }

    static String body(String language) {
        return BODY + language;
    }

    /** The language a field's words are in, or empty for a field of no language. */
    static String languageOf(String field) {
        int dot = field.indexOf('.');
        return field.startsWith(STORED) || dot < 0 ? "" : field.substring(dot + 1);
    }

    /** The document a brief is indexed as, its facets already laid out as Lucene's facet module wants them. */
    static Document of(IndexedBrief brief) throws java.io.IOException {
        Publication publication = brief.publication();
        // A listing that names no language is in the drafts' default one.
        String language = orEmpty(publication.language()).isEmpty() ? "en" : publication.language();
        String date = orEmpty(publication.date());
        Document document = new Document();
        document.add(new StringField(ID, publication.id(), Field.Store.YES));
        document.add(new StringField(LANGUAGE, language, Field.Store.NO));
        if (publication.translation()) {
            document.add(new StringField(TRANSLATION, "yes", Field.Store.NO));
        }
        document.add(new TextField(title(language), orEmpty(publication.title()), Field.Store.NO));
        document.add(new TextField(summary(language), orEmpty(publication.summary()), Field.Store.YES));
        document.add(new TextField(keywords(language), String.join(", ", publication.keywords()), Field.Store.NO));
        document.add(new Field(body(language), brief.text(), BODY_TYPE));
        document.add(new TextField(AUTHORS, String.join(", ", publication.authors()), Field.Store.NO));
        document.add(new SortedDocValuesField(DATE, new BytesRef(date + " " + publication.id())));
        // A facet has no empty value: a listing without one is counted under none.
        publication.workingGroups().forEach(group -> facet(document, "working_group", group));
        facet(document, "type", publication.type());
        facet(document, "year", date.length() >= 4 ? date.substring(0, 4) : "");
        facet(document, "language", language);
        store(document, "title", publication.title());
        store(document, "type", publication.type());
        store(document, "workingGroup", publication.workingGroup());
        store(document, "workingGroups", String.join(MANY, publication.workingGroups()));
        store(document, "authors", String.join(MANY, publication.authors()));
        store(document, "date", date);
        store(document, "language", language);
        store(document, "summary", publication.summary());
        store(document, "keywords", String.join(MANY, publication.keywords()));
        store(document, "pdfKey", publication.pdfKey());
        store(document, "pdfDigest", publication.pdfSha256());
        store(document, "publishedAt", publication.publishedAt());
        store(document, "article", publication.articleKey());
        document.add(new StoredField(STORED + "version", publication.latestVersion()));
        document.add(new StoredField(STORED + "pages", publication.pages()));
        document.add(new StoredField(STORED + "size", publication.size()));
        return FACETS_CONFIG.build(document);
    }

    /** The listing a stored document holds. */
    static Publication publication(Document document) {
        return new Publication(document.get(ID), stored(document, "title"), stored(document, "type"), stored(document, "workingGroup"),
                many(stored(document, "authors")), stored(document, "date"), stored(document, "language"),
                stored(document, "summary"), many(stored(document, "keywords")),
                document.getField(STORED + "version").numericValue().intValue(), document.getField(STORED + "pages").numericValue().intValue(),
                document.getField(STORED + "size").numericValue().longValue(), stored(document, "pdfKey"), stored(document, "pdfDigest"),
                stored(document, "publishedAt"), stored(document, "article"), "", java.util.Map.of(), "",
                document.get(STORED + "workingGroups") == null ? null : many(stored(document, "workingGroups")));
    }

    private static void facet(Document document, String dimension, String value) {
        if (value != null && !value.isEmpty()) {
            document.add(new SortedSetDocValuesFacetField(dimension, value));
        }
    }

    private static void store(Document document, String name, String value) {
        document.add(new StoredField(STORED + name, orEmpty(value)));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** The stored fields a listing is made from: not the text, which only the snippets read. */
    static final java.util.Set<String> LISTING = java.util.Set.of(ID, STORED + "title", STORED + "type", STORED + "workingGroup",
            STORED + "authors", STORED + "date", STORED + "language", STORED + "summary", STORED + "keywords", STORED + "pdfKey",
            STORED + "pdfDigest", STORED + "publishedAt", STORED + "article", STORED + "version", STORED + "pages", STORED + "size",
            STORED + "workingGroups");

    private static String stored(Document document, String name) {
        return document.get(STORED + name);
    }

    private static List<String> many(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(MANY));
    }
}
