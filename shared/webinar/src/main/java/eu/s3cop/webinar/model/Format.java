package eu.s3cop.webinar.model;

import java.util.Arrays;
import java.util.Optional;

/** How people take part in an event: on a screen, in a room, or either. */
public enum Format {
    ONLINE("online"),
    IN_PERSON("in-person"),
    HYBRID("hybrid");

    /** The words a webinar file may give, for its problems. */
    public static final String WORDS = "online, in-person or hybrid";

    private final String word;

    Format(String word) {
        this.word = word;
    }

    /** The word the webinar file and the API's JSON use. */
    public String word() {
        return word;
    }

    public static Optional<Format> of(String word) {
        return Arrays.stream(values()).filter(format -> format.word.equals(word)).findFirst();
    }

    /** Whether some people join from a screen, and so need the join link. */
    public boolean online() {
        return this != IN_PERSON;
    }

    /** Whether some people come to a venue. */
    public boolean inPerson() {
        return this != ONLINE;
    }
}
