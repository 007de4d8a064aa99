package eu.s3cop.stack.s3;

import java.time.Instant;

/** A change to an object of the local S3 endpoint, by any client, as S3 notifies it. */
public sealed interface ObjectEvent permits ObjectCreated, ObjectRemoved {

    String bucket();

    String key();

    /** The S3 event name without the {@code s3:} prefix, for example {@code ObjectCreated:Put}. */
    String eventName();

    Instant time();

    /**
     * Orders the events of one key as S3's sequencer does: of two events on the same key, the
     * later has the greater value, once both are padded on the left with zeros to one length.
     */
    String sequencer();

    /** A sequencer from the event's time alone, for events made by hand, one at a time. */
    static String sequencerAt(Instant time) {
        return Long.toHexString(time.toEpochMilli() * 1000 + System.nanoTime() % 1000).toUpperCase();
    }
}
