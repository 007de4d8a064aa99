package eu.s3cop.render;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import eu.s3cop.draft.Draft;
import eu.s3cop.upload.Problem;
import eu.s3cop.upload.UserText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Finds the images a draft shows and fetches the local ones before rendering. A remote image is
 * never fetched (it prints as its alt text and address); a local one must be a PNG or JPEG in the
 * draft's own folder, within the limits of bytes and pixels, and drawable, or the draft is
 * rejected with the image's line.
 */
public final class Images {

    public static final int MAX_IMAGE_BYTES = 5 * 1024 * 1024;
    public static final int MAX_IMAGES = 50;
    /**
     * Pixels one image may have (a 4000 x 4000 photograph): a compressed file of a megabyte can
     * claim 16000 x 16000, which takes a gigabyte and half a minute to draw.
     */
    public static final long MAX_IMAGE_PIXELS = 16_000_000L;
    /** Pixels all of a draft's images may have together. */
    public static final long MAX_DRAFT_PIXELS = 64_000_000L;
    /** The longest side an image is decoded at to prove that it can be drawn. */
    private static final int PROOF_SIDE = 256;

    private Images() {
    }

    /** The local images of a draft, fetched and checked; or the problems that stop them from printing. */
    public record Resolution(Map<String, byte[]> images, List<Problem> problems) {
        public Resolution {
            images = Map.copyOf(images);
            problems = List.copyOf(problems);
        }
    }

    public static Resolution resolve(Draft draft, DraftFolder source) {
        Map<String, byte[]> images = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        long pixels = 0;
        for (Map.Entry<String, Integer> image : localImages(draft).entrySet()) {
            String path = image.getKey();
            int line = image.getValue();
            if (MALFORMED_ESCAPE.matcher(path).find()) {
                problems.add(Problem.atLine(line, "the image '" + shorten(path) + "' has a percent sign that starts no escape:"
                        + " a '%' must be followed by two hexadecimal digits (write %25 for a percent sign itself)"));
                continue;
            }
            Optional<String> normalised = normalise(path);
            if (normalised.isEmpty()) {
                problems.add(Problem.atLine(line, "the image '" + shorten(path) + "' must be a path inside the draft's own folder,"
                        + " such as figures/chart.png"));
                continue;
            }
            if (images.size() >= MAX_IMAGES) {
                problems.add(Problem.atLine(line, "the draft shows more than " + MAX_IMAGES + " images"));
                break;
            }
            Optional<byte[]> bytes = source.read(normalised.get(), MAX_IMAGE_BYTES);
            if (bytes.isEmpty()) {
                problems.add(Problem.atLine(line, "the image '" + shorten(path) + "' was not found in the draft's folder:"
                        + " upload it next to the draft, then upload the draft again"));
            } else if (bytes.get().length > MAX_IMAGE_BYTES) {
                problems.add(Problem.atLine(line, "the image '" + shorten(path) + "' is larger than " + MAX_IMAGE_BYTES / (1024 * 1024)
                        + " MiB: reduce its size"));
            } else if (!isPng(bytes.get()) && !isJpeg(bytes.get())) {
                problems.add(Problem.atLine(line, "the image '" + shorten(path) + "' is not a PNG or JPEG file"));
            } else {
                Optional<Long> drawn = drawable(path, line, bytes.get(), pixels, problems);
                if (drawn.isPresent()) {
                    pixels += drawn.get();
                    images.put(path, bytes.get());
                }
            }
        }
        return new Resolution(images, problems);
    }

    /**
     * The image's pixel count when it can be drawn: its size, read from the header before anything
     * is decoded, is within the limits, and its data decodes (at a small scale, which reads all of
     * it). Otherwise a problem at its line, so that no image is ever dropped from a brief unsaid.
     *
     * @param pixels the pixels of the draft's images accepted so far
     */
    private static Optional<Long> drawable(String path, int line, byte[] bytes, long pixels, List<Problem> problems) {
        String name = "the image '" + shorten(path) + "'";
        // In memory: ImageIO's default stream would copy the bytes to a temporary file first.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                problems.add(Problem.atLine(line, name + " cannot be read as a PNG or JPEG file: export it again"));
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                long count = (long) width * height;
                if (count > MAX_IMAGE_PIXELS) {
                    problems.add(Problem.atLine(line, name + " is " + width + " x " + height + " pixels (" + count + "); at most "
                            + MAX_IMAGE_PIXELS + " pixels print in a brief: scale it down (a page is about 2500 pixels wide at 300 dpi)"));
                    return Optional.empty();
                }
                if (pixels + count > MAX_DRAFT_PIXELS) {
                    problems.add(Problem.atLine(line, "with " + name + " (" + width + " x " + height + " pixels) the draft's images have more than "
                            + MAX_DRAFT_PIXELS + " pixels in all: scale some of them down"));
                    return Optional.empty();
                }
                ImageReadParam scaled = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / PROOF_SIDE);
                scaled.setSourceSubsampling(step, step, 0, 0);
                // A JPEG's raster, not its image: CMYK photographs have no colour conversion here, yet PDF shows them.
                if (isJpeg(bytes) ? reader.readRaster(0, scaled) == null : reader.read(0, scaled) == null) {
                    throw new IOException("no image in the file");
                }
                return Optional.of(count);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            problems.add(Problem.atLine(line, name + " is damaged and cannot be drawn (" + UserText.quote(String.valueOf(e.getMessage()))
                    + "): export it again as PNG or JPEG"));
            return Optional.empty();
        }
    }

    /** Whether an image address points elsewhere (and so is shown as text, never fetched). */
    static boolean isRemote(String url) {
        String trimmed = url.strip();
        return trimmed.startsWith("//") || hasScheme(trimmed);
    }

    private static Map<String, Integer> localImages(Draft draft) {
        Document document = draft.body();
        Map<String, Integer> found = new LinkedHashMap<>();
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(document);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            String url = null;
            if (node instanceof Image image) {
                url = image.getUrl().toString();
            } else if (node instanceof ImageRef ref && ref.isDefined()) {
                Reference reference = ref.getReferenceNode(document);
                url = reference == null ? null : reference.getUrl().toString();
            }
            if (url != null && !url.isBlank() && !isRemote(url)) {
                found.putIfAbsent(url, draft.bodyLine() + node.getStartLineNumber());
            }
            for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                pending.push(child);
            }
        }
        return found;
    }

    /** A '%' not followed by two hexadecimal digits: no URL decoder can read the path. */
    private static final java.util.regex.Pattern MALFORMED_ESCAPE = java.util.regex.Pattern.compile("%(?![0-9A-Fa-f]{2})");

    /** The path relative to the draft's folder, or empty when it would leave that folder or cannot be read as a path. */
    static Optional<String> normalise(String url) {
        String path = url.strip();
        int query = indexOfAny(path, "?#");
        if (query >= 0) {
            path = path.substring(0, query);
        }
        try {
            path = java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        Path normal = Path.of(path).normalize();
        if (normal.toString().isEmpty() || normal.startsWith("..")) {
            return Optional.empty();
        }
        return Optional.of(normal.toString().replace('\\', '/'));
    }

    static boolean isPng(byte[] bytes) {
        return bytes.length > 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
    }

    static boolean isJpeg(byte[] bytes) {
        return bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF;
    }

    private static boolean hasScheme(String url) {
        int colon = url.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        try {
            return new URI(url.substring(0, colon) + ":x").getScheme() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String shorten(String path) {
        String clean = path.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > 80 ? clean.substring(0, 80) + "…" : clean;
    }
}
