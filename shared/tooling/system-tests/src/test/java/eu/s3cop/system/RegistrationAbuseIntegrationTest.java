package eu.s3cop.system;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.core.Mailboxes;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.testing.LocalAws;
import eu.s3cop.testing.LoopbackClients;
import eu.s3cop.testing.SentEmails;
import eu.s3cop.webinar.model.Format;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Registration as an attacker with a script would try to turn it against people, through the
 * HTTP API from many client addresses, with the emails read from the outbox: each attempt gets
 * the safe answer, and no inbox gets more than the rules allow. Each test has webinars and
 * address domains of its own, so that the daily counts of one do not reach another's.
 */
@LocalAws(parameters = "RegistrationLinksPerDomainPerDay=5")
class RegistrationAbuseIntegrationTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final HttpClient http = HttpClient.newHttpClient();
    /** Every request comes from a client address of its own unless a test says otherwise. */
    private static final AtomicInteger clients = new AtomicInteger(100);
    private static LocalCloud stack;

    @BeforeAll
    static void webinars(LocalCloud localCloud) {
        stack = localCloud;
        DynamoDbWebinarStore store = new DynamoDbWebinarStore(stack.dynamoDbClient(), "s3cop-webinars");
        LocalDateTime inTenDays = LocalDateTime.now(BRUSSELS).plusDays(10).truncatedTo(ChronoUnit.HOURS);
        for (String id : List.of("aliases", "repeats", "catch-all", "sub-addresses", "elsewhere", "bounces", "bounces-later", "complaints",
                "complaints-later")) {
            store.save(webinar(id, inTenDays), id, Instant.now());
        }
        // Starts within the day: confirming brings the day-before reminder at once, an email the registrant did not ask for.
        store.save(webinar("tonight", LocalDateTime.now(BRUSSELS).plusHours(10).truncatedTo(ChronoUnit.MINUTES)), "tonight", Instant.now());
        stack.awaitIdle(Duration.ofSeconds(60));
    }

    private static Webinar webinar(String id, LocalDateTime starts) {
        return new Webinar(id, "Webinar " + id, "innovation-diffusion", starts, BRUSSELS, Duration.ofMinutes(60), "About " + id + ".",
                List.of(), Format.ONLINE, null, List.of(), "https://example.org/join/" + id, null, 0, 0, "", false);
    }

    @Test
    void twelveSpellingsOfOneGmailAddressAreOneRegistrationAndOneLink() {
        List<String> spellings = List.of("victim@gmail.com", "v.ictim@gmail.com", "vi.ctim@gmail.com", "vic.tim@gmail.com", "vict.im@gmail.com",
                "victi.m@gmail.com", "v.i.ctim@gmail.com", "V.ICTIM@gmail.com", "victim+a@gmail.com", "v.ictim+b@googlemail.com",
                "victim@googlemail.com", "vi.c.tim@googlemail.com");
        List<LoopbackClients.Response> answers = spellings.stream().map(email -> register("aliases", email, nextClient())).toList();
        assertThat(answers).extracting(LoopbackClients.Response::status).containsOnly(202);
        assertThat(answers).extracting(LoopbackClients.Response::body).as("every spelling answered alike").containsOnly(answers.get(0).body());
        stack.awaitIdle(Duration.ofSeconds(60));
        assertThat(emails("aliases", to(address -> Mailboxes.canonical(address).equals("victim@gmail.com"))))
                .as("one inbox, one link, whatever the spelling").hasSize(1);
    }

    @Test
    void aClientRepeatingItselfIsHeldBackAloneAndRepeatsUseNothingOfTheWebinarsMinute() {
        // 130 posts of one address in a burst, from thirteen clients: none sends a second link, so none counts against the webinar.
        List<Integer> statuses = new ArrayList<>();
        for (int client = 0; client < 13; client++) {
            String from = nextClient();
            for (int i = 0; i < 10; i++) {
                statuses.add(register("repeats", "same-person@repeats.example", from).status());
            }
        }
        assertThat(statuses).containsOnly(202);
        assertThat(register("repeats", "next-visitor@next.example", nextClient()).status()).as("the next visitor is not held back").isEqualTo(202);

        String script = nextClient();
        List<LoopbackClients.Response> burst = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            burst.add(register("repeats", "script-" + i + "@script" + i + ".example", script));
        }
        assertThat(burst.subList(0, 10)).extracting(LoopbackClients.Response::status).containsOnly(202);
        assertThat(burst.subList(10, 15)).extracting(LoopbackClients.Response::status).as("a client past its minute").containsOnly(429);
        assertThat(burst.get(14).body()).contains("You have sent 10 registration requests in the last minute");
        assertThat(burst.get(14).headers()).containsEntry("retry-after", "60");
        assertThat(register("repeats", "another-visitor@another.example", nextClient()).status()).as("others are not").isEqualTo(202);

        stack.awaitIdle(Duration.ofSeconds(60));
        assertThat(emails("repeats", to(address -> address.equals("same-person@repeats.example")))).hasSize(1);
        assertThat(emails("repeats", to(address -> address.startsWith("script-")))).as("only what the client was let send").hasSize(10);
    }

    @Test
    void aCatchAllDomainGetsItsDailyLinksAndThenAClearRefusal() {
        List<LoopbackClients.Response> answers = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            answers.add(register("catch-all", "random" + i + "@catchall.example", nextClient()));
        }
        assertThat(answers.subList(0, 5)).extracting(LoopbackClients.Response::status).containsOnly(202);
        assertThat(answers.subList(5, 7)).extracting(LoopbackClients.Response::status).containsOnly(429);
        assertThat(answers.get(6).body()).contains("Addresses at catchall.example have been sent as many registration emails as one domain gets in a day")
                .doesNotContain("random7");
        assertThat(Long.parseLong(answers.get(6).headers().get("retry-after"))).isBetween(1L, 86_400L);
        assertThat(register("catch-all", "someone@elsewhere.example", nextClient()).status()).as("other domains go on").isEqualTo(202);
        stack.awaitIdle(Duration.ofSeconds(60));
        assertThat(emails("catch-all", to(address -> address.endsWith("@catchall.example")))).hasSize(5);
    }

    @Test
    void subAddressesCannotUseUpAPersonsLinks() {
        for (int i = 1; i <= 10; i++) {
            assertThat(register("sub-addresses", "victim+" + i + "@victim.example", nextClient()).status()).isEqualTo(202);
        }
        stack.awaitIdle(Duration.ofSeconds(60));
        assertThat(emails("sub-addresses", to(address -> Mailboxes.canonical(address).equals("victim@victim.example"))))
                .as("ten sub-addresses of one mailbox are one registration, linked once").hasSize(1);
        assertThat(register("elsewhere", "victim@victim.example", nextClient()).status()).isEqualTo(202);
        stack.awaitIdle(Duration.ofSeconds(60));
        assertThat(emails("elsewhere", to(address -> address.equals("victim@victim.example")))).as("the person registers elsewhere").hasSize(1);
    }

    @Test
    void anAddressThatBouncedOrComplainedIsNeverWrittenToAgain() {
        for (String kind : List.of("bounce", "complaint")) {
            String webinar = kind.equals("bounce") ? "bounces" : "complaints";
            assertThat(register(webinar, kind + "@simulator.amazonses.com", nextClient()).status()).isEqualTo(202);
            stack.awaitIdle(Duration.ofSeconds(60));
            assertThat(emails(webinar, to(address -> address.startsWith(kind)))).as("the first link goes out, and SES reports the " + kind).hasSize(1);

            LoopbackClients.Response later = register(webinar + "-later", kind + "+again@simulator.amazonses.com", nextClient());
            assertThat(later.status()).as("answered as any other address").isEqualTo(202);
            assertThat(later.body()).isEqualTo(register(webinar + "-later", "fresh-" + kind + "@fresh-" + kind + ".example", nextClient()).body());
            stack.awaitIdle(Duration.ofSeconds(60));
            assertThat(emails(webinar + "-later", to(address -> address.startsWith(kind)))).as("nothing more to that mailbox").isEmpty();
            assertThat(emails(webinar + "-later", to(address -> address.startsWith("fresh-")))).hasSize(1);
        }
    }

    @Test
    void emailsNobodyJustAskedForCarryOneClickUnsubscribeWhichCancels() throws Exception {
        String[][] cases = {{"form@unsubscribe-form.example", "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click"},
                {"multipart@unsubscribe-multipart.example", "multipart/form-data; boundary=----b",
                        "------b\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n------b--\r\n"}};
        for (String[] unsubscriber : cases) {
            String email = unsubscriber[0];
            assertThat(register("tonight", email, nextClient()).status()).isEqualTo(202);
            stack.awaitIdle(Duration.ofSeconds(60));
            String page = pageIn(single(emails("tonight", to(email::equals))));
            assertThat(post(page, "application/x-www-form-urlencoded", "action=confirm").statusCode()).isEqualTo(200);
            stack.awaitIdle(Duration.ofSeconds(60));

            List<MimeMessage> received = emails("tonight", to(email::equals));
            assertThat(received).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder("Confirm your registration: Webinar tonight",
                    "You are registered: Webinar tonight", "Reminder (tomorrow): Webinar tonight");
            for (MimeMessage message : received) {
                boolean asked = !message.getSubject().startsWith("Reminder");
                assertThat(message.getHeader("List-Unsubscribe") == null).as(message.getSubject() + ": an answer to the person's own action has none")
                        .isEqualTo(asked);
            }
            MimeMessage reminder = received.stream().filter(message -> subject(message).startsWith("Reminder")).findFirst().orElseThrow();
            assertThat(reminder.getHeader("List-Id", null)).isEqualTo("<tonight.webinars.s3cop.example.org>");
            assertThat(reminder.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
            String unsubscribe = reminder.getHeader("List-Unsubscribe", null);
            assertThat(unsubscribe).isEqualTo("<" + page + ">");

            // What a mail program's Unsubscribe button does (RFC 8058): no page, no token typed, one POST.
            HttpResponse<String> oneClick = post(unsubscribe.substring(1, unsubscribe.length() - 1), unsubscriber[1], unsubscriber[2]);
            assertThat(oneClick.statusCode()).as(oneClick.body()).isEqualTo(200);
            assertThat(oneClick.body()).contains("Your registration is cancelled");
            assertThat(http.send(HttpRequest.newBuilder(URI.create(page)).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as("the registration is gone").isEqualTo(404);
        }
    }

    private static String nextClient() {
        return LoopbackClients.address(clients.incrementAndGet());
    }

    private static LoopbackClients.Response register(String webinar, String email, String client) {
        return LoopbackClients.post(client, URI.create(stack.httpEndpoint().orElseThrow() + "/webinars/" + webinar + "/registrations"),
                "application/json", "{\"name\": \"Ana Novak\", \"email\": \"" + email + "\"}", Map.of());
    }

    private static HttpResponse<String> post(String page, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(page)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The emails about the webinar whose recipient passes {@code recipient}. */
    private static List<MimeMessage> emails(String webinar, Predicate<MimeMessage> recipient) {
        return SentEmails.all(stack).stream().filter(message -> subject(message).endsWith(": Webinar " + webinar)).filter(recipient).toList();
    }

    private static Predicate<MimeMessage> to(Predicate<String> address) {
        return message -> {
            try {
                Address[] recipients = message.getAllRecipients();
                return recipients != null && List.of(recipients).stream().anyMatch(to -> address.test(((InternetAddress) to).getAddress()));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage single(List<MimeMessage> messages) {
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private static String pageIn(MimeMessage message) throws Exception {
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("https?://\\S+/webinars/[a-z0-9-]+/registrations/[A-Za-z0-9_-]+")
                .matcher(String.valueOf(((jakarta.mail.Multipart) message.getContent()).getBodyPart(0).getContent()));
        assertThat(link.find()).isTrue();
        return link.group();
    }
}
