package eu.s3cop.testing;

import eu.s3cop.stack.LocalCloud;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** The emails the stack's SES outbox holds. */
public final class SentEmails {

    private SentEmails() {
    }

    /** How many emails each recipient got with each subject, keyed {@code "address | subject"}. */
    public static Map<String, Integer> byRecipientAndSubject(LocalCloud stack) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Path file : stack.outboxMessages()) {
            try (InputStream in = Files.newInputStream(file)) {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                for (Address to : message.getAllRecipients()) {
                    counts.merge(((InternetAddress) to).getAddress() + " | " + message.getSubject(), 1, Integer::sum);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (MessagingException e) {
                throw new IllegalStateException("Not an email: " + file, e);
            }
        }
        return counts;
    }
}
