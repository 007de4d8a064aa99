package eu.s3cop.webinar.store;

import eu.s3cop.webinar.model.Webinar;
import java.time.Instant;

/**
 * A webinar as stored: the webinar, its SEQUENCE (0 at first, +1 for every change), the hash of
 * the file it came from, when it last changed, and how many people are registered.
 */
public record StoredWebinar(Webinar webinar, int sequence, String contentSha256, Instant updatedAt, int registered) {

    /** Whether every place is taken; never for a webinar without a limit. */
    public boolean full() {
        return webinar.capacity() > 0 && registered >= webinar.capacity();
    }

    /** The places not taken yet, for a webinar with a limit. */
    public int placesLeft() {
        return Math.max(0, webinar.capacity() - registered);
    }
}
