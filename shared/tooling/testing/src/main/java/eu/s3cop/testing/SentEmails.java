package eu.s3cop.testing;

import eu.s3cop.stack.LocalCloud;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The emails the stack's SES outbox holds. */
public final class SentEmails {

    private static final Pattern PAGE = Pattern.compile("https?://\\S+/webinars/[a-z0-9-]+/registrations/[A-Za-z0-9_-]+");
    private static final Pattern SUBSCRIPTION = Pattern.compile("https?://\\S+/subscriptions/[A-Za-z0-9_-]+");

    private SentEmails() {
    }

    /**
     * The address of the registration page in the last email with this subject: the link a
     * registrant follows from their inbox.
     */
    public static String registrationPage(LocalCloud stack, String subject) {
        return link(stack, subject, PAGE, "a registration's page");
    }

    /** The address of the subscription page in the last email with this subject: the link a subscriber follows. */
    public static String subscriptionPage(LocalCloud stack, String subject) {
        return link(stack, subject, SUBSCRIPTION, "a subscription's page");
    }

    private static String link(LocalCloud stack, String subject, Pattern pattern, String what) {
        String page = null;
        for (Path file : stack.outboxMessages()) {
            try (InputStream in = Files.newInputStream(file)) {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                if (subject.equals(message.getSubject())) {
                    Matcher link = pattern.matcher(String.valueOf(((Multipart) message.getContent()).getBodyPart(0).getContent()));
                    if (!link.find()) {
                        throw new AssertionError("The email \"" + subject + "\" has no link to " + what);
                    }
                    page = link.group();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (MessagingException e) {
                throw new IllegalStateException("Not an email: " + file, e);
            }
        }
        if (page == null) {
            throw new AssertionError("No email \"" + subject + "\" in the outbox");
        }
        return page;
    }

    /** Every email in the outbox, oldest first, as a mail program reads it. */
    public static List<MimeMessage> all(LocalCloud stack) {
        List<MimeMessage> messages = new ArrayList<>();
        for (Path file : stack.outboxMessages()) {
            try (InputStream in = Files.newInputStream(file)) {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                message.getContent();
                messages.add(message);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (MessagingException e) {
                throw new IllegalStateException("Not an email: " + file, e);
            }
        }
        return messages;
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
