package eu.s3cop.upload;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** An uploaded file's bytes as text: UTF-8, no binary data, the byte order mark dropped. */
public final class TextFile {

    private TextFile() {
    }

    /**
     * The file's text, or empty with a problem that says which byte and line is at fault.
     *
     * @param format what the file should be, for the advice, such as {@code Markdown} or {@code YAML}
     */
    public static Optional<String> decode(byte[] content, String format, List<Problem> problems) {
        int nul = indexOf(content, (byte) 0);
        if (nul >= 0) {
            problems.add(Problem.atLine(lineAt(content, nul), "the file holds binary data (a NUL byte at byte " + nul
                    + "), not text: save it as a plain-text " + format + " file (UTF-8)"));
            return Optional.empty();
        }
        try {
            String text = decoder().decode(ByteBuffer.wrap(content)).toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            int position = firstInvalidUtf8(content);
            problems.add(Problem.atLine(lineAt(content, position), "the file is not UTF-8 text (an invalid byte at byte " + position
                    + "): save it with the UTF-8 encoding"));
            return Optional.empty();
        }
    }

    private static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static int firstInvalidUtf8(byte[] content) {
        ByteBuffer in = ByteBuffer.wrap(content);
        CoderResult result = decoder().decode(in, CharBuffer.allocate(content.length + 1), true);
        return result.isError() ? in.position() : content.length;
    }

    private static int indexOf(byte[] content, byte value) {
        for (int i = 0; i < content.length; i++) {
            if (content[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static int lineAt(byte[] content, int position) {
        int line = 1;
        for (int i = 0; i < position && i < content.length; i++) {
            if (content[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
