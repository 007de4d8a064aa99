package eu.s3cop.scheduler;

import eu.s3cop.webinar.store.Suppressions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What SES reports of the mail it took, through EventBridge: a bounce for good (the address does
 * not exist, or refuses our mail) or a complaint (marked as spam). Each names the recipients it
 * concerns; those are the mailboxes never to write to again. A bounce that SES may yet deliver
 * ({@code Transient}, a full mailbox) suppresses nobody.
 */
final class SendingFeedback {

    /** An address the feedback is about, and why it is to be suppressed. */
    record Recipient(String email, Suppressions.Reason reason) {
    }

    private SendingFeedback() {
    }

    /** Whether the event is SES's feedback, as the template's rule passes it, rather than a stream batch or a schedule. */
    static boolean is(Map<String, Object> event) {
        return "aws.ses".equals(event.get("source"));
    }

    /** The recipients to suppress that the event names; none for any other kind of event. */
    static List<Recipient> recipients(Map<String, Object> event) {
        Map<?, ?> detail = map(event.get("detail"));
        List<Recipient> recipients = new ArrayList<>();
        switch (String.valueOf(detail.get("eventType"))) {
            case "Bounce" -> {
                Map<?, ?> bounce = map(detail.get("bounce"));
                if ("Permanent".equals(bounce.get("bounceType"))) {
                    addresses(bounce.get("bouncedRecipients")).forEach(email -> recipients.add(new Recipient(email, Suppressions.Reason.BOUNCE)));
                }
            }
            case "Complaint" -> addresses(map(detail.get("complaint")).get("complainedRecipients"))
                    .forEach(email -> recipients.add(new Recipient(email, Suppressions.Reason.COMPLAINT)));
            default -> {
                // Deliveries, opens and the like are not published to this rule; nothing to do if one comes.
            }
        }
        return recipients;
    }

    private static List<String> addresses(Object list) {
        List<String> addresses = new ArrayList<>();
        if (list instanceof List<?> entries) {
            for (Object entry : entries) {
                if (map(entry).get("emailAddress") instanceof String email && email.contains("@")) {
                    addresses.add(email);
                }
            }
        }
        return addresses;
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> found ? found : Map.of();
    }
}
