package eu.s3cop.render;

import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A page's marked-content property lists, kept cheaply.
 *
 * <p>Tagging marks every painted border and background as an artifact with its own property list,
 * a background with its bounding box: a quarter of a thousand on a page of tables, 14,100 in a
 * 57-page report, nearly all around boxes that paint nothing (openhtmltopdf takes every box for
 * one with a background image). PDFBox named each new list after searching the page's lists for
 * it, a cost that grows with the square of a page's lists, and wrote each as an object of its own.
 *
 * <p>Here borders and backgrounds are layout artifacts ("design elements such as footnote rules or
 * background screens", ISO 32000-1, 14.8.2.2), which need no bounding box, so a page names one
 * list for all of them, and one for its running header and footer. Lists that mark tagged content
 * are each new: they are added without a search, and kept inline, where they need no cross
 * reference entry. What assistive technology reads, the tags and which content is an artifact, is
 * the same.
 */
final class PropertyLists extends COSDictionary {

    private static final COSName LAYOUT = COSName.getPDFName("Layout");
    private static final COSName PAGINATION = COSName.getPDFName("Pagination");

    /** The name of the page's one list for each type of artifact, once the first is added. */
    private final Map<COSName, COSName> artifacts = new HashMap<>();

    /** A new page, as the layout engine would make it, whose resources keep their property lists here. */
    static PDPage newPage(PDDocument document, float width, float height) {
        PDPage page = new PDPage(new PDRectangle(width, height));
        COSDictionary resources = new COSDictionary();
        resources.setItem(COSName.PROPERTIES, new PropertyLists());
        page.setResources(new PDResources(resources));
        document.addPage(page);
        return page;
    }

    private PropertyLists() {
        setDirect(true);
    }

    /**
     * PDFBox asks this before naming a list it adds, and takes {@link #getKeyForValue} when it is
     * true: an artifact's list is found if the page has one of its type; any other list is new.
     */
    @Override
    public boolean containsValue(Object value) {
        return value instanceof COSDictionary list && artifacts.containsKey(artifactType(list));
    }

    @Override
    public COSName getKeyForValue(Object value) {
        return value instanceof COSDictionary list ? artifacts.get(artifactType(list)) : null;
    }

    @Override
    public void setItem(COSName key, COSBase value) {
        if (value instanceof COSDictionary list && value.getKey() == null) {
            list.setDirect(true);
            COSName type = artifactType(list);
            if (type != null) {
                artifacts.putIfAbsent(type, key);
            }
        }
        super.setItem(key, value);
    }

    /**
     * The type of an artifact's list that pages share, after making a background a layout artifact;
     * null for a list that marks tagged content (it has a marked-content identifier, not a type).
     */
    private static COSName artifactType(COSDictionary list) {
        COSName type = list.getCOSName(COSName.TYPE);
        if (COSName.BACKGROUND.equals(type)) {
            list.removeItem(COSName.BBOX);
            list.setItem(COSName.TYPE, LAYOUT);
            return LAYOUT;
        }
        return list.size() == 1 && (LAYOUT.equals(type) || PAGINATION.equals(type)) ? type : null;
    }
}
