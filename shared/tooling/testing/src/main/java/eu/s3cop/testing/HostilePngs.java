package eu.s3cop.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * PNG files made to hurt an image decoder: headers that claim far more pixels than the file
 * holds, and data cut short; and honest large ones to measure limits against. Each is a few hundred bytes, written chunk by chunk with valid
 * checksums, so that only what a decoder does with the claims is tested.
 */
public final class HostilePngs {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private HostilePngs() {
    }

    /**
     * A PNG whose header says {@code width} x {@code height} 8-bit RGB pixels, Adam7 interlaced
     * when asked, followed by a kilobyte of compressed zeros: a decoder that trusts the header
     * allocates for every claimed pixel before it finds the data short.
     */
    public static byte[] claiming(int width, int height, boolean interlaced) {
        return png(width, height, interlaced, deflate(new byte[64 * 1024]));
    }

    /** An honest black RGB image of this size: every row there, a few kilobytes compressed. */
    public static byte[] blank(int width, int height) {
        return png(width, height, false, deflate(new byte[height * (1 + width * 3)]));
    }

    /** A real 64 x 64 grey image whose compressed data stops halfway: its header is honest, its data damaged. */
    public static byte[] truncated() {
        byte[] rows = new byte[64 * (1 + 64 * 3)];
        byte[] data = deflate(rows);
        byte[] half = new byte[data.length / 2];
        System.arraycopy(data, 0, half, 0, half.length);
        return png(64, 64, false, half);
    }

    private static byte[] png(int width, int height, boolean interlaced, byte[] idat) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) (interlaced ? 1 : 0));
        chunk(out, "IHDR", header.array());
        chunk(out, "IDAT", idat);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        try {
            out.write(ByteBuffer.allocate(4).putInt(data.length).array());
            out.write(name);
            out.write(data);
            out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
