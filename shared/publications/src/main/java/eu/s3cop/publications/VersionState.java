package eu.s3cop.publications;

/**
 * A version number as claimed: pending from its claim until its PDF is stored, then published.
 *
 * @param draftSha256 the SHA-256 of the draft content the version was claimed for
 */
public record VersionState(int version, boolean published, String draftSha256) {
}
