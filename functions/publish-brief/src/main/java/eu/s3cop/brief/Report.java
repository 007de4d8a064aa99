package eu.s3cop.brief;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.jr.ob.JSON;
import eu.s3cop.draft.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report a rapporteur finds next to the upload, {@code reports/<draft key>.json}. Its text is
 * safe to show in a browser: {@code <}, {@code >}, {@code &} and quotes are escaped as
 * {@code \\u003c} and the like, so no value from a draft can become markup.
 */
final class Report {

    private static final JSON WRITER = JSON.builder(new JsonFactory().setCharacterEscapes(new HtmlSafe()))
            .enable(JSON.Feature.PRETTY_PRINT_OUTPUT).build();

    private Report() {
    }

    static String key(String draftKey) {
        return "reports/" + draftKey + ".json";
    }

    static byte[] published(String draftKey, PublishedVersion version) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("draft", draftKey);
        report.put("status", "PUBLISHED");
        report.put("publication", version.id());
        report.put("version", version.version());
        report.put("title", version.meta().title());
        report.put("pages", version.pages());
        report.put("pdf", version.pdfKey());
        report.put("publishedAt", version.publishedAt().toString());
        return write(report);
    }

    static byte[] preview(String draftKey, String id, String pdfKey, int pages) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("draft", draftKey);
        report.put("status", "PREVIEW");
        report.put("publication", id);
        report.put("pages", pages);
        report.put("pdf", pdfKey);
        report.put("note", "status: draft gives a watermarked preview that readers never see; set status: final to publish");
        return write(report);
    }

    static byte[] rejected(String draftKey, List<Problem> problems) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("draft", draftKey);
        report.put("status", "REJECTED");
        report.put("problems", problems.stream().map(problem -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            if (problem.field() != null) {
                entry.put("field", problem.field());
            }
            if (problem.line() > 0) {
                entry.put("line", problem.line());
            }
            entry.put("message", problem.message());
            return entry;
        }).toList());
        return write(report);
    }

    private static byte[] write(Map<String, Object> report) {
        try {
            return WRITER.asString(report).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("A report could not be written as JSON", e);
        }
    }

    /** Escapes the characters that could let a value break out into HTML. */
    private static final class HtmlSafe extends CharacterEscapes {
        private final int[] escapes;

        HtmlSafe() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            for (char c : new char[] {'<', '>', '&', '\'', '"'}) {
                escapes[c] = CharacterEscapes.ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
