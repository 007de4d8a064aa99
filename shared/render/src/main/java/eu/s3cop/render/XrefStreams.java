package eu.s3cop.render;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Gives the cross-reference stream PDFBox writes an entry for itself. PDFBox counts the stream
 * in the trailer's {@code /Size} but leaves it out of its own {@code /Index}, so checkers such
 * as {@code qpdf --check} warn that the reported number of objects is not one plus the highest
 * object number. The stream is the file's last object: it is rewritten in place, at the same
 * offset, with one more entry (and wider offsets when its own needs them), so nothing before it
 * moves. A file in any other shape is left as it is.
 */
final class XrefStreams {

    private static final Pattern HEADER = Pattern.compile("(\\d+) 0 obj\\n(<<.*?>>)\\nstream\\r?\\n", Pattern.DOTALL);
    private static final Pattern INDEX = Pattern.compile("/Index \\[0 (\\d+)\\]");
    private static final Pattern WIDTHS = Pattern.compile("/W \\[(\\d) (\\d) (\\d)\\]");
    private static final Pattern LENGTH = Pattern.compile("/Length (\\d+)");

    private XrefStreams() {
    }

    static byte[] withOwnEntry(byte[] pdf) {
        String tail = new String(pdf, Math.max(0, pdf.length - 64), Math.min(64, pdf.length), StandardCharsets.ISO_8859_1);
        Matcher startxref = Pattern.compile("startxref\\n(\\d+)\\n%%EOF\\n$").matcher(tail);
        if (!startxref.find()) {
            return pdf;
        }
        int at = Integer.parseInt(startxref.group(1));
        String object = new String(pdf, at, Math.min(pdf.length - at, 1024), StandardCharsets.ISO_8859_1);
        Matcher header = HEADER.matcher(object);
        if (!header.lookingAt()) {
            return pdf;
        }
        int number = Integer.parseInt(header.group(1));
        String dictionary = header.group(2);
        Matcher index = INDEX.matcher(dictionary);
        Matcher widths = WIDTHS.matcher(dictionary);
        Matcher length = LENGTH.matcher(dictionary);
        if (!dictionary.contains("/Type /XRef") || !dictionary.contains("/Filter /FlateDecode") || dictionary.contains("/DecodeParms")
                || !index.find() || Integer.parseInt(index.group(1)) != number || !widths.find() || !length.find()) {
            return pdf;
        }
        int[] w = {Integer.parseInt(widths.group(1)), Integer.parseInt(widths.group(2)), Integer.parseInt(widths.group(3))};
        byte[] entries = inflate(pdf, at + header.end(), Integer.parseInt(length.group(1)));
        if (entries == null || entries.length != number * (w[0] + w[1] + w[2])) {
            return pdf;
        }
        int[] wider = {w[0], Math.max(w[1], bytesFor(at)), w[2]};
        ByteArrayOutputStream rows = new ByteArrayOutputStream(entries.length + 16);
        for (int row = 0; row < number; row++) {
            int offset = row * (w[0] + w[1] + w[2]);
            for (int field = 0, start = offset; field < 3; start += w[field], field++) {
                write(rows, read(entries, start, w[field]), wider[field]);
            }
        }
        write(rows, 1, wider[0]);
        write(rows, at, wider[1]);
        write(rows, 0, wider[2]);
        byte[] data = deflate(rows.toByteArray());
        String rewritten = dictionary.replace(index.group(), "/Index [0 " + (number + 1) + "]")
                .replace(widths.group(), "/W [" + wider[0] + " " + wider[1] + " " + wider[2] + "]")
                .replace(length.group(), "/Length " + data.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 32);
        out.write(pdf, 0, at);
        out.writeBytes((number + " 0 obj\n" + rewritten + "\nstream\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        out.writeBytes(("\nendstream\nendobj\nstartxref\n" + at + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static int bytesFor(long value) {
        int bytes = 1;
        while (value >= 1L << (8 * bytes)) {
            bytes++;
        }
        return bytes;
    }

    private static long read(byte[] bytes, int start, int width) {
        long value = 0;
        for (int i = 0; i < width; i++) {
            value = value << 8 | (bytes[start + i] & 0xff);
        }
        return value;
    }

    private static void write(ByteArrayOutputStream out, long value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }

    private static byte[] inflate(byte[] pdf, int from, int length) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(pdf, from, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream(length * 4);
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }

    private static byte[] deflate(byte[] data) {
        // The default level, as PDFBox writes the stream: the best compression took 26 ms over the 36 KB of a 57-page report.
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
