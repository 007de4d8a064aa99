package eu.s3cop.webinar.model;

import java.util.Arrays;
import java.util.Optional;

/** How one registrant takes part: only who attends online gets the join link. */
public enum Attendance {
    ONLINE("online"),
    IN_PERSON("in-person");

    private final String word;

    Attendance(String word) {
        this.word = word;
    }

    /** The word forms post, the table keeps and the secretariat's list shows. */
    public String word() {
        return word;
    }

    public static Optional<Attendance> of(String word) {
        return Arrays.stream(values()).filter(attendance -> attendance.word.equals(word)).findFirst();
    }
}
