package eu.s3cop.stack.s3;

import java.time.Instant;

/**
 * An object written to the local S3 endpoint, by any client.
 *
 * @param eventName the S3 event name without the {@code s3:} prefix, for example {@code ObjectCreated:Put}
 * @param eTag the entity tag without quotes, as S3 puts it in event notifications
 */
public record ObjectCreated(String bucket, String key, long size, String eTag, String eventName, Instant time, String sequencer)
        implements ObjectEvent {

    /** An upload's event made by hand, sequenced by its time. */
    public ObjectCreated(String bucket, String key, long size, String eTag, String eventName, Instant time) {
        this(bucket, key, size, eTag, eventName, time, ObjectEvent.sequencerAt(time));
    }
}
