package eu.s3cop.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A built-in draft that uses every part of the renderer (headings, lists, a captioned table
 * with a cross-reference, a footnote, a citation, a quote, typography, several scripts and the
 * symbol fonts), with the bibliography it cites beside it. Laying it out once loads and links what a real brief needs: publish-brief does it
 * before its SnapStart snapshot, and the preview's launcher before it saves its class archive.
 */
public final class Priming {

    private Priming() {
    }

    /** The name of the bibliography the draft cites, beside it in its folder. */
    public static final String BIBLIOGRAPHY = "priming.bib";

    /** The draft's text, naming {@code workingGroup} as its group. */
    public static byte[] draft(String workingGroup) {
        return new String(resource("priming.md"), StandardCharsets.UTF_8).replace("${working_group}", workingGroup)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The draft's folder: its bibliography, and nothing else. */
    public static DraftFolder folder() {
        byte[] bibliography = resource(BIBLIOGRAPHY);
        return (path, maxBytes) -> path.equals(BIBLIOGRAPHY) ? java.util.Optional.of(bibliography) : java.util.Optional.empty();
    }

    /** The bibliography's bytes, for a folder on disk. */
    public static byte[] bibliography() {
        return resource(BIBLIOGRAPHY);
    }

    private static byte[] resource(String name) {
        try (InputStream in = Priming.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The built-in priming " + name + " is missing from the renderer's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The built-in priming " + name + " cannot be read", e);
        }
    }
}
