package eu.s3cop.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.jr.ob.JSON;
import de.undercouch.citeproc.bibtex.BibTeXConverter;
import de.undercouch.citeproc.csl.CSLItemData;
import eu.s3cop.upload.UserText;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.BibTeXString;
import org.jbibtex.Key;
import org.jbibtex.ParseException;

/**
 * Reads a draft's bibliography, a BibTeX ({@code .bib}) or CSL-JSON ({@code .json}) file, into
 * the CSL processor's items by their keys. Every way a file can be wrong is said with its line:
 * a syntax error, a key defined twice, an undefined {@code @string}, an entry that is not a CSL
 * item, a link that is not a web address. Bounds come before parsing: bytes, entries, and the
 * nesting of braces and brackets, on which both parsers recurse.
 */
final class Bibliography {

    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_ENTRIES = 2000;
    /** Braces in a BibTeX value, or arrays and objects in CSL-JSON, nested deeper than any real bibliography. */
    static final int MAX_DEPTH = 16;

    private static final Pattern BIBTEX_ENTRY = Pattern.compile("@\\s*([A-Za-z]+)\\s*[{(]\\s*([^,\\s{}()]+)\\s*,");
    private static final Pattern LINE = Pattern.compile("line (\\d+)");
    private static final JSON CSL_JSON = JSON.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build()).build();

    private Bibliography() {
    }

    /**
     * @param name the file's name as the draft gives it, which says its format and names it in problems
     * @param problem takes each problem's text, which starts with the file's name and line
     * @return the items by key, or empty when the file cannot be used
     */
    static Optional<Map<String, CSLItemData>> read(String name, String text, Consumer<String> problem) {
        List<String> found = new ArrayList<>();
        boolean json = name.endsWith(".json");
        int deepLine = deepestLine(text, json);
        Map<String, CSLItemData> items = Map.of();
        if (deepLine > 0) {
            found.add(name + ", line " + deepLine + ": nests more than " + MAX_DEPTH + " levels deep; no bibliography needs that many");
        } else {
            items = json ? json(name, text, found::add) : bibtex(name, text, found::add);
        }
        found.forEach(problem);
        return found.isEmpty() ? Optional.of(items) : Optional.empty();
    }

    private static String tooMany(String name, int entries) {
        return name + " has " + entries + " entries; at most " + MAX_ENTRIES + " can be cited from: keep the works the draft cites";
    }

    private static Map<String, CSLItemData> bibtex(String name, String text, Consumer<String> problem) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        Matcher entry = BIBTEX_ENTRY.matcher(text);
        int line = 1;
        int counted = 0;
        while (entry.find()) {
            line += newlines(text, counted, entry.start());
            counted = entry.start();
            String type = entry.group(1).toLowerCase(Locale.ROOT);
            if (type.equals("string") || type.equals("comment") || type.equals("preamble")) {
                continue;
            }
            Integer first = lines.putIfAbsent(entry.group(2), line);
            if (first != null) {
                problem.accept(name + ", line " + line + ": the key '" + UserText.quote(entry.group(2)) + "' is defined again (first on line "
                        + first + "): give each entry its own key");
            }
        }
        if (lines.size() > MAX_ENTRIES) {
            problem.accept(tooMany(name, lines.size()));
            return Map.of();
        }
        List<String> undefined = new ArrayList<>();
        BibTeXDatabase database;
        try {
            database = new BibTeXParser() {
                @Override
                public void checkStringResolution(Key key, BibTeXString string) {
                    if (string == null) {
                        undefined.add(key.getValue());
                    }
                }

                @Override
                public void checkCrossReferenceResolution(Key key, BibTeXEntry entry) {
                    if (entry == null) {
                        undefined.add("crossref " + key.getValue());
                    }
                }
            }.parse(new StringReader(text));
        } catch (ParseException e) {
            int at = e.currentToken != null && e.currentToken.next != null ? e.currentToken.next.beginLine : 0;
            problem.accept(name + ", line " + Math.max(at, 1) + ": is not BibTeX here"
                    + (e.currentToken != null && e.currentToken.next != null ? " (at '" + UserText.quote(e.currentToken.next.image) + "')" : "")
                    + ": check the braces, quotes and commas of the entry");
            return Map.of();
        } catch (RuntimeException e) {
            // The lexer's errors (TokenMgrException) say their line only in their message.
            Matcher at = LINE.matcher(String.valueOf(e.getMessage()));
            problem.accept(name + ", line " + (at.find() ? at.group(1) : "1") + ": is not BibTeX here: check the braces, quotes and commas"
                    + " of the entry");
            return Map.of();
        }
        for (String key : undefined) {
            problem.accept(name + ": uses " + (key.startsWith("crossref ") ? "a cross-reference to '" + UserText.quote(key.substring(9))
                    + "', which is no entry" : "the string '" + UserText.quote(key) + "', which no @string defines") + ": define it or write the text");
        }
        Map<String, CSLItemData> items = new LinkedHashMap<>();
        BibTeXConverter converter = new BibTeXConverter();
        for (Map.Entry<Key, BibTeXEntry> each : database.getEntries().entrySet()) {
            String key = each.getKey().getValue();
            int at = lines.getOrDefault(key, 1);
            try {
                items.put(key, links(name, at, converter.toItemData(each.getValue()), problem));
            } catch (RuntimeException e) {
                problem.accept(name + ", line " + at + ": the entry '" + UserText.quote(key) + "' cannot be read as a work ("
                        + e.getClass().getSimpleName() + "): check its names, dates and pages");
            }
        }
        return items;
    }

    private static Map<String, CSLItemData> json(String name, String text, Consumer<String> problem) {
        Object parsed;
        try {
            parsed = CSL_JSON.anyFrom(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(e.getLocation().getLineNr(), 1);
            problem.accept(name + ", line " + line + ": is not JSON here (" + UserText.quote(e.getOriginalMessage().lines().findFirst().orElse(""))
                    + "): CSL-JSON is an array of objects, each with an \"id\" and a \"type\"");
            return Map.of();
        } catch (IOException e) {
            problem.accept(name + ": cannot be read as JSON: CSL-JSON is an array of objects, each with an \"id\" and a \"type\"");
            return Map.of();
        }
        if (!(parsed instanceof List<?> list)) {
            problem.accept(name + ", line 1: is not a CSL-JSON array: write [ {\"id\": \"...\", \"type\": \"book\", ...}, ... ]");
            return Map.of();
        }
        if (list.size() > MAX_ENTRIES) {
            problem.accept(tooMany(name, list.size()));
            return Map.of();
        }
        Map<String, CSLItemData> items = new LinkedHashMap<>();
        int number = 0;
        for (Object element : list) {
            number++;
            String where = name + ", entry " + number;
            if (!(element instanceof Map<?, ?> map) || !(map.get("id") instanceof String id) || id.isBlank()
                    || !(map.get("type") instanceof String)) {
                problem.accept(where + ": is not a CSL item: each needs an \"id\" (text) and a \"type\" such as \"book\" or \"report\"");
                continue;
            }
            if (items.containsKey(id)) {
                problem.accept(where + ": the id '" + UserText.quote(id) + "' is used again: give each entry its own id");
                continue;
            }
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) map;
                items.put(id, links(where, 0, CSLItemData.fromJson(fields), problem));
            } catch (RuntimeException e) {
                problem.accept(where + " ('" + UserText.quote(id) + "'): does not follow CSL-JSON (" + e.getClass().getSimpleName()
                        + "): check that names are lists of {\"family\", \"given\"} and dates {\"date-parts\": [[2016]]}");
            }
        }
        return items;
    }

    /** The item, when its DOI and URL are what a link can hold: a reader follows them from the brief. */
    private static CSLItemData links(String where, int line, CSLItemData item, Consumer<String> problem) {
        String at = line > 0 ? where + ", line " + line : where;
        if (item.getURL() != null && !webAddress(item.getURL())) {
            problem.accept(at + ": the url of '" + UserText.quote(item.getId()) + "' is not a web address (https://...)");
        }
        if (item.getDOI() != null && !item.getDOI().strip().matches("(?:https?://(?:dx\\.)?doi\\.org/|doi:)?10\\.\\d{4,9}/[^\\s\"<>]+")) {
            problem.accept(at + ": the doi of '" + UserText.quote(item.getId()) + "' is not a DOI such as 10.2791/53569");
        }
        return item;
    }

    private static boolean webAddress(String url) {
        try {
            URI uri = new URI(url.strip());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The line where braces (and in JSON brackets) first nest more than {@link #MAX_DEPTH} deep, outside JSON strings; 0 when they never do. */
    private static int deepestLine(String text, boolean json) {
        String open = json ? "[{" : "{";
        String close = json ? "]}" : "}";
        int depth = 0;
        int line = 1;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (json && inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (json && c == '"') {
                inString = true;
            } else if (open.indexOf(c) >= 0 && ++depth > MAX_DEPTH) {
                return line;
            } else if (close.indexOf(c) >= 0) {
                depth = Math.max(0, depth - 1);
            }
        }
        return 0;
    }

    private static int newlines(String text, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }
}
