package eu.s3cop.brief;

/**
 * An object S3 reported as created: what publishing is keyed by.
 *
 * @param versionId the object's version, when the bucket keeps versions; else null
 * @param eTag the entity tag the event named, without quotes; may be empty
 * @param uploader the principal that wrote the object, as the event names it (for example
 *     {@code AWS:AIDA...} for an IAM user, {@code AWS:AROA...:session} for a role); empty when
 *     the event names none
 */
public record Upload(String bucket, String key, String versionId, String eTag, String uploader) {
}
