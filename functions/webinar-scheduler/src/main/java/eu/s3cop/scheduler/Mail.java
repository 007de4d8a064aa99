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

/** A message to one registrant, as MIME: the text and, when there is one, the calendar invite attached. */
record Mail(String to, String name, String subject, String text, String calendar, Invites.Kind method) {

    private static final Session SESSION = Session.getInstance(new Properties());

    byte[] mime(String from, String fromName, Instant sent) {
        try {
            MimeMessage message = new MimeMessage(SESSION);
            message.setFrom(new InternetAddress(from, fromName, StandardCharsets.UTF_8.name()));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, name, StandardCharsets.UTF_8.name()));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(sent));
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
