package eu.s3cop.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.webinar.model.Notice;
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
            "https://example.org/join/room", null, 0, "https://example.org/recording", false);

    @ParameterizedTest
    @EnumSource(Notice.class)
    void eachKindOfEmailHasASubjectAndABodyThatNameTheWebinarAndTheRegistrant(Notice notice) {
        EmailTexts.Text text = EmailTexts.of(notice, WEBINAR, "Zoë {0} O'Brien", "/webinars/regions-that-learn/registrations/t0k3n");
        assertThat(text.subject()).contains("Regions' {1} \"learning\" labs").doesNotContain("\n");
        assertThat(text.body()).startsWith("Dear Zoë {0} O'Brien,").contains("Regions' {1} \"learning\" labs")
                .endsWith("S3 CoP secretariat\n").doesNotContain("{2}", "{3}", "{4}", "{5}");
    }

    @Test
    void theConfirmationSaysWhenWhereToJoinAndHowToCancel() {
        String body = EmailTexts.of(Notice.CONFIRMATION, WEBINAR, "Ana", "/webinars/regions-that-learn/registrations/t0k3n").body();
        assertThat(body).contains("on Thursday 4 March 2027, 10:30 (Europe/Brussels, 90 minutes).")
                .contains("Join here: https://example.org/join/room")
                .contains("DELETE /webinars/regions-that-learn/registrations/t0k3n");
    }

    @Test
    void aWebinarWithoutAJoinLinkGetsNoJoinLine() {
        Webinar noLink = new Webinar(WEBINAR.id(), WEBINAR.title(), WEBINAR.workingGroup(), WEBINAR.starts(), WEBINAR.timezone(),
                WEBINAR.duration(), "", List.of(), "", null, 0, "", false);
        assertThat(EmailTexts.of(Notice.REMINDER_HOUR_BEFORE, noLink, "Ana", "").body()).doesNotContain("Join here");
    }

    @Test
    void theRecordingEmailGivesTheRecording() {
        assertThat(EmailTexts.of(Notice.RECORDING, WEBINAR, "Ana", "").body()).contains("is online: https://example.org/recording");
    }
}
