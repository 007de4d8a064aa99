package eu.s3cop.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The folder of a draft (in the uploads bucket, or on the rapporteur's disk), where its own
 * images and its bibliography are. Paths are relative to that folder and never leave it.
 */
@FunctionalInterface
public interface DraftFolder {

    /** An empty folder: every image and bibliography is reported missing. */
    DraftFolder NONE = (path, maxBytes) -> Optional.empty();

    /**
     * The file's bytes, or empty when there is none at that path.
     *
     * @param maxBytes a larger file must not be read whole; return its first {@code maxBytes + 1} bytes or more
     */
    Optional<byte[]> read(String path, int maxBytes);

    /** The files beside a draft on disk, as a rapporteur's preview reads them; paths come checked (inside the folder) from {@link Images}. */
    static DraftFolder folder(Path folder) {
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
