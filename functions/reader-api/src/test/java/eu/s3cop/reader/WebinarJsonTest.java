package eu.s3cop.reader;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
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
import org.junit.jupiter.api.Test;

/** What programs read of an event: its format, its venue when it has one, its agenda, and never the join link. */
class WebinarJsonTest {

    private static final Instant BEFORE = Instant.parse("2023-01-01T00:00:00Z");

    private static Webinar webinar(Format format, Venue venue, List<Webinar.Session> agenda) {
        return new Webinar("s3-forum-2023", "S3 Forum 2023", "industrial-transition", LocalDateTime.parse("2023-11-28T09:00"),
                ZoneId.of("Europe/Madrid"), Duration.ofHours(8), "", List.of(), format, venue, agenda, "https://example.org/join/secret-room",
                null, 0, 0, "", false);
    }

    @Test
    void anEventInARoomGivesItsFormatVenueAndAgenda() throws Exception {
        Webinar forum = webinar(Format.IN_PERSON, new Venue("Forum venue", "", "Barcelona", "ES"),
                List.of(new Webinar.Session(LocalTime.of(9, 0), LocalTime.of(9, 30), "Welcome", List.of("European Commission"))));
        String json = JSON.std.asString(WebinarJson.of(new StoredWebinar(forum, 0, "", BEFORE, 0), BEFORE));
        Map<String, Object> read = JSON.std.mapFrom(json);

        assertThat(read).containsEntry("format", "in-person");
        assertThat(read.get("venue")).isEqualTo(Map.of("name", "Forum venue", "address", "", "city", "Barcelona", "country", "ES",
                "country_name", "Spain"));
        assertThat(read.get("agenda")).isEqualTo(List.of(Map.of("starts", "09:00", "ends", "09:30", "title", "Welcome",
                "speakers", List.of("European Commission"))));
        assertThat(json).doesNotContain("secret-room");
    }

    @Test
    void anOnlineWebinarHasNoVenueAndAnEmptyAgenda() throws Exception {
        Map<String, Object> read = JSON.std.mapFrom(JSON.std.asString(
                WebinarJson.of(new StoredWebinar(webinar(Format.ONLINE, null, List.of()), 0, "", BEFORE, 0), BEFORE)));
        assertThat(read).containsEntry("format", "online").containsEntry("agenda", List.of()).doesNotContainKey("venue");
    }

    @Test
    void aPastEventGivesHowManyTookPartFromHowManyCountriesAndNothingMore() throws Exception {
        Figures figures = new Figures(5, Map.of("BE", 3, "ES", 1), 1, Map.of(OrganisationKind.RESEARCH, 2), 3);
        StoredWebinar forum = new StoredWebinar(webinar(Format.ONLINE, null, List.of()), 0, "", BEFORE, 5, 0, 0, figures, List.of());
        Instant after = Instant.parse("2023-12-01T00:00:00Z");

        String json = JSON.std.asString(WebinarJson.of(forum, after));
        assertThat(JSON.std.mapFrom(json)).containsEntry("figures", Map.of("participants", 5, "countries", 2));
        assertThat(json).doesNotContain("BE", "university-research");
        assertThat(JSON.std.mapFrom(JSON.std.asString(WebinarJson.of(forum, BEFORE)))).as("not before it is over").doesNotContainKey("figures");
        assertThat(JSON.std.mapFrom(JSON.std.asString(WebinarJson.of(new StoredWebinar(forum.webinar(), 0, "", BEFORE, 0), after))))
                .as("never counted").doesNotContainKey("figures");
    }

    @Test
    void anEventGivesItsMaterialsWithTheirKindSizeAndDownloadAddress() throws Exception {
        StoredWebinar stored = new StoredWebinar(webinar(Format.ONLINE, null, List.of()), 0, "", BEFORE, 0, 0, 0, Figures.NONE, List.of(
                new Material("Slides day 1.pdf", MaterialKind.PDF, 2_400_000, BEFORE), new Material("notes.docx", MaterialKind.DOCX, 18_200, BEFORE)));
        Map<String, Object> read = JSON.std.mapFrom(JSON.std.asString(WebinarJson.of(stored, BEFORE)));

        assertThat(read.get("materials")).isEqualTo(List.of(
                Map.of("name", "Slides day 1.pdf", "kind", "pdf", "size", 2_400_000,
                        "links", Map.of("download", "/webinars/s3-forum-2023/materials/Slides%20day%201.pdf")),
                Map.of("name", "notes.docx", "kind", "docx", "size", 18_200, "links", Map.of("download", "/webinars/s3-forum-2023/materials/notes.docx"))));
        assertThat(JSON.std.mapFrom(JSON.std.asString(WebinarJson.of(new StoredWebinar(webinar(Format.ONLINE, null, List.of()), 0, "", BEFORE, 0), BEFORE))))
                .containsEntry("materials", List.of());
    }
}
