package eu.s3cop.render;

import eu.s3cop.draft.Licence;
import eu.s3cop.draft.Draft;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.DateConverter;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.schema.XMPRightsManagementSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpParsingException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Makes a rendered PDF depend only on its inputs: the creation date is the upload's time (in the
 * information dictionary and the XMP metadata alike, as PDF/A requires), and the document id is
 * derived from the publication, its version and that time rather than from the clock. The XMP
 * metadata also states the publication's licence, where readers' and archives' tools look for
 * it (XMP's rights schema and Dublin Core's rights).
 */
final class Reproducible {

    private Reproducible() {
    }

    static void stamp(PDDocument pdf, RenderSettings settings, Draft draft) throws IOException {
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        created.setTimeInMillis(settings.created().toEpochMilli());
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setCreationDate(created);
        info.setModificationDate(created);

        PDMetadata metadata = pdf.getDocumentCatalog().getMetadata();
        if (metadata != null) {
            byte[] xmp = metadata.toByteArray();
            Licence licence = draft.meta().licence();
            byte[] dated = redate(xmp, DateConverter.toISO8601(created), licence, settings.doi());
            metadata.importXMPMetadata(dated != null ? dated : reparsed(xmp, created, licence, settings.doi()));
        }

        byte[] id = digest(draft.publicationId() + "\n" + settings.version() + "\n" + settings.created());
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static final String CREATE_DATE = "<xmp:CreateDate>";
    private static final String CREATE_DATE_END = "</xmp:CreateDate>";

    /**
     * The XMP packet with the render's own creation date replaced by {@code date} and a modify
     * date beside it, by text: parsing the packet into a DOM and writing it back took a seventh
     * of a short brief's render. Null when the packet is not shaped as the renderer writes it
     * (one CreateDate element, no ModifyDate), so the caller takes the slow, general way.
     */
    static byte[] redate(byte[] xmp, String date, Licence licence) {
        return redate(xmp, date, licence, null);
    }

    /** @param doi the version's DOI, which Dublin Core's identifier states; null for none */
    static byte[] redate(byte[] xmp, String date, Licence licence, String doi) {
        String text = new String(xmp, StandardCharsets.UTF_8);
        int start = text.indexOf(CREATE_DATE);
        int end = text.indexOf(CREATE_DATE_END);
        int rdfEnd = text.lastIndexOf(RDF_END);
        if (start < 0 || end < start || text.indexOf(CREATE_DATE, start + 1) >= 0 || text.contains("xmp:ModifyDate") || rdfEnd < end
                || text.contains("xmpRights:") || text.contains("dc:rights") || text.contains("dc:identifier")) {
            return null;
        }
        int lineStart = text.lastIndexOf('\n', start) + 1;
        String indent = text.substring(lineStart, start).isBlank() ? text.substring(lineStart, start) : "";
        String redated = text.substring(0, start) + CREATE_DATE + date + CREATE_DATE_END
                + "\n" + indent + "<xmp:ModifyDate>" + date + "</xmp:ModifyDate>"
                + text.substring(end + CREATE_DATE_END.length(), rdfEnd)
                + rights(licence, doi) + text.substring(rdfEnd);
        return redated.getBytes(StandardCharsets.UTF_8);
    }

    private static final String RDF_END = "</rdf:RDF>";

    /** The licence as XMP states rights: marked (unless public domain), its deed's address, and its terms in words. */
    private static String rights(Licence licence, String doi) {
        String terms = terms(licence);
        // A DOI is 10., digits, '/' and a suffix the catalogue makes of its ids: nothing XML would need escaped.
        String identifier = doi == null ? "" : "<dc:identifier>doi:" + doi + "</dc:identifier>";
        return "<rdf:Description rdf:about=\"\" xmlns:xmpRights=\"http://ns.adobe.com/xap/1.0/rights/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<xmpRights:Marked>" + (licence == Licence.CC0_1_0 ? "False" : "True") + "</xmpRights:Marked>"
                + "<xmpRights:WebStatement>" + licence.url() + "</xmpRights:WebStatement>"
                + "<xmpRights:UsageTerms><rdf:Alt><rdf:li xml:lang=\"x-default\">" + terms + "</rdf:li></rdf:Alt></xmpRights:UsageTerms>"
                + "<dc:rights><rdf:Alt><rdf:li xml:lang=\"x-default\">" + terms + "</rdf:li></rdf:Alt></dc:rights>"
                + identifier + "</rdf:Description>";
    }

    /** The licence in a sentence, as the cover and the metadata say it. */
    static String terms(Licence licence) {
        return "Licensed under " + licence.shortName() + " (" + licence.title() + "), " + licence.url();
    }

    /** The general way: the packet parsed, its basic schema's dates and its rights set, and written back. */
    private static byte[] reparsed(byte[] xmp, Calendar created, Licence licence, String doi) throws IOException {
        try (InputStream in = new ByteArrayInputStream(xmp)) {
            XMPMetadata parsed = new DomXmpParser().parse(in);
            XMPBasicSchema basic = parsed.getXMPBasicSchema();
            if (basic == null) {
                basic = parsed.createAndAddXMPBasicSchema();
            }
            basic.setCreateDate(created);
            basic.setModifyDate(created);
            XMPRightsManagementSchema rights = parsed.getXMPRightsManagementSchema();
            if (rights == null) {
                rights = parsed.createAndAddXMPRightsManagementSchema();
            }
            rights.setMarked(licence != Licence.CC0_1_0);
            rights.setWebStatement(licence.url());
            rights.addUsageTerms("x-default", terms(licence));
            DublinCoreSchema dc = parsed.getDublinCoreSchema();
            if (dc == null) {
                dc = parsed.createAndAddDublinCoreSchema();
            }
            dc.addRights("x-default", terms(licence));
            if (doi != null) {
                dc.setIdentifier("doi:" + doi);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new XmpSerializer().serialize(parsed, out, true);
            return out.toByteArray();
        } catch (XmpParsingException | javax.xml.transform.TransformerException e) {
            throw new IOException("Cannot rewrite the PDF's XMP metadata: " + e.getMessage(), e);
        }
    }

    private static byte[] digest(String text) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.Arrays.copyOf(sha, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
