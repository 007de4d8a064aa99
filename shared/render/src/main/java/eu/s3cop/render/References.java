package eu.s3cop.render;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.ListItemDataProvider;
import de.undercouch.citeproc.csl.CSLCitation;
import de.undercouch.citeproc.csl.CSLCitationItem;
import de.undercouch.citeproc.csl.CSLCitationItemBuilder;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLLabel;
import de.undercouch.citeproc.output.Citation;
import eu.s3cop.draft.Draft;
import eu.s3cop.draft.FrontMatter;
import eu.s3cop.draft.Markdown;
import eu.s3cop.upload.Problem;
import eu.s3cop.upload.TextFile;
import eu.s3cop.upload.UserText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/**
 * A draft's citations and reference list, formatted by the CSL processor in the style the draft
 * names (APA by default) and the locale of its language where the
 * official locales have one (British English otherwise), as HTML fragments that every form of
 * the brief inserts where the citations are and at the end. The processor's HTML is cleaned to
 * a few inline elements and web links before it is used: a bibliography is the rapporteur's
 * data, and its links go into the PDF and onto the site.
 */
public final class References {

    /** No citations and no reference list: a draft that names no bibliography. */
    public static final References NONE = new References(Map.of(), List.of(), "");

    private static final Safelist INLINE = new Safelist()
            .addTags("i", "b", "sup", "sub", "span", "a")
            .addAttributes("span", "class")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https");

    /** Where a language's own country is not its code in capitals. */
    private static final Map<String, String> REGIONS = Map.of("en", "GB", "el", "GR", "cs", "CZ", "da", "DK", "et", "EE", "sl", "SI", "sv", "SE");

    private final Map<Integer, String> citations;
    private final List<String> entries;
    private final String heading;

    private References(Map<Integer, String> citations, List<String> entries, String heading) {
        this.citations = Map.copyOf(citations);
        this.entries = List.copyOf(entries);
        this.heading = heading;
    }

    /** The references of a draft, or the problems that stop them: each with the line to fix. */
    public record Resolution(References references, List<Problem> problems) {
        public Resolution {
            problems = List.copyOf(problems);
        }
    }

    /** A citation's text, by the offset of the citation in the draft's body; absent when it has none. */
    Optional<String> citation(int offset) {
        return Optional.ofNullable(citations.get(offset));
    }

    /** The reference list's entries, each an HTML fragment, in the style's order. */
    List<String> entries() {
        return entries;
    }

    /** What the citations and the list print, to tell two versions of the same draft's references apart. */
    public String fingerprint() {
        return new java.util.TreeMap<>(citations) + "\n" + entries;
    }

    /** The reference list's heading, in the draft's language ("References", "Références"). */
    String heading() {
        return heading;
    }

    /**
     * Reads the bibliography the draft names from its folder, checks that it holds every key the
     * draft cites, and formats the citations and the list.
     */
    public static Resolution resolve(Draft draft, DraftFolder folder) {
        FrontMatter.References named = draft.meta().references();
        if (!named.named()) {
            return new Resolution(NONE, List.of());
        }
        List<Problem> problems = new ArrayList<>();
        String file = named.file();
        Optional<byte[]> bytes = folder.read(file, Bibliography.MAX_BYTES);
        if (bytes.isEmpty()) {
            problems.add(Problem.ofField("bibliography", named.fileLine(), "'" + UserText.quote(file) + "' was not found in the draft's folder:"
                    + " upload it next to the draft, then upload the draft again"));
            return new Resolution(NONE, problems);
        }
        if (bytes.get().length > Bibliography.MAX_BYTES) {
            problems.add(Problem.ofField("bibliography", named.fileLine(), "'" + UserText.quote(file) + "' is larger than "
                    + Bibliography.MAX_BYTES / 1024 + " KiB: keep the works the draft cites"));
            return new Resolution(NONE, problems);
        }
        List<Problem> decoding = new ArrayList<>();
        Optional<String> text = TextFile.decode(bytes.get(), file.endsWith(".json") ? "CSL-JSON" : "BibTeX", decoding);
        decoding.forEach(problem -> problems.add(Problem.ofField("bibliography", named.fileLine(),
                file + ", line " + problem.line() + ": " + problem.message())));
        if (text.isEmpty()) {
            return new Resolution(NONE, problems);
        }
        Optional<Map<String, CSLItemData>> items = Bibliography.read(file, text.get(),
                message -> problems.add(Problem.ofField("bibliography", named.fileLine(), message)));
        if (items.isEmpty()) {
            return new Resolution(NONE, problems);
        }
        List<eu.s3cop.draft.Citation> cited = Markdown.citations(draft.body());
        for (eu.s3cop.draft.Citation citation : cited) {
            for (eu.s3cop.draft.Citation.Source source : citation.sources()) {
                if (!items.get().containsKey(source.key())) {
                    problems.add(Problem.atLine(draft.bodyLine() + citation.getStartLineNumber(), "cites @" + source.key() + ", which "
                            + file + " does not have: correct the key or add the work to the file" + known(items.get())));
                }
            }
        }
        if (!problems.isEmpty()) {
            return new Resolution(NONE, problems);
        }
        try {
            return new Resolution(format(draft, items.get(), cited), List.of());
        } catch (IOException | RuntimeException e) {
            // A style the processor cannot apply to these entries: the rapporteur can change either.
            problems.add(Problem.ofField("bibliography", named.fileLine(), "the references could not be formatted in the style "
                    + named.style() + " (" + e.getClass().getSimpleName() + "): check the entries' names and dates, or name another"
                    + " citation_style"));
            return new Resolution(NONE, problems);
        }
    }

    private static String known(Map<String, CSLItemData> items) {
        if (items.isEmpty()) {
            return " (it has no entries)";
        }
        return " (it has " + items.keySet().stream().limit(8).collect(Collectors.joining(", ")) + (items.size() > 8 ? ", ..." : "") + ")";
    }

    private static References format(Draft draft, Map<String, CSLItemData> items, List<eu.s3cop.draft.Citation> cited) throws IOException {
        String locale = locale(draft.meta().language());
        CSL processor = new CSL(new ListItemDataProvider(new ArrayList<>(items.values())), draft.meta().references().style(), locale);
        processor.setOutputFormat("html");
        processor.setConvertLinks(true);
        // Every work registered first, in the order it is first cited: numbers and disambiguation
        // are then settled before any citation is made, so none needs rewording afterwards.
        processor.registerCitationItems(cited.stream().flatMap(citation -> citation.sources().stream())
                .map(eu.s3cop.draft.Citation.Source::key).distinct().toList());
        Map<Integer, String> byOffset = new HashMap<>();
        for (eu.s3cop.draft.Citation citation : cited) {
            List<Citation> made = processor.makeCitation(new CSLCitation(citation.sources().stream().map(References::item)
                    .toArray(CSLCitationItem[]::new)));
            String text = clean(made.get(made.size() - 1).getText());
            byOffset.put(citation.getStartOffset(), citation.narrative() || citation.sources().get(0).suppressAuthor() && citation.sources().size() == 1
                    ? AuthorDate.split(text, year(items.get(citation.sources().get(0).key())))
                            .map(parts -> citation.narrative() ? parts.author() + " (" + parts.rest() + ")" : "(" + parts.rest() + ")")
                            .orElse(text)
                    : text);
        }
        List<String> entries = new ArrayList<>();
        for (String entry : processor.makeBibliography().getEntries()) {
            entries.add(entry(entry));
        }
        return new References(byOffset, entries, heading(locale));
    }

    private static String year(CSLItemData item) {
        return item.getIssued() == null || item.getIssued().getDateParts() == null || item.getIssued().getDateParts().length == 0
                ? "" : String.valueOf(item.getIssued().getDateParts()[0][0]);
    }

    private static CSLCitationItem item(eu.s3cop.draft.Citation.Source source) {
        CSLCitationItemBuilder item = new CSLCitationItemBuilder(source.key());
        if (!source.prefix().isEmpty()) {
            item.prefix(source.prefix() + " ");
        }
        if (!source.locator().isEmpty()) {
            item.locator(source.locator()).label(CSLLabel.fromString(source.label()));
        }
        if (!source.suffix().isEmpty()) {
            item.suffix(Character.isLetterOrDigit(source.suffix().charAt(0)) ? " " + source.suffix() : source.suffix());
        }
        return item.build();
    }

    /** A reference list entry, with the number a numeric style puts before it kept as a label. */
    private static String entry(String html) {
        Element entry = Jsoup.parseBodyFragment(html).body();
        Element label = entry.selectFirst(".csl-left-margin");
        Element rest = entry.selectFirst(".csl-right-inline");
        if (label != null && rest != null) {
            return "<span class=\"reference-label\">" + clean(label.html()) + "</span> " + clean(rest.html());
        }
        Element div = entry.selectFirst(".csl-entry");
        return clean(div == null ? entry.html() : div.html());
    }

    /** The processor's HTML reduced to italics, bold, small capitals, super- and subscripts and web links. */
    private static String clean(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        for (Element span : body.select("span[style]")) {
            String style = span.attr("style").replace(" ", "");
            if (style.contains("font-style:italic") || style.contains("font-style:oblique")) {
                span.tagName("i");
            } else if (style.contains("font-weight:bold")) {
                span.tagName("b");
            } else if (style.contains("small-caps")) {
                span.attr("class", "small-caps");
            }
            span.removeAttr("style");
        }
        body.select("span:not([class])").unwrap();
        return Jsoup.clean(body.html(), INLINE).strip();
    }

    /**
     * The official locale the draft's language prints references in: the language as spoken in
     * its own country, British English for English (as EU institutions write it), and for the two
     * official languages without a locale (Irish, Maltese) British English too.
     */
    private static String locale(String language) {
        String tag = language + "-" + REGIONS.getOrDefault(language, language.toUpperCase(Locale.ROOT));
        return References.class.getResource(localeFile(tag)) != null ? tag : "en-GB";
    }

    private static String localeFile(String tag) {
        return "/locales-" + tag + ".xml";
    }

    /** "References" in the locale's words: the plural of its term "reference", capitalised. */
    private static String heading(String locale) {
        String file = localeFile(locale);
        try (InputStream in = References.class.getResourceAsStream(file)) {
            Element term = Jsoup.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "", Parser.xmlParser())
                    .selectFirst("term[name=reference]:not([form]) > multiple");
            String words = term == null ? "references" : term.text();
            return words.substring(0, 1).toUpperCase(Locale.forLanguageTag(locale)) + words.substring(1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled locale " + file, e);
        }
    }
}
