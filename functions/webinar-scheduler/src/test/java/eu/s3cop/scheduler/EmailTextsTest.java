package eu.s3cop.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.webinar.model.Attendance;
import eu.s3cop.webinar.model.Format;
import eu.s3cop.webinar.model.Notice;
import eu.s3cop.webinar.model.Venue;
import eu.s3cop.webinar.model.Webinar;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every kind of email has its words in {@code emails.properties}, and what a secretariat or a
 * registrant typed reaches the email as typed: MessageFormat reads only the template, so braces
 * and apostrophes in a title or a name are not taken for placeholders.
 */
class EmailTextsTest {

    private static final Webinar WEBINAR = new Webinar("regions-that-learn", "Regions' {1} \"learning\" labs", "industrial-transition",
            LocalDateTime.of(2027, 3, 4, 10, 30), ZoneId.of("Europe/Brussels"), Duration.ofMinutes(90), "", List.of(),
            Format.ONLINE, null, List.of(), "https://example.org/join/room", null, 0, 0, "https://example.org/recording", false);

    private static final String PAGE = "https://s3cop.example.org/webinars/regions-that-learn/registrations/t0k3n";

    @ParameterizedTest
    @EnumSource(value = Notice.class, names = "LINK", mode = EnumSource.Mode.EXCLUDE)
    void eachKindOfEmailToARegistrantNamesTheWebinarAndTheRegistrantAndLeadsToTheRegistrationsPage(Notice notice) {
        EmailTexts.Text text = EmailTexts.of(notice, false, WEBINAR, Attendance.ONLINE, "Zoë {0} O'Brien", PAGE,
                notice == Notice.OFFER ? java.time.Instant.parse("2027-03-03T17:00:00Z") : null);
        assertThat(text.subject()).contains("Regions' {1} \"learning\" labs").doesNotContain("\n");
        assertThat(text.body()).startsWith("Dear Zoë {0} O'Brien,").contains("Regions' {1} \"learning\" labs")
                .contains("to cancel it (which deletes your name and address): " + PAGE)
                .endsWith("S3 CoP secretariat\n").doesNotContain("{2}", "{3}", "{4}", "{5}", "{8}");
    }

    @org.junit.jupiter.api.Test
    void anOfferSaysUntilWhenThePlaceIsHeldInTheWebinarsOwnZone() {
        EmailTexts.Text offer = EmailTexts.of(Notice.OFFER, false, WEBINAR, Attendance.ONLINE, "Ana", PAGE, java.time.Instant.parse("2027-03-03T17:00:00Z"));
        assertThat(offer.subject()).isEqualTo("A place is free for you: Regions' {1} \"learning\" labs");
        assertThat(offer.body()).contains("held for you until Wednesday 3 March 2027, 18:00 (Europe/Brussels)", PAGE, "goes to the next person")
                .doesNotContain("Join here");
    }

    @Test
    void theLinkToConfirmCarriesNoNameForWhoeverAskedMayNotOwnTheAddress() {
        EmailTexts.Text pending = EmailTexts.of(Notice.LINK, true, WEBINAR, Attendance.ONLINE, "Mallory", PAGE, null);
        // How long the link works is the store's rule, stated from the constant that enforces it.
        assertThat(pending.body()).contains("works for " + eu.s3cop.core.Durations.inWords(eu.s3cop.webinar.store.Registrations.PENDING_FOR) + ".");
        assertThat(pending.subject()).isEqualTo("Confirm your registration: Regions' {1} \"learning\" labs");
        assertThat(pending.body()).startsWith("Hello,").contains(PAGE, "press Confirm", "works for 24 hours").doesNotContain("Mallory", "{2}", "{4}");
        EmailTexts.Text registered = EmailTexts.of(Notice.LINK, false, WEBINAR, Attendance.ONLINE, "Mallory", PAGE, null);
        assertThat(registered.subject()).isEqualTo("Your registration: Regions' {1} \"learning\" labs");
        assertThat(registered.body()).startsWith("Hello,").contains(PAGE, "is registered").doesNotContain("Mallory");
    }

    @Test
    void theConfirmationSaysWhenWhereToJoinAndHowToCancel() {
        String body = EmailTexts.of(Notice.CONFIRMATION, false, WEBINAR, Attendance.ONLINE, "Ana", PAGE, null).body();
        assertThat(body).contains("on Thursday 4 March 2027, 10:30 (Europe/Brussels, 90 minutes).")
                .contains("Join here: https://example.org/join/room")
                .contains(PAGE);
    }

    @Test
    void aWebinarWithoutAJoinLinkGetsNoJoinLine() {
        Webinar noLink = new Webinar(WEBINAR.id(), WEBINAR.title(), WEBINAR.workingGroup(), WEBINAR.starts(), WEBINAR.timezone(),
                WEBINAR.duration(), "", List.of(), Format.ONLINE, null, List.of(), "", null, 0, 0, "", false);
        assertThat(EmailTexts.of(Notice.REMINDER_HOUR_BEFORE, false, noLink, Attendance.ONLINE, "Ana", PAGE, null).body()).doesNotContain("Join here");
    }

    @Test
    void anEventInARoomSaysWhereAndGivesTheJoinLinkOnlyToWhoAttendsOnline() {
        Webinar hybrid = new Webinar(WEBINAR.id(), WEBINAR.title(), WEBINAR.workingGroup(), WEBINAR.starts(), WEBINAR.timezone(),
                WEBINAR.duration(), "", List.of(), Format.HYBRID, new Venue("Forum venue", "", "Barcelona", "ES"), List.of(),
                WEBINAR.joinUrl(), null, 0, 0, "", false);
        for (Notice notice : List.of(Notice.CONFIRMATION, Notice.UPDATE, Notice.REMINDER_DAY_BEFORE, Notice.REMINDER_HOUR_BEFORE)) {
            String inPerson = EmailTexts.of(notice, false, hybrid, Attendance.IN_PERSON, "Ana", PAGE, null).body();
            String online = EmailTexts.of(notice, false, hybrid, Attendance.ONLINE, "Ana", PAGE, null).body();
            assertThat(inPerson).as(notice.name()).contains("Where: Forum venue, Barcelona, Spain").doesNotContain("Join here", "example.org/join");
            assertThat(online).as(notice.name()).contains("Where: Forum venue, Barcelona, Spain", "Join here: https://example.org/join/room");
        }
        assertThat(EmailTexts.of(Notice.CONFIRMATION, false, WEBINAR, Attendance.ONLINE, "Ana", PAGE, null).body()).doesNotContain("Where:");
    }

    @Test
    void theRecordingEmailGivesTheRecording() {
        assertThat(EmailTexts.of(Notice.RECORDING, false, WEBINAR, Attendance.ONLINE, "Ana", PAGE, null).body()).contains("is online: https://example.org/recording");
    }

    @org.junit.jupiter.api.Test
    void newsSaysWhatCameAndHowToLeaveWithWhatARapporteurTypedAsTyped() {
        String manage = "https://s3cop.example.org/subscriptions/t0k3n";
        String scope = EmailTexts.newsScope("industrial-transition", "Industrial Transition");
        EmailTexts.Text first = EmailTexts.announcement("Regions' {1} labs", "Policy brief", "Industrial Transition working group", 1, "", "https://r", "https://p",
                scope, manage, null);
        assertThat(first.subject()).isEqualTo("New publication: Regions' {1} labs");
        assertThat(first.body()).contains("Policy brief of the Industrial Transition working group.", "Read it: https://r",
                "new publications of the Industrial Transition working group", "(which deletes your address at once): " + manage)
                .doesNotContain("{4}", "{7}");
        assertThat(EmailTexts.announcement("T", "Policy brief", "Industrial Transition working group", 3, "S", "r", "p", scope, manage, null).subject())
                .isEqualTo("New version 3: T");
        EmailTexts.Text translation = EmailTexts.announcement("T", "Concept note", "Industrial Transition working group", 1, "A summary.", "r", "p", scope,
                manage, "English");
        assertThat(translation.subject()).isEqualTo("New translation (English): T");
        assertThat(translation.body()).startsWith("Concept note of the Industrial Transition working group, translated into English.").contains("\nA summary.\n");
        EmailTexts.Text digest = EmailTexts.digest(java.time.LocalDate.of(2026, 12, 7),
                EmailTexts.digestEntry("T {0}", "Policy brief", "Industrial Transition working group", 2, "https://r"), scope, manage);
        assertThat(digest.subject()).isEqualTo("S3 CoP publications of the week of 7 December 2026");
        assertThat(digest.body()).contains("- T {0}\n  Policy brief, Industrial Transition working group, version 2\n  https://r", manage);
        assertThat(EmailTexts.newsLink(false, scope, EmailTexts.newsFrequency("weekly"), manage).body())
                .contains("once a week", manage, "The link works for 24 hours");
    }
}
