package eu.s3cop.core;

import java.time.Duration;

/**
 * A rule's duration as the texts people read say it, made from the constant that enforces the
 * rule, so that a page or an email can never promise another time than the code keeps.
 */
public final class Durations {

    private Durations() {
    }

    /** "24 hours", "an hour", "90 minutes", "a minute": whole hours when it is a whole number of them. */
    public static String inWords(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes % 60 == 0) {
            long hours = minutes / 60;
            return hours == 1 ? "an hour" : hours + " hours";
        }
        return minutes == 1 ? "a minute" : minutes + " minutes";
    }

    /** How often at most, in words: "once an hour", "once every 2 hours". */
    public static String once(Duration interval) {
        String words = inWords(interval);
        return words.startsWith("a") ? "once " + words : "once every " + words;
    }
}
