package eu.s3cop.webinar.store;

import eu.s3cop.webinar.model.Material;
import eu.s3cop.webinar.model.Webinar;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A webinar as stored: the webinar, its SEQUENCE (0 at first, +1 for every change), the hash of
 * the file it came from, when it last changed, how many people are registered, and the
 * materials the secretariat gave it, in the order of their names.
 */
public record StoredWebinar(Webinar webinar, int sequence, String contentSha256, Instant updatedAt, int registered, List<Material> materials) {

    public StoredWebinar {
        materials = List.copyOf(materials);
    }

    /** A webinar with no materials. */
    public StoredWebinar(Webinar webinar, int sequence, String contentSha256, Instant updatedAt, int registered) {
        this(webinar, sequence, contentSha256, updatedAt, registered, List.of());
    }

    /** Whether every place is taken; never for a webinar without a limit. */
    public boolean full() {
        return webinar.capacity() > 0 && registered >= webinar.capacity();
    }

    /** The places not taken yet, for a webinar with a limit. */
    public int placesLeft() {
        return Math.max(0, webinar.capacity() - registered);
    }

    /** The listed material of that exact name; empty for any other name. */
    public Optional<Material> material(String name) {
        return materials.stream().filter(material -> material.name().equals(name)).findFirst();
    }
}
