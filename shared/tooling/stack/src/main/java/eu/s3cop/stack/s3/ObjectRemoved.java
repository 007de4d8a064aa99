package eu.s3cop.stack.s3;

import java.time.Instant;

/**
 * An object deleted from the local S3 endpoint. The endpoint keeps no versions, so a deletion
 * removes the object, which S3 names {@code ObjectRemoved:Delete}; a versioned bucket on AWS
 * sends {@code ObjectRemoved:DeleteMarkerCreated} instead when no version is named.
 */
public record ObjectRemoved(String bucket, String key, Instant time, String sequencer) implements ObjectEvent {

    @Override
    public String eventName() {
        return "ObjectRemoved:Delete";
    }
}
