package eu.s3cop.webinar.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A webinar as the secretariat described it, or an event in a room, or both.
 *
 * @param starts the local start time in {@code timezone}
 * @param venue where people come for an in-person or hybrid event; null for an online one
 * @param agenda the sessions, in order; empty when not given
 * @param joinUrl the meeting link, for registrants' emails only; empty when not given
 * @param registrationCloses when registration closes (local time in {@code timezone}), or null for "at the start"
 * @param capacity how many may register, 0 for no limit
 * @param inPersonCapacity how many of them may come to the venue of a hybrid event, 0 for no separate limit
 * @param recordingUrl where to watch the recording afterwards; empty when not given
 */
public record Webinar(
        String id,
        String title,
        String workingGroup,
        LocalDateTime starts,
        ZoneId timezone,
        Duration duration,
        String description,
        List<Speaker> speakers,
        Format format,
        Venue venue,
        List<Session> agenda,
        String joinUrl,
        LocalDateTime registrationCloses,
        int capacity,
        int inPersonCapacity,
        String recordingUrl,
        boolean cancelled) {

    /** The shortest a webinar may last. */
    public static final Duration SHORTEST = Duration.ofMinutes(15);
    /** The longest a webinar may last: what lets a query for those not yet ended start this long ago. */
    public static final Duration LONGEST = Duration.ofHours(8);
    /** The durations a webinar may have, in words: "15 minutes to 8 hours". */
    public static final String ALLOWED_DURATIONS = SHORTEST.toMinutes() + " minutes to " + LONGEST.toHours() + " hours";

    public Webinar {
        speakers = List.copyOf(speakers);
        agenda = List.copyOf(agenda);
        Objects.requireNonNull(format, "format");
        if (!allowedDuration(duration)) {
            throw new IllegalArgumentException("A webinar lasts from " + ALLOWED_DURATIONS + ", not " + duration);
        }
        if (format.inPerson() != (venue != null)) {
            throw new IllegalArgumentException("An in-person or hybrid event has a venue and an online one has none, not "
                    + format.word() + " with " + (venue == null ? "no venue" : "a venue"));
        }
        if (inPersonCapacity != 0 && (format != Format.HYBRID || inPersonCapacity < 0 || capacity > 0 && inPersonCapacity > capacity)) {
            throw new IllegalArgumentException("Only a hybrid event has an in-person capacity, of at most its capacity: not "
                    + inPersonCapacity + " of " + capacity + " for a " + format.word() + " event");
        }
    }

    /** Whether a webinar may last this long: from {@link #SHORTEST} to {@link #LONGEST}. */
    public static boolean allowedDuration(Duration duration) {
        return duration.compareTo(SHORTEST) >= 0 && duration.compareTo(LONGEST) <= 0;
    }

    /** A speaker and their role. */
    public record Speaker(String name, String role) {
    }

    /**
     * A session of the agenda, in the event's local time on its day.
     *
     * @param speakers who speaks, by name; empty when not given
     */
    public record Session(LocalTime starts, LocalTime ends, String title, List<String> speakers) {

        public Session {
            speakers = List.copyOf(speakers);
            if (!ends.isAfter(starts)) {
                throw new IllegalArgumentException("A session ends after it starts, not at " + ends + " when it starts at " + starts);
            }
        }
    }

    public Instant start() {
        return starts.atZone(timezone).toInstant();
    }

    public Instant end() {
        return start().plus(duration);
    }

    public Instant closes() {
        return registrationCloses == null ? start() : registrationCloses.atZone(timezone).toInstant();
    }

    /**
     * Whether registration takes requests at {@code now}: the one rule every page, form and route
     * follows. Not for a cancelled webinar, nor once registration closes or the webinar starts,
     * whichever comes first. Whether places are left is the store's to say.
     */
    public boolean registrationOpen(Instant now) {
        return !cancelled && now.isBefore(closes()) && now.isBefore(start());
    }

    /**
     * The moments at which what a page says of the webinar changes by the clock alone:
     * registration closes, it starts, it ends.
     */
    public List<Instant> milestones() {
        return List.of(closes(), start(), end());
    }
}
