package eu.s3cop.draft;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import eu.s3cop.upload.Problem;
import eu.s3cop.upload.UserText;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Checks a draft's Markdown body: line lengths and absurd nesting before parsing (so no input
 * can exhaust the parser), then nesting depth and table widths on the parsed document, walked
 * without recursion, and its structure ({@link StructureChecks}).
 */
final class BodyChecks {

    /** Leading characters of list and quote markers beyond which no real draft goes; checked before parsing. */
    private static final int MAX_STRUCTURE_PREFIX = 400;
    /** Lines with a control character reported one by one; past them, one problem counts the rest. */
    private static final int MAX_CONTROL_LINES = 10;

    private final DraftRules rules;

    BodyChecks(DraftRules rules) {
        this.rules = rules;
    }


    /**
     * Adds the body's problems and warnings; returns its syntax tree when it could be read, for
     * the renderer to use as it is.
     *
     * @param language the draft's language, which says how its quotes print
     * @param citations whether the draft names a bibliography, so that its citations are read as such
     */
    Optional<Document> check(String[] lines, int bodyStart, String body, String language, boolean citations, List<Problem> problems,
            List<Problem> warnings) {
        if (body.isBlank()) {
            problems.add(Problem.atLine(bodyStart + 1, "the draft has no text after its front matter"));
            return Optional.empty();
        }
        boolean structureOk = true;
        int lastWideRow = -2;
        int controlLines = 0;
        for (int i = bodyStart; i < lines.length; i++) {
            String line = lines[i];
            OptionalInt control = UserText.controlCharacter(line);
            if (control.isPresent() && ++controlLines <= MAX_CONTROL_LINES) {
                problems.add(Problem.atLine(i + 1, "the line " + UserText.controlCharacterAdvice(control.getAsInt())));
            }
            if (structurePrefix(line) > MAX_STRUCTURE_PREFIX) {
                problems.add(Problem.atLine(i + 1, "lists or quotes nest too deeply; at most " + rules.maxNesting() + " levels print legibly"));
                structureOk = false;
            } else if (pipes(line) > 2 * rules.maxTableColumns() + 2) {
                // Flexmark's table parser recurses once per cell: a row this wide is refused before it is parsed.
                if (i != lastWideRow + 1) {
                    problems.add(Problem.atLine(i + 1, "the table has " + (pipes(line) - 1) + " columns; at most "
                            + rules.maxTableColumns() + " fit a page: split it or turn it around"));
                }
                lastWideRow = i;
                structureOk = false;
            } else if (line.length() > rules.maxLineLength()) {
                problems.add(Problem.atLine(i + 1, "the line is " + line.length() + " characters long; the limit is "
                        + rules.maxLineLength() + ": break it into paragraphs"));
                structureOk = false;
            }
        }
        if (controlLines > MAX_CONTROL_LINES) {
            problems.add(Problem.atLine(bodyStart + 1, (controlLines - MAX_CONTROL_LINES) + " more lines hold control characters;"
                    + " the file may have been saved by a program that writes binary data: save it as plain text"));
        }
        if (!structureOk) {
            return Optional.empty();
        }
        Document document;
        try {
            document = Markdown.parse(body, language, citations);
        } catch (StackOverflowError e) {
            problems.add(Problem.atLine(bodyStart + 1, "the text is structured too deeply to be read; simplify its lists, quotes and tables"));
            return Optional.empty();
        }
        int offset = bodyStart;
        Deque<Map.Entry<Node, Integer>> pending = new ArrayDeque<>();
        pending.push(Map.entry(document, 0));
        boolean nestingReported = false;
        while (!pending.isEmpty()) {
            var entry = pending.pop();
            Node node = entry.getKey();
            int depth = entry.getValue() + (node instanceof ListBlock || node instanceof BlockQuote ? 1 : 0);
            if (depth > rules.maxNesting() && !nestingReported) {
                problems.add(Problem.atLine(offset + node.getStartLineNumber() + 1,
                        "lists or quotes nest " + depth + " levels deep here; at most " + rules.maxNesting() + " levels print legibly"));
                nestingReported = true;
                continue;
            }
            if (node instanceof TableBlock table) {
                int columns = columns(table);
                if (columns > rules.maxTableColumns()) {
                    problems.add(Problem.atLine(offset + node.getStartLineNumber() + 1, "the table has " + columns
                            + " columns; at most " + rules.maxTableColumns() + " fit a page: split it or turn it around"));
                }
            }
            for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                pending.push(Map.entry(child, depth));
            }
        }
        StructureChecks.check(document, offset, problems, warnings);
        return Optional.of(document);
    }

    private static int columns(TableBlock table) {
        int widest = 0;
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (row instanceof TableRow) {
                    int cells = 0;
                    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                        cells++;
                    }
                    widest = Math.max(widest, cells);
                }
            }
        }
        return widest;
    }

    private static int pipes(String line) {
        int count = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '|' && (i == 0 || line.charAt(i - 1) != '\\')) {
                count++;
            }
        }
        return count;
    }

    /** How many leading characters of a line are indentation and list or quote markers. */
    private static int structurePrefix(String line) {
        int i = 0;
        int length = line.length();
        while (i < length) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '>') {
                i++;
            } else if ((c == '-' || c == '*' || c == '+') && i + 1 < length && (line.charAt(i + 1) == ' ' || line.charAt(i + 1) == '\t')) {
                i += 2;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < length && j - i < 9 && Character.isDigit(line.charAt(j))) {
                    j++;
                }
                if (j < length && (line.charAt(j) == '.' || line.charAt(j) == ')') && j + 1 < length && line.charAt(j + 1) == ' ') {
                    i = j + 2;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        return i;
    }
}
