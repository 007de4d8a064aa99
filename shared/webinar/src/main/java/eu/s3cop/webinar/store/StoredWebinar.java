package eu.s3cop.webinar.store;

import eu.s3cop.webinar.model.Figures;
import eu.s3cop.webinar.model.Material;
import eu.s3cop.webinar.model.Webinar;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A webinar as stored: the webinar, its SEQUENCE (0 at first, +1 for every change), the hash of
 * the file it came from, when it last changed, how many places are taken (confirmed or offered
 * from the waiting list), how many people wait for one, how many of the places taken are in
 * the room of a hybrid event, its participation figures as last counted ({@link Figures#NONE}
 * until they are), and the materials the secretariat gave it, in the order of their names.
 */
public record StoredWebinar(Webinar webinar, int sequence, String contentSha256, Instant updatedAt, int registered, int waiting, int inPerson,
        Figures figures, List<Material> materials) {

    public StoredWebinar {
        materials = List.copyOf(materials);
    }

    /** A webinar nobody waits for. */
    public StoredWebinar(Webinar webinar, int sequence, String contentSha256, Instant updatedAt, int registered) {
        this(webinar, sequence, contentSha256, updatedAt, registered, 0, 0);
    }

    /** A webinar whose participation was not counted yet, with no materials. */
    public StoredWebinar(Webinar webinar, int sequence, String contentSha256, Instant updatedAt, int registered, int waiting, int inPerson) {
        this(webinar, sequence, contentSha256, updatedAt, registered, waiting, inPerson, Figures.NONE, List.of());
    }

    /**
     * Whether a newcomer can only join the waiting list: every place is taken, or people are
     * waiting (a freed place goes to them first). Never for a webinar without a limit.
     */
    public boolean full() {
        return webinar.capacity() > 0 && (registered >= webinar.capacity() || waiting > 0);
    }

    /** The places not taken yet, for a webinar with a limit; none while people are waiting. */
    public int placesLeft() {
        return waiting > 0 ? 0 : Math.max(0, webinar.capacity() - registered);
    }

    /** Whether a hybrid event's room has no place left for one more who would attend in person. */
    public boolean roomFull() {
        return webinar.inPersonCapacity() > 0 && inPerson >= webinar.inPersonCapacity();
    }

    /** The listed material of that exact name; empty for any other name. */
    public Optional<Material> material(String name) {
        return materials.stream().filter(material -> material.name().equals(name)).findFirst();
    }
}
