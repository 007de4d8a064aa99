package eu.s3cop.system;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.publications.BriefFiles;
import eu.s3cop.publications.DynamoDbPublicationStore;
import eu.s3cop.publications.Metadata;
import eu.s3cop.publications.PublishedVersion;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.stack.lambda.Invocation;
import eu.s3cop.testing.EventFiles;
import eu.s3cop.testing.LocalAws;
import eu.s3cop.testing.SentEmails;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * News by email, end to end through the HTTP API, both tables' streams, the scheduler and the
 * SES outbox: subscribing with double opt-in, the announcement of the next publication with
 * RFC 8058's one-click unsubscribe, the weekly digest, and what a stranger with a script can do.
 */
@LocalAws
class NewsByEmailIntegrationTest {

    private static final String LINK_SUBJECT = "Confirm your subscription to S3 CoP news";
    private static LocalCloud stack;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start(LocalCloud localCloud) {
        stack = localCloud;
    }

    @Test
    void aConfirmedSubscriberGetsTheNextPublicationOnceAndTheOneClickUnsubscribeDeletesThem() throws Exception {
        HttpResponse<String> asked = subscribe("alison.hunter@example.org", "all", "each");
        assertThat(asked.statusCode()).isEqualTo(202);
        assertThat(asked.body()).contains("Check your inbox").doesNotContain("alison");
        // The same person, to their group's news too: still one announcement per version.
        assertThat(subscribe("alison.hunter@example.org", "innovation-diffusion", "each").statusCode()).isEqualTo(202);
        stack.awaitIdle(Duration.ofSeconds(30));
        assertThat(mails("alison.hunter@example.org", LINK_SUBJECT)).hasSize(2);
        for (MimeMessage link : mails("alison.hunter@example.org", LINK_SUBJECT)) {
            assertThat(link.getHeader("List-Unsubscribe")).as("a link the person asked for is no list").isNull();
            String page = pageIn(link);
            HttpResponse<String> shown = get(page);
            assertThat(shown.statusCode()).isEqualTo(200);
            assertThat(shown.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(shown.body()).contains("Confirm your subscription", "name=\"frequency\"");
            HttpResponse<String> confirmed = post(page, "action=confirm");
            assertThat(confirmed.body()).contains("You are subscribed");
        }

        publish("innovation-diffusion", "news-first", 1, "Regions learning from each other");
        stack.awaitIdle(Duration.ofSeconds(30));
        List<MimeMessage> announced = mails("alison.hunter@example.org", "New publication: Regions learning from each other");
        assertThat(announced).singleElement().satisfies(mail -> {
            assertThat(mail.getHeader("List-Id")[0]).matches("<(all|innovation-diffusion)\\.news\\..+>");
            assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
            assertThat(mail.getHeader("List-Unsubscribe")[0]).matches("<https?://.+/subscriptions/[A-Za-z0-9_-]+>");
            assertThat(text(mail)).contains("Regions learning from each other", "/read/innovation-diffusion/news-first/v1.html",
                    "/publications/innovation-diffusion/news-first", "unsubscribe");
        });

        // A mail program's one-click unsubscribe, as RFC 8058 has it post.
        String unsubscribe = announced.get(0).getHeader("List-Unsubscribe")[0].replaceAll("^<|>$", "");
        HttpResponse<String> left = HTTP.send(HttpRequest.newBuilder(URI.create(unsubscribe))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(left.statusCode()).isEqualTo(200);
        assertThat(get(unsubscribe).statusCode()).as("the subscription is gone").isEqualTo(404);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(unsubscribe)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);

        publish("innovation-diffusion", "news-first", 2, "Regions learning from each other");
        stack.awaitIdle(Duration.ofSeconds(30));
        List<MimeMessage> afterwards = mails("alison.hunter@example.org", "New version 2: Regions learning from each other");
        assertThat(afterwards).as("only the subscription not unsubscribed remains").hasSize(1);
        assertThat(afterwards.get(0).getHeader("List-Id")[0]).isNotEqualTo(announced.get(0).getHeader("List-Id")[0]);
    }

    @Test
    void aWeeklySubscriberGetsOneDigestOfTheWeekInTheirGroupAndNothingTwice() throws Exception {
        subscribe("santiago.donat@example.org", "industrial-transition", "weekly");
        stack.awaitIdle(Duration.ofSeconds(30));
        post(pageIn(mails("santiago.donat@example.org", LINK_SUBJECT).get(0)), "action=confirm&frequency=weekly");

        publish("industrial-transition", "news-weekly-a", 1, "Skills for the green transition");
        publish("interregional-cooperation", "news-weekly-b", 1, "Partnerships across borders, revisited");
        stack.awaitIdle(Duration.ofSeconds(30));
        assertThat(mails("santiago.donat@example.org", "New publication: Skills for the green transition")).as("weekly only").isEmpty();

        LocalDate nextMonday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Instant before = nextMonday.atTime(6, 55).toInstant(ZoneOffset.UTC);
        Instant due = nextMonday.atTime(7, 5).toInstant(ZoneOffset.UTC);
        assertThat(scheduled(before).succeeded()).isTrue();
        assertThat(digests()).isEmpty();
        assertThat(scheduled(due).succeeded()).isTrue();
        assertThat(scheduled(due.plus(Duration.ofMinutes(5))).succeeded()).isTrue();
        assertThat(digests()).singleElement().satisfies(digest -> {
            assertThat(text(digest)).contains("Skills for the green transition", "/read/industrial-transition/news-weekly-a/v1.html")
                    .doesNotContain("Partnerships across borders, revisited");
            assertThat(digest.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        });
    }

    @Test
    void aStrangerCannotMakeUsEmailAnAddressTwiceNorLearnWhetherItIsKnown() throws Exception {
        // Gmail ignores dots and tags: one inbox, one subscription, one link an hour.
        HttpResponse<String> first = subscribe("david.uhlrr@gmail.com", "all", "each");
        HttpResponse<String> again = subscribe("D.a.v.i.d.Uhlrr+news@gmail.com", "all", "weekly");
        assertThat(again.statusCode()).isEqualTo(first.statusCode());
        assertThat(again.body()).isEqualTo(first.body());
        stack.awaitIdle(Duration.ofSeconds(30));
        assertThat(SentEmails.all(stack).stream().filter(mail -> recipient(mail).toLowerCase().contains("uhlrr"))).hasSize(1);

        HttpResponse<String> json = HTTP.send(HttpRequest.newBuilder(URI.create(stack.httpEndpoint().orElseThrow() + "/subscriptions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\": \"someone@example.org\", \"scope\": \"no-such-group\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.body()).contains("scope must be all", "innovation-diffusion");
        assertThat(get(stack.httpEndpoint().orElseThrow() + "/subscriptions/" + "A".repeat(32)).statusCode()).isEqualTo(404);
    }

    private static List<MimeMessage> digests() {
        return SentEmails.all(stack).stream().filter(mail -> subject(mail).startsWith("S3 CoP publications of the week of")).toList();
    }

    private static HttpResponse<String> subscribe(String email, String scope, String frequency) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.httpEndpoint().orElseThrow() + "/subscriptions"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)
                        + "&scope=" + scope + "&frequency=" + frequency)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String page) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(page)).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String page, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(page)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Invocation scheduled(Instant time) {
        Invocation run = stack.invoke("webinar-scheduler",
                EventFiles.json("webinar-scheduler/scheduled.json").replaceFirst("\"time\": \"[^\"]+\"", "\"time\": \"" + time + "\""));
        stack.awaitIdle(Duration.ofSeconds(30));
        return run;
    }

    /** Lists a version as publishing does: its article stored, its version claimed, then completed. */
    private static void publish(String group, String slug, int version, String title) {
        String id = group + "/" + slug;
        DynamoDbPublicationStore store = new DynamoDbPublicationStore(stack.dynamoDbClient(), stack.table("PublicationsTable"));
        Instant at = Instant.now();
        Metadata meta = new Metadata(title, "policy-brief", group, List.of("Alison Hunter"), LocalDate.parse("2024-05-23"), "en",
                "What regions learn from each other.", List.of());
        String draftSha256 = "draft-" + version + "-of-" + id;
        store.claim(id, version, draftSha256, "drafts/" + id + ".md", at);
        store.complete(new PublishedVersion(id, version, meta, BriefFiles.pdf(id, version), 2, 1024, "pdf-of-" + id, draftSha256,
                "drafts/" + id + ".md", "AWS:LOCAL", at, BriefFiles.article(id, version)));
    }

    private static List<MimeMessage> mails(String to, String subject) {
        return SentEmails.all(stack).stream().filter(mail -> recipient(mail).equals(to) && subject(mail).equals(subject)).toList();
    }

    private static String pageIn(MimeMessage mail) {
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("https?://\\S+/subscriptions/[A-Za-z0-9_-]+").matcher(text(mail));
        assertThat(link.find()).as("a link to the subscription's page").isTrue();
        return link.group();
    }

    private static String text(MimeMessage mail) {
        try {
            return String.valueOf(((MimeMultipart) mail.getContent()).getBodyPart(0).getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage mail) {
        try {
            return ((jakarta.mail.internet.InternetAddress) mail.getAllRecipients()[0]).getAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
