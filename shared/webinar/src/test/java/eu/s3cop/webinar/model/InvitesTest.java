package eu.s3cop.webinar.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class InvitesTest {

    private static Webinar webinar(LocalDateTime starts, boolean cancelled) {
        return new Webinar("bottlenecks-2024", "Understanding the bottlenecks", "innovation-diffusion", starts, ZoneId.of("Europe/Brussels"),
                Duration.ofMinutes(90), "Findings of the brief.", List.of(new Webinar.Speaker("Alison Hunter", "Rapporteur")),
                Format.ONLINE, null, List.of(), "https://example.org/join/abc", null, 0, 0, "", cancelled);
    }

    @Test
    void anInviteIsValidICalendarWithAStableUidSequenceAndUtcTimesAcrossDaylightSaving() throws Exception {
        Instant stamp = Instant.parse("2024-05-01T12:00:00Z");
        String march = Invites.calendar(Invites.Kind.PUBLISH,
                List.of(Invites.Entry.published(webinar(LocalDateTime.parse("2024-03-21T10:00"), false), 3, stamp)), "webinars@example.org");
        String november = Invites.calendar(Invites.Kind.PUBLISH,
                List.of(Invites.Entry.published(webinar(LocalDateTime.parse("2024-11-21T10:00"), false), 3, stamp)), "webinars@example.org");

        VEvent inMarch = event(march);
        assertThat(inMarch.getUid().orElseThrow().getValue()).isEqualTo("webinar-bottlenecks-2024@s3cop.eu");
        assertThat(inMarch.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("3");
        assertThat(march).contains("DTSTART:20240321T090000Z", "DTEND:20240321T103000Z", "DTSTAMP:20240501T120000Z", "METHOD:PUBLISH");
        assertThat(november).contains("DTSTART:20241121T090000Z");
        assertThat(invite(LocalDateTime.parse("2024-05-23T10:00"))).contains("DTSTART:20240523T080000Z");
        // Long lines are folded at 75 octets (CRLF and a space): unfold before reading the text.
        assertThat(march.replace("\r\n ", "")).doesNotContain("example.org/join").contains("Alison Hunter (Rapporteur)");
        assertThat(march).contains("\r\n");
    }

    @Test
    void registrantsGetTheJoinLinkAndCancellationsSayCancelled() throws Exception {
        String request = Invites.calendar(Invites.Kind.REQUEST,
                List.of(new Invites.Entry(webinar(LocalDateTime.parse("2024-05-23T10:00"), false), 1, Instant.now(), "ana@example.org",
                        Attendance.ONLINE)), "webinars@example.org");
        assertThat(request.replace("\r\n ", "")).contains("METHOD:REQUEST", "https://example.org/join/abc", "STATUS:CONFIRMED",
                "ORGANIZER:mailto:webinars@example.org", "ATTENDEE:mailto:ana@example.org");
        event(request);
        String cancel = Invites.calendar(Invites.Kind.CANCEL,
                List.of(new Invites.Entry(webinar(LocalDateTime.parse("2024-05-23T10:00"), true), 2, Instant.now(), "ana@example.org",
                        Attendance.ONLINE)), "webinars@example.org");
        assertThat(cancel).contains("METHOD:CANCEL", "STATUS:CANCELLED", "SEQUENCE:2");
        event(cancel);
    }

    @Test
    void anOnlineWebinarHasNoLocation() throws Exception {
        assertThat(event(invite(LocalDateTime.parse("2024-05-23T10:00"))).getProperty("LOCATION")).isEmpty();
    }

    @Test
    void anEventInARoomHasItsVenueAsLocationInEveryInvite() throws Exception {
        for (Format format : List.of(Format.IN_PERSON, Format.HYBRID)) {
            Webinar forum = inARoom(format);
            for (Invites.Entry entry : List.of(Invites.Entry.published(forum, 0, Instant.EPOCH),
                    new Invites.Entry(forum, 0, Instant.EPOCH, "ana@example.org", Attendance.IN_PERSON))) {
                VEvent event = event(Invites.calendar(Invites.Kind.PUBLISH, List.of(entry), "webinars@example.org"));
                assertThat(event.getProperty("LOCATION").orElseThrow().getValue()).as(format.word())
                        .isEqualTo("Conference centre, Carrer de l'Exemple 1, Barcelona, Spain");
            }
        }
    }

    @Test
    void onlyWhoAttendsOnlineGetsTheJoinLink() throws Exception {
        Webinar hybrid = inARoom(Format.HYBRID);
        String inPerson = Invites.calendar(Invites.Kind.REQUEST,
                List.of(new Invites.Entry(hybrid, 0, Instant.EPOCH, "ana@example.org", Attendance.IN_PERSON)), "webinars@example.org");
        String online = Invites.calendar(Invites.Kind.REQUEST,
                List.of(new Invites.Entry(hybrid, 0, Instant.EPOCH, "ana@example.org", Attendance.ONLINE)), "webinars@example.org");
        assertThat(inPerson.replace("\r\n ", "")).doesNotContain("example.org/join").contains("ATTENDEE:mailto:ana@example.org");
        assertThat(online.replace("\r\n ", "")).contains("Join: https://example.org/join/abc");
        assertThat(event(inPerson).getProperty("LOCATION")).isPresent();
        assertThat(event(online).getProperty("LOCATION")).isPresent();
    }

    private static Webinar inARoom(Format format) {
        return new Webinar("s3-forum", "S3 Forum", "industrial-transition", LocalDateTime.parse("2023-11-28T09:00"), ZoneId.of("Europe/Madrid"),
                Duration.ofHours(8), "", List.of(), format, new Venue("Conference centre", "Carrer de l'Exemple 1", "Barcelona", "ES"), List.of(),
                "https://example.org/join/abc", null, 0, 0, "", false);
    }

    private static String invite(LocalDateTime starts) {
        return Invites.calendar(Invites.Kind.PUBLISH,
                List.of(Invites.Entry.published(webinar(starts, false), 0, Instant.EPOCH)), "webinars@example.org");
    }

    private static VEvent event(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.validate().getEntries()).as("iCalendar validation").isEmpty();
        return calendar.<VEvent>getComponents("VEVENT").get(0);
    }
}
