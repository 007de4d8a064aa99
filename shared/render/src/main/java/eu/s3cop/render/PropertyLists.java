package eu.s3cop.render;

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
 * <p>Tagging marks every painted border and background as an artifact with its own property list
 * (type and bounding box), a quarter of a thousand on a page of tables. PDFBox names each new list
 * after searching the page's existing lists for it, which makes a page's cost grow with the square
 * of its lists, and writes each list as an indirect object of its own: in a 57-page report,
 * 14,700 of the file's 24,500 objects. The layout engine never hands the same list twice, so this
 * dictionary skips the search, and it keeps every list inline, where the file needs no cross
 * reference entry for it. The bytes a reader sees are the same marked content.
 */
final class PropertyLists extends COSDictionary {

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

    /** Each list the layout engine adds is new: nothing to find, whatever its contents. */
    @Override
    public boolean containsValue(Object value) {
        return false;
    }

    @Override
    public void setItem(COSName key, COSBase value) {
        if (value instanceof COSDictionary list && value.getKey() == null) {
            list.setDirect(true);
        }
        super.setItem(key, value);
    }
}
