package eu.s3cop.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.webinar.model.Figures;
import eu.s3cop.webinar.model.Format;
import eu.s3cop.webinar.model.Material;
import eu.s3cop.webinar.model.MaterialKind;
import eu.s3cop.webinar.model.OrganisationKind;
import eu.s3cop.webinar.model.Venue;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.store.StoredWebinar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebinarPageTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final WebinarPage PAGES = new WebinarPage(List.of("innovation-diffusion", "industrial-transition"));
    private static final String DESCRIPTION = """
            The working group presents its **policy brief**; see [the brief](https://s3cop.example.org/publications) and
            [this](javascript:alert(1)) or <script>alert(2)</script><img src=x onerror=alert(3)>.

            - one
            - two
            """;

    private static StoredWebinar stored(Webinar webinar, int registered) {
        return new StoredWebinar(webinar, 0, "", Instant.EPOCH, registered);
    }

    private static Webinar webinar(String recording, int capacity) {
        return new Webinar("bottlenecks-2024", "Understanding the bottlenecks to innovation diffusion", "innovation-diffusion",
                LocalDateTime.parse("2024-05-23T10:00"), BRUSSELS, Duration.ofMinutes(90), DESCRIPTION,
                List.of(new Webinar.Speaker("Susana Elena-Perez", "Working group leader"), new Webinar.Speaker("Alison Hunter", "Rapporteur")),
                Format.ONLINE, null, List.of(), "https://example.org/join/secret-room", null, capacity, 0, recording, false);
    }

    @Test
    void anUpcomingWebinarSaysWhenInItsZoneAndInUtcWhoSpeaksAndHowManyPlacesAreLeftAndTakesRegistrations() {
        Document page = Jsoup.parse(PAGES.page(stored(webinar("", 500), 123), Instant.parse("2024-05-01T00:00:00Z")));

        assertThat(page.selectFirst("h1").text()).isEqualTo("Understanding the bottlenecks to innovation diffusion");
        assertThat(page.select("dl.facts").text()).contains("Thursday 23 May 2024, 10:00 (Europe/Brussels)", "23 May 2024, 08:00 UTC",
                "90 minutes", "377 of 500");
        assertThat(page.select("#main li").eachText()).contains("Susana Elena-Perez, Working group leader", "Alison Hunter, Rapporteur");
        assertThat(page.select("form.register").attr("action")).isEqualTo("/webinars/bottlenecks-2024/registrations");
        assertThat(page.select("a.invite").attr("href")).isEqualTo("/webinars/bottlenecks-2024/invite.ics");
        assertThat(page.selectFirst("meta[name=description]").attr("content")).startsWith("The working group presents its policy brief");
        assertThat(page.html()).doesNotContain("secret-room");
    }

    @Test
    void theDescriptionIsMarkdownWithNoMarkupOfItsOwnAndOnlyHttpLinks() {
        Document page = Jsoup.parse(PAGES.page(stored(webinar("", 0), 0), Instant.parse("2024-05-01T00:00:00Z")));
        var about = page.selectFirst("section.description");

        assertThat(about.select("strong").text()).isEqualTo("policy brief");
        assertThat(about.select("li")).hasSize(2);
        assertThat(about.select("a").eachAttr("href")).containsExactly("https://s3cop.example.org/publications");
        assertThat(about.select("a").attr("rel")).isEqualTo("nofollow");
        assertThat(about.select("script, img, [onerror]")).isEmpty();
        assertThat(about.text()).contains("<script>alert(2)</script>");
        assertThat(page.html()).doesNotContain("javascript:");
    }

    @Test
    void afterTheWebinarItsPageGivesTheRecordingAndNoForm() {
        Instant after = Instant.parse("2024-06-01T00:00:00Z");
        Document withRecording = Jsoup.parse(PAGES.page(stored(webinar("https://example.org/recording/bottlenecks", 500), 400), after));
        assertThat(withRecording.select("a.download").attr("href")).isEqualTo("https://example.org/recording/bottlenecks");
        assertThat(withRecording.select("form.register")).isEmpty();
        assertThat(withRecording.text()).doesNotContain("Places left");
        assertThat(Jsoup.parse(PAGES.page(stored(webinar("", 500), 400), after)).text()).contains("The recording is not online yet.");
    }

    @Test
    void aFullWebinarSaysSoAndOffersItsWaitingList() {
        Document page = Jsoup.parse(PAGES.page(stored(webinar("", 500), 500), Instant.parse("2024-05-01T00:00:00Z")));
        assertThat(page.select("form.register button").text()).startsWith("Join the waiting list");
        assertThat(page.text()).contains("All places are taken. Join the waiting list", "24 hours to take it", "0 of 500");
        Document waitedFor = Jsoup.parse(PAGES.page(new StoredWebinar(webinar("", 500), 0, "", Instant.EPOCH, 499, 3, 0),
                Instant.parse("2024-05-01T00:00:00Z")));
        assertThat(waitedFor.text()).as("a place freed while people wait is theirs").contains("All places are taken", "0 of 500");
    }

    private static Webinar forum(Format format) {
        return new Webinar("s3-forum-2023", "S3 Forum 2023", "industrial-transition", LocalDateTime.parse("2023-11-28T09:00"),
                ZoneId.of("Europe/Madrid"), Duration.ofHours(8), "", List.of(), format,
                new Venue("Forum venue", "Carrer de l'Exemple 1", "Barcelona", "ES"),
                List.of(new Webinar.Session(LocalTime.of(9, 0), LocalTime.of(9, 30), "Welcome", List.of()),
                        new Webinar.Session(LocalTime.of(9, 30), LocalTime.of(11, 0), "New challenges", List.of("European Commission", "Technopolis Group"))),
                "https://example.org/join/secret-room", null, 300, format == Format.HYBRID ? 120 : 0, "", false);
    }

    @Test
    void anOnlineWebinarSaysSoAndHasNoVenueAndNoAgenda() {
        Document page = Jsoup.parse(PAGES.page(stored(webinar("", 500), 0), Instant.parse("2024-05-01T00:00:00Z")));
        assertThat(page.select("dl.facts dt").eachText()).contains("Format").doesNotContain("Venue");
        assertThat(page.select("dl.facts").text()).contains("Online");
        assertThat(page.select("#agenda-heading, table.agenda, a[href^=https://www.openstreetmap.org]")).isEmpty();
    }

    @Test
    void anEventInARoomGivesItsFormatAndVenueWithALinkToFindItOnAMap() {
        Document inPerson = Jsoup.parse(PAGES.page(stored(forum(Format.IN_PERSON), 0), Instant.parse("2023-11-01T00:00:00Z")));
        Document hybrid = Jsoup.parse(PAGES.page(stored(forum(Format.HYBRID), 0), Instant.parse("2023-11-01T00:00:00Z")));

        assertThat(fact(inPerson, "Format")).isEqualTo("In person");
        assertThat(fact(hybrid, "Format")).isEqualTo("Online and in person");
        var venue = inPerson.selectFirst("dd.venue");
        assertThat(venue.wholeText()).contains("Forum venue", "Carrer de l'Exemple 1", "Barcelona, Spain");
        var map = venue.selectFirst("a");
        assertThat(map.attr("href")).isEqualTo("https://www.openstreetmap.org/search?query="
                + "Forum+venue%2C+Carrer+de+l%27Exemple+1%2C+Barcelona%2C+Spain");
        assertThat(map.text()).isEqualTo("Find it on OpenStreetMap: Forum venue");
        // A link, nothing loaded from the map's site: no frame, no script, no image.
        assertThat(inPerson.select("iframe, script, img, object, embed")).isEmpty();
        assertThat(inPerson.select("p.meta").text()).startsWith("Event of the Industrial Transition working group");
        assertThat(hybrid.html()).doesNotContain("secret-room");
    }

    @Test
    void theAgendaIsATableOfSessionsWithHeaderCellsUnderItsHeading() {
        Document page = Jsoup.parse(PAGES.page(stored(forum(Format.IN_PERSON), 0), Instant.parse("2023-11-01T00:00:00Z")));
        var section = page.selectFirst("section[aria-labelledby=agenda-heading]");
        assertThat(section.selectFirst("h2#agenda-heading").text()).isEqualTo("Agenda");
        assertThat(section.select("thead th[scope=col]").eachText()).containsExactly("Time (Europe/Madrid)", "Session", "Speakers");
        assertThat(section.select("tbody th[scope=row]").eachText()).containsExactly("09:00\u201309:30", "09:30\u201311:00");
        assertThat(section.select("tbody tr").get(1).select("td").eachText()).containsExactly("New challenges", "European Commission, Technopolis Group");
    }

    @Test
    void theListsSayWhereAnEventInARoomIs() {
        SitePages pages = new SitePages(List.of("innovation-diffusion", "industrial-transition"));
        Document home = Jsoup.parse(pages.index(List.of(), List.of(forum(Format.HYBRID), webinar("", 0)), List.of(),
                Instant.parse("2023-11-01T00:00:00Z")));
        assertThat(home.select("ul.webinars p.meta").eachText()).anySatisfy(meta -> assertThat(meta).contains("· Online and in person, Barcelona ·"))
                .anySatisfy(meta -> assertThat(meta).doesNotContain("Online", "Barcelona"));
    }

    /** The materials, before or after the event: each links to its download under its own name, with its kind and size. */
    @Test
    void theSlidesAndMaterialsAreListedWithTheirKindAndSizeBeforeAndAfterTheEvent() {
        Instant uploaded = Instant.parse("2024-05-20T09:00:00Z");
        StoredWebinar stored = new StoredWebinar(webinar("", 500), 0, "", Instant.EPOCH, 0, 0, 0, Figures.NONE, List.of(
                new Material("Agenda.docx", MaterialKind.DOCX, 18_200, uploaded),
                new Material("figures.xlsx", MaterialKind.XLSX, 640, uploaded),
                new Material("keynote.odp", MaterialKind.ODP, 31_000_000, uploaded),
                new Material("Slides day 1.pdf", MaterialKind.PDF, 2_400_000, uploaded),
                new Material("talk.pptx", MaterialKind.PPTX, 999_600, uploaded)));
        for (Instant now : List.of(Instant.parse("2024-05-01T00:00:00Z"), Instant.parse("2024-06-01T00:00:00Z"))) {
            Document page = Jsoup.parse(PAGES.page(stored, now));
            var section = page.selectFirst("section.materials");
            assertThat(section).as("at " + now).isNotNull();
            assertThat(section.selectFirst("h2").text()).isEqualTo("Slides and materials");
            assertThat(section.attr("aria-labelledby")).isEqualTo(section.selectFirst("h2").id());
            assertThat(section.select("li").eachText()).containsExactly("Agenda.docx (Word document, 18 kB)",
                    "figures.xlsx (Excel workbook, 640 bytes)", "keynote.odp (OpenDocument presentation, 31 MB)",
                    "Slides day 1.pdf (PDF, 2.4 MB)", "talk.pptx (PowerPoint presentation, 1.0 MB)");
            assertThat(section.select("a").eachAttr("href")).containsExactly("/webinars/bottlenecks-2024/materials/Agenda.docx",
                    "/webinars/bottlenecks-2024/materials/figures.xlsx", "/webinars/bottlenecks-2024/materials/keynote.odp",
                    "/webinars/bottlenecks-2024/materials/Slides%20day%201.pdf", "/webinars/bottlenecks-2024/materials/talk.pptx");
        }
    }

    @Test
    void anEventWithoutMaterialsHasNoSectionForThem() {
        Document page = Jsoup.parse(PAGES.page(stored(webinar("", 500), 0), Instant.parse("2024-05-01T00:00:00Z")));
        assertThat(page.select("section.materials")).isEmpty();
        assertThat(page.text()).doesNotContain("Slides and materials");
    }

    @ParameterizedTest(name = "{0} bytes: {1}")
    @CsvSource({"0, 0 bytes", "1, 1 byte", "999, 999 bytes", "1000, 1 kB", "1499, 1 kB", "18200, 18 kB", "999499, 999 kB",
            "999500, 1.0 MB", "2400000, 2.4 MB", "9949999, 9.9 MB", "9950000, 10 MB", "50000000, 50 MB"})
    void aSizeReadsAsADownloadManagerShowsIt(long bytes, String shown) {
        assertThat(WebinarPage.size(bytes)).isEqualTo(shown);
    }

    private static String fact(Document page, String term) {
        return page.selectFirst("dl.facts dt:containsOwn(" + term + ") + dd").text();
    }

    /** The answer to a request states the rules the store enforces, from their constants. */
    @Test
    void theAnswerToARequestSaysHowLongTheLinkWorksAndHowOftenItIsSentAgain() {
        String answer = Jsoup.parse(new RegistrationPages(List.of("innovation-diffusion")).requested(webinar("", 0))).text();
        assertThat(answer).contains("The link works for " + eu.s3cop.core.Durations.inWords(eu.s3cop.webinar.store.Registrations.PENDING_FOR) + ".",
                "at most " + eu.s3cop.core.Durations.once(eu.s3cop.webinar.store.Registrations.RESEND_AFTER) + ".");
    }

    /** The home and group pages follow the same rule as the webinar's own page: no form once registration has closed. */
    @Test
    void theListsOfferTheFormOnlyWhileRegistrationIsOpen() {
        SitePages pages = new SitePages(List.of("innovation-diffusion", "industrial-transition"));
        Webinar webinar = webinar("", 500);
        for (Instant now : List.of(webinar.closes().minusSeconds(60), webinar.closes(), webinar.start().plusSeconds(60))) {
            Document home = Jsoup.parse(pages.index(List.of(), List.of(webinar), List.of(), now));
            Document group = Jsoup.parse(pages.workingGroup("innovation-diffusion", java.util.Optional.empty(), List.of(), List.of(webinar),
                    List.of(), now));
            Document own = Jsoup.parse(PAGES.page(stored(webinar, 0), now));
            boolean open = webinar.registrationOpen(now);
            assertThat(home.select("form.register")).as("home page at " + now).hasSize(open ? 1 : 0);
            assertThat(group.select("form.register")).as("group page at " + now).hasSize(open ? 1 : 0);
            assertThat(own.select("form.register")).as("webinar page at " + now).hasSize(open ? 1 : 0);
        }
    }

    @Test
    void aPastEventSaysHowManyTookPartFromHowManyCountriesAndNeverWhich() {
        Instant after = Instant.parse("2024-06-01T00:00:00Z");
        Figures figures = new Figures(14, Map.of("BE", 9, "FR", 3, "ES", 1), 1, Map.of(OrganisationKind.BUSINESS, 4), 10);
        Document past = Jsoup.parse(PAGES.page(counted(figures), after));
        assertThat(past.select("dl.facts").text()).contains("Participants 14 participants from 3 countries");
        assertThat(past.text()).doesNotContain("Belgium", "France", "Business");

        assertThat(Jsoup.parse(PAGES.page(counted(new Figures(1, Map.of("BE", 1), 0, Map.of(), 1)), after)).select("dl.facts").text())
                .contains("1 participant from 1 country");
        assertThat(Jsoup.parse(PAGES.page(counted(new Figures(2, Map.of(), 2, Map.of(), 2)), after)).select("dl.facts").text())
                .as("nobody said where from").contains("2 participants").doesNotContain("from");
        assertThat(Jsoup.parse(PAGES.page(counted(Figures.NONE), after)).text()).as("no figures").doesNotContain("participant");
        assertThat(Jsoup.parse(PAGES.page(counted(figures), Instant.parse("2024-05-01T00:00:00Z"))).text())
                .as("before the event").doesNotContain("participant");
    }

    private static StoredWebinar counted(Figures figures) {
        return new StoredWebinar(webinar("", 0), 0, "", Instant.EPOCH, figures.participants(), 0, 0, figures, List.of());
    }
}
