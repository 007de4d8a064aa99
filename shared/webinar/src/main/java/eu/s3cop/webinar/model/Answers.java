package eu.s3cop.webinar.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a registrant says about taking part when confirming: how they attend (asked only of a
 * hybrid event's registrants; the event's format decides for the others) and, optionally, their
 * organisation, its country and its kind. The organisation is personal data and expires with the
 * registration; the country and the kind are also counted, without anything else, for the
 * event's figures.
 *
 * @param organisation the organisation's name; empty when not given
 * @param country an ISO 3166-1 alpha-2 code; empty when not given
 * @param kind empty when not given
 */
public record Answers(Attendance attendance, String organisation, String country, Optional<OrganisationKind> kind) {

    /** The longest organisation name taken, which is longer than any real one. */
    public static final int ORGANISATION_LENGTH = 200;

    /** Printable text on one line: control characters and line breaks would break the list and the emails. */
    private static final Pattern ONE_LINE = Pattern.compile("[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]*");

    public Answers {
        if (organisation.length() > ORGANISATION_LENGTH || !ONE_LINE.matcher(organisation).matches()) {
            throw new IllegalArgumentException("organisation is at most " + ORGANISATION_LENGTH + " characters on one line, without control characters.");
        }
        if (!country.isEmpty() && !Venue.knownCountry(country)) {
            throw new IllegalArgumentException("country is an ISO 3166-1 alpha-2 code such as BE, or empty.");
        }
    }

    /** No answers but how the event's format has everyone attend; a hybrid event's registrant is then taken to attend online. */
    public static Answers none(Format format) {
        return new Answers(attendanceIn(format, null), "", "", Optional.empty());
    }

    /**
     * How a registrant attends an event of this format: as the format says, but for a hybrid
     * event, where it is their choice (online when they make none).
     */
    public static Attendance attendanceIn(Format format, Attendance chosen) {
        return switch (format) {
            case ONLINE -> Attendance.ONLINE;
            case IN_PERSON -> Attendance.IN_PERSON;
            case HYBRID -> chosen == null ? Attendance.ONLINE : chosen;
        };
    }
}
