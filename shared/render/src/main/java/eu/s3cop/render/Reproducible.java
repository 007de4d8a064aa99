package eu.s3cop.render;

import eu.s3cop.draft.Draft;
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
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpParsingException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Makes a rendered PDF depend only on its inputs: the creation date is the upload's time (in the
 * information dictionary and the XMP metadata alike, as PDF/A requires), and the document id is
 * derived from the publication, its version and that time rather than from the clock.
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
            try (InputStream in = metadata.exportXMPMetadata()) {
                XMPMetadata xmp = new DomXmpParser().parse(in);
                XMPBasicSchema basic = xmp.getXMPBasicSchema();
                if (basic == null) {
                    basic = xmp.createAndAddXMPBasicSchema();
                }
                basic.setCreateDate(created);
                basic.setModifyDate(created);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                new XmpSerializer().serialize(xmp, out, true);
                metadata.importXMPMetadata(out.toByteArray());
            } catch (XmpParsingException | javax.xml.transform.TransformerException e) {
                throw new IOException("Cannot rewrite the PDF's XMP metadata: " + e.getMessage(), e);
            }
        }

        byte[] id = digest(draft.publicationId() + "\n" + settings.version() + "\n" + settings.created());
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
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
