package eu.s3cop.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON that is safe to show in a browser: {@code <}, {@code >}, {@code &} and quotes are written as
 * {@code \\u003C} and the like, so no value from an upload can become markup. Used for the reports
 * written next to uploads.
 */
public final class SafeJson {

    private static final JSON WRITER = JSON.builder(new JsonFactory().setCharacterEscapes(new HtmlSafe()))
            .enable(JSON.Feature.PRETTY_PRINT_OUTPUT).build();

    private SafeJson() {
    }

    public static byte[] write(Object value) {
        try {
            return WRITER.asString(value).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("A value could not be written as JSON", e);
        }
    }

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
