package eu.s3cop.system;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.stack.LocalCloud;
import eu.s3cop.stack.lambda.Invocation;
import eu.s3cop.testing.LocalAws;
import eu.s3cop.testing.SentEmails;
import eu.s3cop.webinar.model.Format;
import eu.s3cop.webinar.model.Venue;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.webinar.store.StoredWebinar;
import eu.s3cop.webinar.store.WaitingList;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
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
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A full webinar's waiting list, as visitors meet it through the HTTP API and their inboxes:
 * late confirmations queue in order; a cancellation offers the place to the first in line alone,
 * by email, who takes it from the link; an offer not taken passes to the next; and however many
 * confirm at once, and however the scheduler's runs repeat, no place is ever taken twice. The
 * addresses of one domain hold at most their share of an event's places (two here), so a domain
 * that takes every name cannot fill it; the rest wait in their domain's line.
 */
@LocalAws(parameters = {"RegistrationRequestsPerClientPerMinute=1000", "RegistrationPlacesPerDomain=2"})
class WaitingListIntegrationTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final Pattern PAGE = Pattern.compile("https?://\\S+/webinars/[a-z0-9-]+/registrations/[A-Za-z0-9_-]+");
    private static final HttpClient http = HttpClient.newHttpClient();
    private static LocalCloud stack;
    private static DynamoDbWebinarStore store;

    @BeforeAll
    static void webinars(LocalCloud localCloud) {
        stack = localCloud;
        store = new DynamoDbWebinarStore(stack.dynamoDbClient(), "s3cop-webinars");
        LocalDateTime inTenDays = LocalDateTime.now(BRUSSELS).plusDays(10).truncatedTo(ChronoUnit.HOURS);
        store.save(webinar("small-room", inTenDays, 2), "small", Instant.now());
        store.save(webinar("rush", inTenDays, 3), "rush", Instant.now());
        stack.awaitIdle(Duration.ofSeconds(60));
    }

    private static Webinar webinar(String id, LocalDateTime starts, int capacity) {
        return new Webinar(id, "Webinar " + id, "interregional-cooperation", starts, BRUSSELS, Duration.ofMinutes(90), "About " + id + ".",
                List.of(), Format.ONLINE, null, List.of(), "https://example.org/join/" + id, null, capacity, 0, "", false);
    }

    @Test
    void aFreedPlaceIsOfferedToTheFirstInLineAloneWhoTakesItFromTheEmail() throws Exception {
        String ana = confirmed("small-room", "ana@first.example");
        confirmed("small-room", "bogdan@second.example");
        String chiara = confirmed("small-room", "chiara@third.example");
        String dara = confirmed("small-room", "dara@fourth.example");
        assertThat(get(chiara).body()).contains("You are number 1 on the waiting list");
        assertThat(get(dara).body()).contains("You are number 2 on the waiting list");
        assertThat(seats("small-room")).isEqualTo(2);
        assertThat(emails("small-room", "chiara@third.example")).as("joining the list sends nothing").containsExactly("Confirm your registration");

        assertThat(post(ana, "action=cancel").body()).contains("Your registration is cancelled");
        stack.awaitIdle(Duration.ofSeconds(60));
        assertThat(emails("small-room", "chiara@third.example")).as("the place goes to the first in line, by email")
                .containsExactly("Confirm your registration", "A place is free for you");
        assertThat(emails("small-room", "dara@fourth.example")).as("and to nobody else").containsExactly("Confirm your registration");
        assertThat(seats("small-room")).as("held for the offer").isEqualTo(2);
        MimeMessage offer = message("small-room", "chiara@third.example", "A place is free for you");
        assertThat(offer.getHeader("List-Unsubscribe", null)).as("an email nobody just asked for").isEqualTo("<" + chiara + ">");
        String link = pageIn(offer);
        assertThat(link).isEqualTo(chiara);
        HttpResponse<String> page = get(link);
        assertThat(page.body()).contains("A place is free for you", "Take the place", "Leave the waiting list", "value=\"take\"");
        assertThat(get(dara).body()).contains("You are number 1 on the waiting list");

        HttpResponse<String> taken = post(link, "action=take");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        assertThat(taken.body()).contains("You are registered");
        stack.awaitIdle(Duration.ofSeconds(60));
        assertThat(emails("small-room", "chiara@third.example")).containsExactly("Confirm your registration", "A place is free for you",
                "You are registered");
        assertThat(seats("small-room")).isEqualTo(2);
        assertThat(post(link, "action=take").body()).as("taking twice takes one place").contains("You are registered");
        assertThat(seats("small-room")).isEqualTo(2);
    }

    @Test
    void anOfferNotTakenInTimePassesToTheNextInLine() throws Exception {
        store.save(webinar("lapsing", LocalDateTime.now(BRUSSELS).plusDays(10).truncatedTo(ChronoUnit.HOURS), 1), "lapsing", Instant.now());
        String first = confirmed("lapsing", "holder@lapse-a.example");
        String eva = confirmed("lapsing", "eva@lapse-b.example");
        String finn = confirmed("lapsing", "finn@lapse-c.example");
        post(first, "action=cancel");
        stack.awaitIdle(Duration.ofSeconds(60));
        assertThat(emails("lapsing", "eva@lapse-b.example")).contains("A place is free for you");
        assertThat(get(eva).body()).contains("A place is free for you");

        // The scheduler's run a day and a minute later, twice at once: the offer lapses once, and the place is offered to Finn once.
        Instant later = Instant.now().plus(WaitingList.OFFER_HELD_FOR).plus(Duration.ofMinutes(1));
        CompletableFuture<Invocation> one = CompletableFuture.supplyAsync(() -> stack.invoke("webinar-scheduler", scheduled(later)));
        CompletableFuture<Invocation> two = CompletableFuture.supplyAsync(() -> stack.invoke("webinar-scheduler", scheduled(later)));
        assertThat(one.get().succeeded()).as(String.valueOf(one.get().error())).isTrue();
        assertThat(two.get().succeeded()).as(String.valueOf(two.get().error())).isTrue();
        stack.awaitIdle(Duration.ofSeconds(60));
        assertThat(get(eva).statusCode()).as("the lapsed offer and Eva's name and address are gone").isEqualTo(404);
        assertThat(emails("lapsing", "finn@lapse-c.example")).containsExactly("Confirm your registration", "A place is free for you");
        assertThat(seats("lapsing")).isEqualTo(1);
        assertThat(post(finn, "action=cancel").body()).as("declining").contains("Your registration is cancelled");
        stack.awaitIdle(Duration.ofSeconds(60));
        StoredWebinar emptied = store.get("lapsing").orElseThrow();
        assertThat(emptied.registered()).as("a declined offer frees its place, with nobody left to offer it to").isZero();
        assertThat(emptied.waiting()).isZero();
    }

    @Test
    void confirmationsAtOnceNeverTakeMorePlacesThanThereAre() throws Exception {
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            pages.add(requested("rush", "rush" + i + "@rush" + i + ".example"));
        }
        int registered = 0;
        int waiting = 0;
        for (String answer : confirmedAtOnce(pages)) {
            registered += answer.contains("You are registered") ? 1 : 0;
            waiting += answer.contains("You are on the waiting list") ? 1 : 0;
        }
        assertThat(registered).isEqualTo(3);
        assertThat(waiting).isEqualTo(9);
        StoredWebinar rush = store.get("rush").orElseThrow();
        assertThat(rush.registered()).isEqualTo(3);
        assertThat(rush.waiting()).isEqualTo(9);
        List<String> positions = new ArrayList<>();
        for (String page : pages) {
            Matcher number = Pattern.compile("You are number (\\d+) on the waiting list").matcher(get(page).body());
            if (number.find()) {
                positions.add(number.group(1));
            }
        }
        assertThat(positions).as("each in a place of their own").containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    @Test
    void aCatchAllDomainHoldsItsShareOfThePlacesAndWaitsInItsOwnLineForMore() throws Exception {
        store.save(webinar("catch-all", LocalDateTime.now(BRUSSELS).plusDays(10).truncatedTo(ChronoUnit.HOURS), 6), "catch-all", Instant.now());
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pages.add(requested("catch-all", "person" + i + "@catchall.example"));
        }
        int registered = 0;
        int heldBack = 0;
        for (String answer : confirmedAtOnce(pages)) {
            registered += answer.contains("You are registered") ? 1 : 0;
            heldBack += answer.contains("Addresses at your domain already have the 2 places") ? 1 : 0;
        }
        assertThat(registered).as("the domain's share, however many confirm at once").isEqualTo(2);
        assertThat(heldBack).isEqualTo(3);
        stack.awaitIdle(Duration.ofSeconds(60));
        assertThat(store.get("catch-all").orElseThrow().waiting()).as("those held back keep nobody else waiting").isZero();

        confirmed("catch-all", "someone@elsewhere.example");
        for (String gmail : List.of("first.person@gmail.com", "second.person@gmail.com", "third.person@gmail.com")) {
            assertThat(get(confirmed("catch-all", gmail)).body()).as("a provider of personal mailboxes has no cap")
                    .contains("You are registered");
        }
        assertThat(seats("catch-all")).isEqualTo(6);

        String first = null;
        String holder = null;
        for (String page : pages) {
            String body = get(page).body();
            if (body.contains("You are number 1 in line")) {
                first = page;
            } else if (body.contains("You are registered") && holder == null) {
                holder = page;
            }
        }
        assertThat(first).as("the first held back").isNotNull();
        assertThat(post(holder, "action=cancel").body()).contains("Your registration is cancelled");
        stack.awaitIdle(Duration.ofSeconds(60));
        String address = "person" + pages.indexOf(first) + "@catchall.example";
        assertThat(emails("catch-all", address)).as("the place the domain gave back goes to the first of its line")
                .containsExactly("Confirm your registration", "A place is free for you");
        assertThat(post(first, "action=take").body()).contains("You are registered");
        assertThat(seats("catch-all")).isEqualTo(6);
        List<String> lines = new ArrayList<>();
        for (String page : pages) {
            Matcher number = Pattern.compile("You are number (\\d+) in line").matcher(get(page).body());
            if (number.find()) {
                lines.add(number.group(1));
            }
        }
        assertThat(lines).as("the two still held back").containsExactlyInAnyOrder("1", "2");
    }

    @Test
    void aLiftedCapacityLetsEveryoneWaitingInAndACancelledEventTellsThoseStillWaiting() throws Exception {
        LocalDateTime starts = LocalDateTime.now(BRUSSELS).plusDays(10).truncatedTo(ChronoUnit.HOURS);
        store.save(webinar("lifted", starts, 1), "lifted-1", Instant.now());
        confirmed("lifted", "first@lifted-a.example");
        String second = confirmed("lifted", "second@lifted-b.example");
        assertThat(get(second).body()).contains("You are number 1 on the waiting list");
        store.save(webinar("lifted", starts, 0), "lifted-2", Instant.now());
        stack.awaitIdle(Duration.ofSeconds(60));
        assertThat(emails("lifted", "second@lifted-b.example")).as("a capacity lifted to no limit offers a place to whoever waits")
                .containsExactly("Confirm your registration", "A place is free for you");
        assertThat(get(confirmed("lifted", "third@lifted-c.example")).body()).as("and newcomers take one at once").contains("You are registered");

        store.save(webinar("waited-for", starts, 1), "waited-1", Instant.now());
        confirmed("waited-for", "holder@waited-a.example");
        confirmed("waited-for", "hopeful@waited-b.example");
        Webinar cancelled = webinar("waited-for", starts, 1);
        store.save(new Webinar(cancelled.id(), cancelled.title(), cancelled.workingGroup(), cancelled.starts(), cancelled.timezone(),
                cancelled.duration(), cancelled.description(), cancelled.speakers(), cancelled.format(), cancelled.venue(), cancelled.agenda(),
                cancelled.joinUrl(), cancelled.registrationCloses(), cancelled.capacity(), cancelled.inPersonCapacity(), cancelled.recordingUrl(), true),
                "waited-2", Instant.now());
        stack.invoke("webinar-scheduler", scheduled(Instant.now()));
        stack.awaitIdle(Duration.ofSeconds(60));
        assertThat(emails("waited-for", "hopeful@waited-b.example")).as("whoever waited hears of the cancellation too")
                .containsExactly("Confirm your registration", "Cancelled");
    }

    @Test
    void aHybridEventsInviteCarriesTheJoinLinkOnlyToWhoAttendsOnline() throws Exception {
        LocalDateTime starts = LocalDateTime.now(BRUSSELS).plusDays(10).truncatedTo(ChronoUnit.HOURS);
        store.save(new Webinar("both-ways", "Webinar both-ways", "interregional-cooperation", starts, BRUSSELS, Duration.ofMinutes(90), "",
                List.of(), Format.HYBRID, new Venue("Conference venue", "", "Brussels", "BE"), List.of(), "https://example.org/join/both-ways",
                null, 10, 5, "", false), "both", Instant.now());
        assertThat(post(requested("both-ways", "room@both-a.example"), "action=confirm&attendance=in-person").body()).contains("You are registered");
        assertThat(post(requested("both-ways", "screen@both-b.example"), "action=confirm&attendance=online").body()).contains("You are registered");
        stack.awaitIdle(Duration.ofSeconds(60));
        assertThat(text(message("both-ways", "room@both-a.example", "You are registered"))).contains("Conference venue")
                .doesNotContain("https://example.org/join/both-ways");
        assertThat(text(message("both-ways", "screen@both-b.example", "You are registered"))).contains("https://example.org/join/both-ways");
    }

    /** Every part of the email as its recipient's program reads it, decoded: the text, and the invite. */
    private static String text(MimeMessage message) throws Exception {
        // An invite's long lines are folded (RFC 5545): unfolded, a link reads whole.
        return decoded(message.getContent()).replace("\r\n ", "").replace("\n ", "");
    }

    private static String decoded(Object content) throws Exception {
        if (content instanceof Multipart parts) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                text.append(decoded(parts.getBodyPart(i).getContent())).append('\n');
            }
            return text.toString();
        }
        if (content instanceof java.io.InputStream stream) {
            return new String(stream.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        return String.valueOf(content);
    }

    /** What each page answered when all were confirmed at the same moment, in their order. */
    private static List<String> confirmedAtOnce(List<String> pages) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> clicks = pages.stream()
                .map(page -> http.sendAsync(form(page, "action=confirm"), HttpResponse.BodyHandlers.ofString())).toList();
        List<String> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> click : clicks) {
            HttpResponse<String> answer = click.get();
            if (answer.statusCode() == 503) {
                // Two clicks met on one item: the person is told to try again, and does.
                answer = http.send(form(answer.request().uri().toString(), "action=confirm"), HttpResponse.BodyHandlers.ofString());
            }
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            answers.add(answer.body());
        }
        return answers;
    }

    /** Requests a registration and confirms it from the emailed link; the link. */
    private static String confirmed(String webinar, String email) throws Exception {
        String page = requested(webinar, email);
        HttpResponse<String> answer = post(page, "action=confirm");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        stack.awaitIdle(Duration.ofSeconds(60));
        return page;
    }

    /** Requests a registration; the link to its page, from the email. */
    private static String requested(String webinar, String email) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(stack.httpEndpoint().orElseThrow() + "/webinars/" + webinar + "/registrations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Ana Novak\", \"email\": \"" + email + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        stack.awaitIdle(Duration.ofSeconds(60));
        return pageIn(message(webinar, email, "Confirm your registration"));
    }

    private static String scheduled(Instant time) {
        return "{\"version\":\"0\",\"id\":\"run-" + time.toEpochMilli() + "\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.scheduler\","
                + "\"time\":\"" + time.truncatedTo(ChronoUnit.SECONDS) + "\",\"resources\":[],\"detail\":{}}";
    }

    private static int seats(String webinar) {
        return store.get(webinar).orElseThrow().registered();
    }

    private static HttpResponse<String> get(String page) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(page)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String page, String body) throws Exception {
        return http.send(form(page, body), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest form(String page, String body) {
        return HttpRequest.newBuilder(URI.create(page)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The subjects, without the webinar's title, of the emails about the webinar to the address, oldest first. */
    private static List<String> emails(String webinar, String address) {
        return messages(webinar, address).stream().map(message -> subject(message).replace(": Webinar " + webinar, "")).toList();
    }

    private static MimeMessage message(String webinar, String address, String subject) {
        List<MimeMessage> found = messages(webinar, address).stream().filter(message -> subject(message).equals(subject + ": Webinar " + webinar)).toList();
        assertThat(found).as(subject + " to " + address).isNotEmpty();
        return found.get(found.size() - 1);
    }

    private static List<MimeMessage> messages(String webinar, String address) {
        return SentEmails.all(stack).stream().filter(message -> subject(message).endsWith(": Webinar " + webinar)).filter(message -> {
            try {
                return ((InternetAddress) message.getAllRecipients()[0]).getAddress().equals(address);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pageIn(MimeMessage message) throws Exception {
        Matcher link = PAGE.matcher(String.valueOf(((Multipart) message.getContent()).getBodyPart(0).getContent()));
        assertThat(link.find()).isTrue();
        return link.group();
    }
}
