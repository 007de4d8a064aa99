package eu.s3cop.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MailboxesTest {

    @Test
    void gmailSpellingsOfOneInboxAreOneMailbox() {
        List<String> spellings = List.of("victim@gmail.com", "v.ictim@gmail.com", "vi.ctim@gmail.com", "v.i.c.t.i.m@gmail.com",
                "Victim@Gmail.com", "victim+webinar@gmail.com", "v.ictim+1@googlemail.com", "VICTIM@GOOGLEMAIL.COM", " victim@gmail.com. ");
        assertThat(spellings.stream().map(Mailboxes::canonical).distinct()).containsExactly("victim@gmail.com");
        assertThat(spellings.stream().map(Mailboxes::domain).distinct()).containsExactly("gmail.com");
    }

    @Test
    void subAddressesAreOneMailboxEverywhereButDotsOnlyAtGmail() {
        assertThat(Mailboxes.canonical("jana+s3cop@example.org")).isEqualTo("jana@example.org");
        assertThat(Mailboxes.canonical("jana.novak@example.org")).as("other providers deliver dotted names apart")
                .isNotEqualTo(Mailboxes.canonical("jananovak@example.org"));
        assertThat(Mailboxes.canonical("+tag@example.org")).as("an address that is only a sub-address stays as it is").isEqualTo("+tag@example.org");
        assertThat(Mailboxes.canonical("...@gmail.com")).as("never an empty local part").isEqualTo("...@gmail.com");
    }

    @Test
    void domainsAreCountedByTheServersTheyName() {
        assertThat(Mailboxes.domain("a@Sub.Example.org")).isEqualTo("sub.example.org");
        assertThat(Mailboxes.domain("a@example.org")).isNotEqualTo(Mailboxes.domain("a@sub.example.org"));
    }

    @Test
    void onlyLargePersonalMailboxProvidersAreTakenAsPlacesNobodyMakesUpAddresses() {
        assertThat(Mailboxes.personalProvider(Mailboxes.domain("v.ictim@GoogleMail.com"))).isTrue();
        assertThat(Mailboxes.personalProvider(Mailboxes.domain("someone@outlook.com"))).isTrue();
        assertThat(Mailboxes.personalProvider(Mailboxes.domain("anyone@catchall.example"))).isFalse();
        assertThat(Mailboxes.personalProvider(Mailboxes.domain("someone@mail.gmail.com.example"))).as("a look-alike is not the provider").isFalse();
    }
}
