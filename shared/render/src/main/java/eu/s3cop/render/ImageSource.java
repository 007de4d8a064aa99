package eu.s3cop.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a draft's own images come from: the folder of the draft (in the uploads bucket, or on
 * the rapporteur's disk). Paths are relative to that folder and never leave it.
 */
@FunctionalInterface
public interface ImageSource {

    /** No images at all: every relative image is reported missing. */
    ImageSource NONE = (path, maxBytes) -> Optional.empty();

    /**
     * The image's bytes, or empty when there is none at that path.
     *
     * @param maxBytes a larger image must not be read whole; return its first {@code maxBytes + 1} bytes or more
     */
    Optional<byte[]> read(String path, int maxBytes);

    /** The images beside a draft on disk, as a rapporteur's preview reads them; paths come checked (inside the folder) from {@link Images}. */
    static ImageSource folder(Path folder) {
        return (path, maxBytes) -> {
            Path file = folder.resolve(path).normalize();
            if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try (InputStream in = Files.newInputStream(file)) {
                return Optional.of(in.readNBytes(maxBytes + 1));
            } catch (IOException e) {
                return Optional.empty();
            }
        };
    }
}
