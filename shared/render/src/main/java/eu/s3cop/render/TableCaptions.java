package eu.s3cop.render;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;

/**
 * Makes each table's caption the first child of its Table structure element, where assistive
 * technology looks for it and reads it before the rows. The layout engine lays a caption out
 * above its table but tags it as the table's next sibling, inside the block it builds for both.
 * Only the tree changes: the caption's content and its marked content stay where they are.
 */
final class TableCaptions {

    private TableCaptions() {
    }

    static void nest(PDDocument pdf) {
        PDStructureTreeRoot root = pdf.getDocumentCatalog().getStructureTreeRoot();
        if (root == null) {
            return;
        }
        Deque<PDStructureNode> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            PDStructureNode node = pending.pop();
            List<Object> kids = node.getKids();
            for (int i = 0; i < kids.size(); i++) {
                if (kids.get(i) instanceof PDStructureElement table && StandardStructureTypes.TABLE.equals(table.getStructureType())
                        && i + 1 < kids.size() && kids.get(i + 1) instanceof PDStructureElement caption
                        && StandardStructureTypes.CAPTION.equals(caption.getStructureType())) {
                    node.removeKid(caption);
                    List<Object> rows = table.getKids();
                    if (rows.isEmpty()) {
                        table.appendKid(caption);
                    } else if (rows.get(0) instanceof PDStructureElement first) {
                        table.insertBefore(caption, first);
                    } else {
                        continue;
                    }
                    caption.setParent(table);
                    kids = node.getKids();
                }
            }
            for (Object kid : kids) {
                if (kid instanceof PDStructureElement element) {
                    pending.push(element);
                }
            }
        }
    }
}
