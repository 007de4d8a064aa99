package eu.s3cop.render;

import java.time.Instant;

/**
 * What a rendering depends on beyond the draft, so that the same inputs give the same bytes.
 *
 * @param version the publication's version, printed on the cover
 * @param created the document's creation time, written into its metadata (the upload's time, not the clock's)
 * @param doi the version's DOI ({@code 10.…}), which its metadata names, or null where the catalogue has no DOIs
 */
public record RenderSettings(int version, Instant created, String doi) {

    public RenderSettings {
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1, got " + version);
        }
    }

    /** A version without a DOI. */
    public RenderSettings(int version, Instant created) {
        this(version, created, null);
    }
}
