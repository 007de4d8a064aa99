package eu.s3cop.core;

import java.util.Locale;
import java.util.Map;

/**
 * Which mailbox an address reaches, for every limit that counts per person or per domain.
 * Providers deliver many spellings to one inbox: a sub-address ({@code name+tag@}) reaches
 * {@code name@} almost everywhere, and Gmail ignores dots in the local part and takes
 * googlemail.com for gmail.com. Counting spellings apart would let a stranger send one person a
 * link per spelling; counting them together is what the person would call "my address". The
 * canonical form is for counting only: mail still goes to the address as typed.
 */
public final class Mailboxes {

    /** Domains that are another name for a provider's own, mapped to the one they stand for. */
    private static final Map<String, String> SAME_PROVIDER = Map.of("googlemail.com", "gmail.com");

    private Mailboxes() {
    }

    /**
     * The mailbox {@code email} reaches, lower-cased: without a sub-address, on the provider's own
     * domain, and for Gmail without dots. {@code V.ictim+1@GoogleMail.com} is {@code victim@gmail.com}.
     */
    public static String canonical(String email) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return address;
        }
        String local = address.substring(0, at);
        String domain = domain(address);
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        if (domain.equals("gmail.com")) {
            String undotted = local.replace(".", "");
            local = undotted.isEmpty() ? local : undotted;
        }
        return local + "@" + domain;
    }

    /** The domain whose mail servers take the address, lower-cased, with a provider's other names folded into its own. */
    public static String domain(String email) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        String domain = address.substring(address.lastIndexOf('@') + 1);
        while (domain.endsWith(".")) {
            // "example.org." is the same domain written as fully qualified.
            domain = domain.substring(0, domain.length() - 1);
        }
        return SAME_PROVIDER.getOrDefault(domain, domain);
    }
}
