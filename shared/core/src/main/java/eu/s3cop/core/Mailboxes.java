package eu.s3cop.core;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

    /**
     * Large providers of personal mailboxes, where each address is an account someone had to
     * open: one organisation cannot mint addresses there at will, as it can on a domain whose
     * server takes every name (a catch-all), so a cap per domain does not apply to them.
     */
    private static final Set<String> PERSONAL_PROVIDERS = Set.of("gmail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
            "yahoo.com", "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "gmx.at", "web.de",
            "t-online.de", "orange.fr", "free.fr", "laposte.net", "libero.it", "virgilio.it", "wp.pl", "o2.pl", "onet.pl", "seznam.cz",
            "abv.bg", "mail.com", "yandex.com", "zoho.com", "tutanota.com");

    private Mailboxes() {
    }

    /** Whether the domain is a large provider of personal mailboxes, where nobody can make up addresses at will. */
    public static boolean personalProvider(String domain) {
        return PERSONAL_PROVIDERS.contains(domain);
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
