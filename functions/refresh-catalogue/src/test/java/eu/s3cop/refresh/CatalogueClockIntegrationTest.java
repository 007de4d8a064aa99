package eu.s3cop.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.stack.LocalCloud;
import eu.s3cop.stack.lambda.Invocation;
import eu.s3cop.testing.LocalAws;
import eu.s3cop.webinar.model.Format;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * What the clock changes on the pages, the schedule brings: a webinar's entry offers the form
 * while registration is open, says it is closed once it closes, that it is taking place once it
 * starts, and moves to the recordings once it ends; each within one scheduled run, five minutes,
 * of the moment. A scheduled run with no such moment behind it writes nothing.
 */
@LocalAws
class CatalogueClockIntegrationTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final String GROUP = "interregional-cooperation";

    @Test
    void aWebinarsEntryFollowsItsClosingStartAndEndWithinOneScheduledRun(LocalCloud stack) throws Exception {
        LocalDateTime starts = LocalDateTime.of(2031, 3, 20, 10, 0);
        Webinar webinar = new Webinar("clock-check", "Clock check", GROUP, starts, BRUSSELS, Duration.ofMinutes(90), "", List.of(),
                Format.ONLINE, null, List.of(), "https://example.org/join/clock", starts.minusDays(1), 50, 0, "https://example.org/recording/clock", false);
        Instant closes = webinar.closes();
        Instant start = webinar.start();
        Instant end = webinar.end();
        new DynamoDbWebinarStore(stack.dynamoDbClient(), stack.table("WebinarsTable")).save(webinar, "clock-1", Instant.now());
        // The stream brings the new webinar: its entry offers the form, registration being open.
        stack.awaitIdle(Duration.ofSeconds(30));
        assertThat(entries(stack, "index.html")).singleElement().satisfies(entry -> assertThat(entry.select("form.register")).hasSize(1));

        // Before it closes, nothing has passed: a scheduled run writes nothing.
        assertThat(scheduled(stack, closes.minus(Duration.ofMinutes(20))).logLines())
                .anySatisfy(line -> assertThat(line).contains("\"pages\":\"\""));
        for (String page : List.of("index.html", "working-groups/" + GROUP + ".html")) {
            assertThat(entries(stack, page)).as(page).singleElement().satisfies(entry -> assertThat(entry.select("form.register")).hasSize(1));
        }

        // The first run after closing: the form is gone from the home page and the group's page.
        scheduled(stack, closes.plus(Duration.ofMinutes(4)));
        for (String page : List.of("index.html", "working-groups/" + GROUP + ".html")) {
            assertThat(entries(stack, page)).as(page).singleElement().satisfies(entry -> {
                assertThat(entry.select("form.register")).isEmpty();
                assertThat(entry.select("p.status").text()).isEqualTo("Registration is closed.");
            });
        }

        scheduled(stack, start.plus(Duration.ofMinutes(5)));
        assertThat(entries(stack, "index.html")).singleElement()
                .satisfies(entry -> assertThat(entry.select("p.status").text()).isEqualTo("Taking place now."));

        scheduled(stack, end.plus(Duration.ofMinutes(3)));
        Document home = page(stack, "index.html");
        assertThat(home.select("#webinars-heading")).isEmpty();
        assertThat(home.select("section[aria-labelledby=recordings-heading] a").eachAttr("href"))
                .containsExactly("/webinars/clock-check", "https://example.org/recording/clock");
    }

    private static Invocation scheduled(LocalCloud stack, Instant time) {
        Invocation run = stack.invoke("refresh-catalogue", "{\"version\": \"0\", \"id\": \"clock\", \"detail-type\": \"Scheduled Event\","
                + " \"source\": \"aws.scheduler\", \"time\": \"" + time + "\", \"resources\": [], \"detail\": {}}");
        assertThat(run.succeeded()).as(String.valueOf(run.error())).isTrue();
        return run;
    }

    /** The upcoming webinars' entries of a page. */
    private static List<Element> entries(LocalCloud stack, String key) {
        return page(stack, key).select("section[aria-labelledby=webinars-heading] li");
    }

    private static Document page(LocalCloud stack, String key) {
        try (var s3 = stack.s3Client()) {
            return Jsoup.parse(s3.getObjectAsBytes(get -> get.bucket(stack.bucket("SiteBucket")).key(key)).asUtf8String());
        }
    }
}
