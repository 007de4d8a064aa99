package eu.s3cop.draft;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;

/**
 * A draft's words as a reader searches them: every heading, paragraph (footnotes' too), table
 * cell and code block of its syntax tree, one to a line, without Markdown's marks.
 */
public final class PlainText {

    private PlainText() {
    }

    public static String of(Draft draft) {
        StringBuilder text = new StringBuilder();
        collect(draft.body(), text);
        return text.toString().strip();
    }

    private static void collect(Node node, StringBuilder text) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Paragraph || child instanceof Heading || child instanceof TableCell) {
                String words = new TextCollectingVisitor().collectAndGetText(child).strip();
                if (!words.isEmpty()) {
                    text.append(words).append('\n');
                }
            } else if (child instanceof FencedCodeBlock || child instanceof IndentedCodeBlock) {
                text.append(((Block) child).getContentChars().toString().strip()).append('\n');
            } else {
                collect(child, text);
            }
        }
    }
}
