package eu.s3cop.webinar.store;

import eu.s3cop.webinar.model.Webinar;
import java.time.Instant;

/**
 * A webinar as stored: the webinar, its SEQUENCE (0 at first, +1 for every change), the hash of
 * the file it came from, when it last changed, and how many people are registered.
 */
public record StoredWebinar(Webinar webinar, int sequence, String contentSha256, Instant updatedAt, int registered) {
}
