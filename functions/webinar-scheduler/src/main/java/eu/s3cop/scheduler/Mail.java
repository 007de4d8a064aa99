package eu.s3cop.scheduler;

import eu.s3cop.webinar.model.Invites;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/**
 * A message to one registrant, as MIME: the text and, when there is one, the calendar invite attached.
 *
 * @param list the mailing-list headers of a message the registrant did not just ask for; null for none
 */
record Mail(String to, String name, String subject, String text, String calendar, Invites.Kind method, ListHeaders list) {

    /**
     * RFC 2919's List-Id and RFC 8058's one-click unsubscribe: mail programs show an
     * "Unsubscribe" button that posts {@code List-Unsubscribe=One-Click} to the https address.
     *
     * @param unsubscribe the https address that cancels the registration when posted to
     */
    record ListHeaders(String id, String unsubscribe) {
    }

    Mail onList(ListHeaders headers) {
        return new Mail(to, name, subject, text, calendar, method, headers);
    }

    private static final Session SESSION = Session.getInstance(new Properties());

    byte[] mime(String from, String fromName, Instant sent) {
        try {
            MimeMessage message = new MimeMessage(SESSION);
            message.setFrom(new InternetAddress(from, fromName, StandardCharsets.UTF_8.name()));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, name, StandardCharsets.UTF_8.name()));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(sent));
            if (list != null) {
                message.setHeader("List-Id", list.id());
                message.setHeader("List-Unsubscribe", "<" + list.unsubscribe() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, StandardCharsets.UTF_8.name());
            MimeMultipart parts = new MimeMultipart("mixed");
            parts.addBodyPart(body);
            if (calendar != null) {
                MimeBodyPart invite = new MimeBodyPart();
                invite.setDataHandler(new DataHandler(new ByteArrayDataSource(calendar.getBytes(StandardCharsets.UTF_8),
                        "text/calendar; charset=UTF-8; method=" + method.name())));
                invite.setHeader("Content-Type", "text/calendar; charset=UTF-8; method=" + method.name());
                invite.setFileName(method == Invites.Kind.CANCEL ? "cancel.ics" : "invite.ics");
                parts.addBodyPart(invite);
            }
            message.setContent(parts);
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException e) {
            throw new IllegalStateException("The email could not be composed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
