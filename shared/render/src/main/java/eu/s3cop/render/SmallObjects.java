package eu.s3cop.render;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Keeps the small dictionaries that only one other object points at inside that object.
 *
 * <p>PDFBox writes every dictionary not marked direct as an object of its own, with its number,
 * its cross-reference entry and its place in an object stream. A tagged report has thousands of
 * dictionaries that nothing else refers to: the marked-content and object references of its
 * structure elements, their attributes (a header cell's scope, a list's numbering), and each
 * link's action and border style. Inline, the same dictionaries cost the file and the writer
 * a quarter fewer objects. Structure elements, pages and annotations stay objects: other objects
 * point at them.
 */
final class SmallObjects {

    private static final COSName MCR = COSName.getPDFName("MCR");
    private static final COSName OBJR = COSName.getPDFName("OBJR");

    private SmallObjects() {
    }

    static void inline(PDDocument pdf) {
        for (PDPage page : pdf.getPages()) {
            COSArray annotations = page.getCOSObject().getCOSArray(COSName.ANNOTS);
            if (annotations == null) {
                continue;
            }
            for (int i = 0; i < annotations.size(); i++) {
                if (annotations.getObject(i) instanceof COSDictionary annotation) {
                    direct(annotation.getItem(COSName.A));
                    direct(annotation.getItem(COSName.BS));
                }
            }
        }
        COSDictionary root = pdf.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.STRUCT_TREE_ROOT);
        if (root != null) {
            children(root.getDictionaryObject(COSName.K));
        }
    }

    /** A structure element's kids: elements to visit, references to keep inline. */
    private static void children(COSBase kids) {
        if (kids instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                kid(array.get(i));
            }
        } else if (kids != null) {
            kid(kids);
        }
    }

    private static void kid(COSBase kid) {
        COSBase value = kid instanceof COSObject object ? object.getObject() : kid;
        if (!(value instanceof COSDictionary dictionary)) {
            return;
        }
        COSName type = dictionary.getCOSName(COSName.TYPE);
        if (MCR.equals(type) || OBJR.equals(type)) {
            direct(kid);
        } else {
            COSBase attributes = dictionary.getItem(COSName.A);
            if (attributes instanceof COSArray list) {
                list.forEach(SmallObjects::direct);
            } else {
                direct(attributes);
            }
            children(dictionary.getDictionaryObject(COSName.K));
        }
    }

    /** Marks a dictionary direct, unless it is already a numbered object that others may share. */
    private static void direct(COSBase value) {
        if (value instanceof COSDictionary dictionary && dictionary.getKey() == null) {
            dictionary.setDirect(true);
        }
    }
}
