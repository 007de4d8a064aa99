package eu.s3cop.render;

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
}
