package eu.s3cop.publications;

import java.time.Instant;

/**
 * An upload's status as the table keeps it.
 *
 * @param eTag the entity tag of the upload it is about, without quotes; may be empty
 * @param expiresAt when the table's time to live removes it
 */
public record RecordedStatus(UploadStatus status, String eTag, Instant at, Instant expiresAt) {
}
