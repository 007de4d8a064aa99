package eu.s3cop.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A built-in draft that uses every part of the renderer (headings, lists, a captioned table
 * with a cross-reference, a footnote, a quote, typography, several scripts and the symbol
 * fonts). Laying it out once loads and links what a real brief needs: publish-brief does it
 * before its SnapStart snapshot, and the preview's launcher before it saves its class archive.
 */
public final class Priming {

    private Priming() {
    }

    /** The draft's text, naming {@code workingGroup} as its group. */
    public static byte[] draft(String workingGroup) {
        try (InputStream in = Priming.class.getResourceAsStream("priming.md")) {
            if (in == null) {
                throw new IllegalStateException("The built-in priming draft is missing from the renderer's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${working_group}", workingGroup)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The built-in priming draft cannot be read", e);
        }
    }
}
