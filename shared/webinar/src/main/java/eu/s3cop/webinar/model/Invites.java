package eu.s3cop.webinar.model;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * Calendar invites (RFC 5545) built with ical4j. Times are written in UTC, so any calendar shows
 * them in its own zone, through daylight-saving changes, without a time-zone database. The UID is
 * stable per webinar; SEQUENCE grows with every change.
 */
public final class Invites {

    /** PUBLISH for the public invite and feed; REQUEST and CANCEL for what registrants receive. */
    public enum Kind { PUBLISH, REQUEST, CANCEL }

    /**
     * One webinar in an invite.
     *
     * @param attendee the registrant's address for their own invite (which then names them, as iTIP
     *     requires), or null for the public invite
     * @param attendance how the registrant takes part: only who attends online gets the meeting link
     */
    public record Entry(Webinar webinar, int sequence, Instant stamp, String attendee, Attendance attendance) {

        /** The public invite, which names nobody and never carries the meeting link. */
        public static Entry published(Webinar webinar, int sequence, Instant stamp) {
            return new Entry(webinar, sequence, stamp, null, Attendance.ONLINE);
        }
    }

    private static final String PRODUCT = "-//European S3 Community of Practice//Webinars//EN";

    private Invites() {
    }

    public static String uid(String webinarId) {
        return "webinar-" + webinarId + "@s3cop.eu";
    }

    /**
     * @param organizer the address invites come from (the SES sender); iTIP requires an ORGANIZER
     */
    public static String calendar(Kind kind, List<Entry> entries, String organizer) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new Method(kind.name()));
        for (Entry entry : entries) {
            calendar.add(event(entry, kind, organizer));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException("The invite could not be written", e);
        } catch (ValidationException e) {
            throw new IllegalStateException("The invite is not valid iCalendar: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static VEvent event(Entry entry, Kind kind, String organizer) {
        Webinar webinar = entry.webinar();
        VEvent event = new VEvent(webinar.start(), webinar.end(), webinar.title());
        event.add(new Uid(uid(webinar.id())));
        // The constructor stamps the clock's time: the stamp is the webinar's last change, so invites are reproducible.
        event.replace(new DtStamp(entry.stamp()));
        event.add(new Organizer(URI.create("mailto:" + organizer)));
        if (entry.attendee() != null) {
            event.add(new Attendee(URI.create("mailto:" + entry.attendee())));
        }
        if (webinar.venue() != null) {
            event.add(new Location(webinar.venue().line()));
        }
        event.add(new Sequence(entry.sequence()));
        event.add(new Status(webinar.cancelled() || kind == Kind.CANCEL ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        StringBuilder description = new StringBuilder(webinar.description().strip());
        if (!webinar.speakers().isEmpty()) {
            description.append(description.length() == 0 ? "" : "\n\n").append("Speakers: ").append(webinar.speakers().stream()
                    .map(speaker -> speaker.role().isEmpty() ? speaker.name() : speaker.name() + " (" + speaker.role() + ")")
                    .collect(Collectors.joining("; ")));
        }
        if (entry.attendee() != null && entry.attendance() == Attendance.ONLINE && !webinar.joinUrl().isEmpty()) {
            description.append("\n\nJoin: ").append(webinar.joinUrl());
        }
        if (!webinar.recordingUrl().isEmpty()) {
            description.append("\n\nRecording: ").append(webinar.recordingUrl());
        }
        if (description.length() > 0) {
            event.add(new Description(description.toString()));
        }
        return event;
    }

}
