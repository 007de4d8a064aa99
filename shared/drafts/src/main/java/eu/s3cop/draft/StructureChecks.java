package eu.s3cop.draft;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import eu.s3cop.upload.Problem;
import eu.s3cop.upload.UserText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * What makes a brief hard to read even when its PDF is tagged, and its figures' and tables'
 * cross-references, checked on the parsed body with each finding's line. An image without alt
 * text and a reference to no figure or table reject the draft; a heading that skips a level, a
 * link whose text says nothing out of context and an empty table header are warnings.
 */
final class StructureChecks {

    /** Link texts that say nothing of where the link goes, once punctuation is gone. */
    private static final Set<String> VAGUE = Set.of("here", "click", "click here", "click this link", "this", "this link", "link",
            "more", "read more", "learn more", "see here", "go", "this page", "ici", "hier", "qui", "aquí");

    private final List<Problem> problems;
    private final List<Problem> warnings;
    private final int offset;
    private final Map<String, Integer> labels = new HashMap<>();
    private final List<Reference> references = new ArrayList<>();

    private record Reference(String kind, String label, String written, int line) {
    }

    /** @param offset the file line before the body's first, so that findings give file lines */
    private StructureChecks(List<Problem> problems, List<Problem> warnings, int offset) {
        this.problems = problems;
        this.warnings = warnings;
        this.offset = offset;
    }

    /** Adds the body's problems and warnings, each kind in the order of its lines. */
    static void check(Document document, int offset, List<Problem> problems, List<Problem> warnings) {
        List<Problem> found = new ArrayList<>();
        List<Problem> advised = new ArrayList<>();
        new StructureChecks(found, advised, offset).walk(document);
        found.sort(Comparator.comparingInt(Problem::line));
        advised.sort(Comparator.comparingInt(Problem::line));
        problems.addAll(found);
        warnings.addAll(advised);
    }

    private void walk(Document document) {
        int lastHeading = 0;
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(document);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node instanceof Code || node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
                continue;
            }
            if (node instanceof Image image && image.getText().isBlank()) {
                problems.add(Problem.atLine(line(node), "the image '" + UserText.quote(image.getUrl().toString()) + "' has no alt text:"
                        + " write what it shows between the brackets, such as ![Share of SMEs that innovate, by region](chart.png)"));
            } else if (node instanceof Heading heading) {
                if (heading.getLevel() > Math.max(lastHeading, 1) + 1) {
                    warnings.add(Problem.atLine(line(node), "the heading '" + UserText.quote(heading.getText().toString()) + "' is level "
                            + heading.getLevel() + " after " + (lastHeading == 0 ? "none" : "a level " + lastHeading) + ": use level "
                            + (Math.max(lastHeading, 1) + 1) + " (" + "#".repeat(Math.max(lastHeading, 1) + 1)
                            + "), so that the contents and screen readers keep the outline"));
                }
                lastHeading = heading.getLevel();
            } else if (node instanceof Link link) {
                String text = plain(link).toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}\\s]+", " ").strip();
                if (VAGUE.contains(text)) {
                    warnings.add(Problem.atLine(line(node), "the link text '" + UserText.quote(plain(link)) + "' says nothing out of context:"
                            + " name where it leads, such as [the 2024 Regional Innovation Scoreboard](" + UserText.quote(link.getUrl().toString()) + ")"));
                }
            } else if (node instanceof TableBlock table) {
                table(table);
            } else if (node instanceof Paragraph paragraph) {
                paragraph(paragraph);
            } else if (node instanceof Text text) {
                references(text);
            }
            for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                pending.push(child);
            }
        }
        for (Reference reference : references) {
            if (!labels.containsKey(reference.kind() + ":" + reference.label())) {
                problems.add(Problem.atLine(reference.line(), reference.written() + " refers to no " + ("fig".equals(reference.kind())
                        ? "figure: label one with {#fig:" + reference.label() + "} right after its image"
                        : "table: label one with {#tbl:" + reference.label() + "} at the end of its caption line, Table: ...")));
            }
        }
    }

    /** A figure's label after its image, or a caption's label; a label anywhere else labels nothing. */
    private void paragraph(Paragraph paragraph) {
        String text = paragraph.getChars().toString();
        Matcher found = CrossReferences.LABEL.matcher(text);
        if (!found.find()) {
            return;
        }
        Node image = figureImage(paragraph);
        boolean caption = CrossReferences.CAPTION.matcher(text).find() && besideTable(paragraph);
        Matcher figure = CrossReferences.FIGURE_LABEL.matcher(rest(paragraph, image));
        if (image != null && figure.matches()) {
            define("fig", figure.group(1), paragraph);
            return;
        }
        Matcher tableLabel = CrossReferences.CAPTION_LABEL.matcher(text);
        if (caption && tableLabel.find()) {
            define("tbl", tableLabel.group(1), paragraph);
            return;
        }
        problems.add(Problem.atLine(line(paragraph), found.group() + " labels nothing: put {#fig:...} right after an image alone in its"
                + " paragraph, and {#tbl:...} at the end of a 'Table: ...' caption line beside its table"));
    }

    private void define(String kind, String label, Node where) {
        Integer first = labels.putIfAbsent(kind + ":" + label, line(where));
        if (first != null) {
            problems.add(Problem.atLine(line(where), "{#" + kind + ":" + label + "} is used twice (first on line " + first + "): give each its own label"));
        }
    }

    /** The image a paragraph holds alone, with nothing else but its label and line breaks; null otherwise. */
    static Node figureImage(Paragraph paragraph) {
        Node image = null;
        for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Image) {
                if (image != null) {
                    return null;
                }
                image = child;
            } else if (!(child instanceof SoftLineBreak) && !(child instanceof Text)) {
                return null;
            }
        }
        return image;
    }

    /** The paragraph's text beside its image. */
    private static String rest(Paragraph paragraph, Node image) {
        StringBuilder rest = new StringBuilder();
        for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
            if (child != image) {
                rest.append(child.getChars());
            }
        }
        return rest.toString();
    }

    private static boolean besideTable(Node paragraph) {
        return paragraph.getNext() instanceof TableBlock || paragraph.getPrevious() instanceof TableBlock;
    }

    /** Empty header cells. */
    private void table(TableBlock table) {
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow)) {
                    continue;
                }
                int column = 0;
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    column++;
                    if (section instanceof TableHead && cell instanceof TableCell && plain(cell).isBlank()) {
                        warnings.add(Problem.atLine(line(row), "the table's header cell " + column + " is empty: name each column,"
                                + " so that a screen reader can say what a cell holds"));
                    }
                }
            }
        }
    }

    private void references(Text text) {
        Matcher matcher = CrossReferences.REFERENCE.matcher(text.getChars());
        while (matcher.find()) {
            references.add(new Reference(matcher.group(1), matcher.group(2), matcher.group(), line(text)));
        }
    }

    private static String plain(Node node) {
        return new TextCollectingVisitor().collectAndGetText(node);
    }

    private int line(Node node) {
        return offset + node.getStartLineNumber() + 1;
    }
}
