package eu.s3cop.draft;

import com.vladsch.flexmark.util.ast.Document;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a draft file and checks everything about it at once, so that a rapporteur sees every
 * problem in one report: the bytes (size, text, encoding), the front matter (each field, with
 * its line) and the body (lines, nesting, tables). It never throws on bad input.
 */
public final class DraftReader {

    public static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,80}");

    private final DraftRules rules;
    private final FrontMatterReader frontMatter;
    private final BodyChecks bodyChecks;

    public DraftReader(DraftRules rules) {
        this.rules = rules;
        this.frontMatter = new FrontMatterReader(rules);
        this.bodyChecks = new BodyChecks(rules);
    }

    /**
     * @param fileName the draft's file name, for example {@code bottlenecks.md}; it gives the slug
     * @param content the file's bytes as uploaded
     */
    public Outcome read(String fileName, byte[] content) {
        List<Problem> problems = new ArrayList<>();
        String slug = fileName.endsWith(".md") ? fileName.substring(0, fileName.length() - 3) : fileName;
        if (!SLUG.matcher(slug).matches()) {
            problems.add(Problem.ofFile("the file name '" + Text.quote(fileName) + "' does not give a valid slug: use 1 to 80 lower-case"
                    + " letters, digits and hyphens, ending in .md (for example bottlenecks-to-innovation.md)"));
        }
        if (content.length == 0) {
            problems.add(Problem.ofFile("the file is empty: a draft starts with front matter between '---' lines, then the text"));
            return new Outcome.Rejected(problems);
        }
        if (content.length > rules.maxBytes()) {
            problems.add(tooLarge(content.length));
            return new Outcome.Rejected(problems);
        }
        Optional<String> text = decode(content, problems);
        if (text.isEmpty()) {
            return new Outcome.Rejected(problems);
        }
        String[] lines = text.get().split("\r\n|\n|\r", -1);
        int bodyStart = FrontMatterReader.frontMatterEnd(lines, problems);
        FrontMatter meta = null;
        String body = "";
        Optional<Document> parsed = Optional.empty();
        if (bodyStart > 0) {
            meta = frontMatter.read(lines, bodyStart - 1, problems);
            body = String.join("\n", Arrays.copyOfRange(lines, bodyStart, lines.length));
            parsed = bodyChecks.check(lines, bodyStart, body, problems);
        }
        if (!problems.isEmpty() || meta == null || parsed.isEmpty()) {
            return new Outcome.Rejected(problems);
        }
        return new Outcome.Accepted(new Draft(slug, meta, body, bodyStart + 1, parsed.get()));
    }

    /** The problem of a file over the size limit, for callers that learn the size before reading the file. */
    public Problem tooLarge(long size) {
        return Problem.ofFile("the file is " + size + " bytes; the limit is " + rules.maxBytes()
                + " bytes (" + rules.maxBytes() / (1024 * 1024) + " MiB): move large material to separate publications");
    }

    // The bytes: size, text, encoding.


    private static Optional<String> decode(byte[] content, List<Problem> problems) {
        int nul = indexOf(content, (byte) 0);
        if (nul >= 0) {
            problems.add(Problem.atLine(lineAt(content, nul), "the file holds binary data (a NUL byte at byte " + nul
                    + "), not text: save the draft as a plain-text Markdown file (UTF-8)"));
            return Optional.empty();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(content);
        try {
            String text = decoder.decode(buffer).toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            int position = firstInvalidUtf8(content);
            problems.add(Problem.atLine(lineAt(content, position), "the file is not UTF-8 text (an invalid byte at byte " + position
                    + "): save it with the UTF-8 encoding"));
            return Optional.empty();
        }
    }

    private static int firstInvalidUtf8(byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length + 1);
        CoderResult result = decoder.decode(in, out, true);
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
