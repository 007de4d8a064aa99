package eu.s3cop.draft;

import com.vladsch.flexmark.util.ast.Document;
import eu.s3cop.upload.Outcome;
import eu.s3cop.upload.Problem;
import eu.s3cop.upload.TextFile;
import eu.s3cop.upload.UserText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a draft file and checks everything about it at once, so that a rapporteur sees every
 * problem in one report: the bytes (size, text, encoding), the front matter (each field, with
 * its line) and the body (lines, nesting, tables, alt text, cross-references). An accepted
 * draft may carry warnings, which publish it but say what would make it more accessible. It
 * never throws on bad input.
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
     * Reads a draft file that is not in the bucket (a rapporteur's preview): where it is gives it
     * no authority, so no folder is checked.
     *
     * @param fileName the draft's file name, for example {@code bottlenecks.md}; it gives the slug
     * @param content the file's bytes as uploaded
     */
    public Outcome<Draft> read(String fileName, byte[] content) {
        return read(fileName, content, null);
    }

    /**
     * Reads an uploaded draft, which is published only when it is in the folder of the group its
     * front matter names; a problem says where it belongs otherwise.
     */
    public Outcome<Draft> read(DraftKey key, byte[] content) {
        return read(key.fileName(), content, key);
    }

    private Outcome<Draft> read(String fileName, byte[] content, DraftKey key) {
        List<Problem> problems = new ArrayList<>();
        String slug = fileName.endsWith(".md") ? fileName.substring(0, fileName.length() - 3) : fileName;
        if (!SLUG.matcher(slug).matches()) {
            problems.add(Problem.ofFile("the file name '" + UserText.quote(fileName) + "' does not give a valid slug: use 1 to 80 lower-case"
                    + " letters, digits and hyphens, ending in .md (for example bottlenecks-to-innovation.md)"));
        }
        if (content.length == 0) {
            problems.add(Problem.ofFile("the file is empty: a draft starts with front matter between '---' lines, then the text"));
            return unread(key, problems);
        }
        if (content.length > rules.maxBytes()) {
            problems.add(tooLarge(content.length));
            return unread(key, problems);
        }
        Optional<String> text = TextFile.decode(content, "Markdown", problems);
        if (text.isEmpty()) {
            return unread(key, problems);
        }
        String[] lines = text.get().split("\r\n|\n|\r", -1);
        int bodyStart = FrontMatterReader.frontMatterEnd(lines, problems);
        if (bodyStart == 0) {
            return unread(key, problems);
        }
        FrontMatter meta = frontMatter.read(lines, bodyStart - 1, key, problems);
        String body = String.join("\n", Arrays.copyOfRange(lines, bodyStart, lines.length));
        List<Problem> warnings = new ArrayList<>();
        Optional<Document> parsed = bodyChecks.check(lines, bodyStart, body, meta == null ? "en" : meta.language(),
                meta != null && meta.references().named(), problems, warnings);
        if (!problems.isEmpty() || meta == null || parsed.isEmpty()) {
            return new Outcome.Rejected<>(problems);
        }
        return new Outcome.Accepted<>(new Draft(slug, meta, body, bodyStart + 1, parsed.get(), warnings));
    }

    /**
     * A rejection before the front matter could say which group the draft is: a draft outside every
     * group's folder is told where drafts go, so that fixing the text is not followed by a second
     * rejection for its place.
     */
    private Outcome<Draft> unread(DraftKey key, List<Problem> problems) {
        DraftKey.noteIfOutside(key, rules.workingGroups(), problems);
        return new Outcome.Rejected<>(problems);
    }

    /** The problems of an upload over the size limit, for callers that learn the size before reading the file. */
    public List<Problem> tooLarge(DraftKey key, long size) {
        List<Problem> problems = new ArrayList<>(List.of(tooLarge(size)));
        unread(key, problems);
        return problems;
    }

    /** The problem of a file over the size limit, for callers that learn the size before reading the file. */
    private Problem tooLarge(long size) {
        return Problem.ofFile("the file is " + size + " bytes; the limit is " + rules.maxBytes()
                + " bytes (" + rules.maxBytes() / (1024 * 1024) + " MiB): move large material to separate publications");
    }
}
