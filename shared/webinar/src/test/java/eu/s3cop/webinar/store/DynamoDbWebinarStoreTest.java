package eu.s3cop.webinar.store;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.webinar.model.Figures;
import eu.s3cop.webinar.model.Format;
import eu.s3cop.webinar.model.OrganisationKind;
import eu.s3cop.webinar.model.Venue;
import eu.s3cop.webinar.model.Webinar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A webinar's item: what is written reads back the same, and items written before a field existed still read. */
class DynamoDbWebinarStoreTest {

    private static final Instant SAVED = Instant.parse("2023-11-01T00:00:00Z");

    @Test
    void anEventInARoomReadsBackAsItWasWritten() {
        Webinar forum = new Webinar("s3-forum-2023", "S3 Forum 2023", "industrial-transition", LocalDateTime.parse("2023-11-28T09:00"),
                ZoneId.of("Europe/Madrid"), Duration.ofHours(8), "About the Forum.", List.of(new Webinar.Speaker("European Commission", "")),
                Format.HYBRID, new Venue("Forum venue", "Carrer de l'Exemple 1", "Barcelona", "ES"),
                List.of(new Webinar.Session(LocalTime.of(9, 0), LocalTime.of(9, 30), "Welcome", List.of()),
                        new Webinar.Session(LocalTime.of(9, 30), LocalTime.of(11, 0), "New challenges", List.of("European Commission", "Technopolis Group"))),
                "https://example.org/join/forum", LocalDateTime.parse("2023-11-27T18:00"), 300, 120, "", false);

        StoredWebinar read = DynamoDbWebinarStore.fromItem(DynamoDbWebinarStore.toItem(forum, 2, "sha", SAVED, 7));

        assertThat(read.webinar()).isEqualTo(forum);
        assertThat(read.sequence()).isEqualTo(2);
        assertThat(read.registered()).isEqualTo(7);
    }

    /**
     * A save of a changed file sets the attributes it writes and leaves the others: an event that
     * becomes online must write its venue and agenda empty, or the old ones would stay.
     */
    @Test
    void anOnlineWebinarWritesAnEmptyVenueAndAgendaSoAChangedEventLosesThem() {
        Webinar online = new Webinar("online", "Online", "innovation-diffusion", LocalDateTime.parse("2024-05-23T10:00"), ZoneId.of("Europe/Brussels"),
                Duration.ofMinutes(90), "", List.of(), Format.ONLINE, null, List.of(), "", null, 0, 0, "", false);
        Map<String, AttributeValue> item = DynamoDbWebinarStore.toItem(online, 0, "sha", SAVED, 0);

        assertThat(item.get("venue").m()).isEmpty();
        assertThat(item.get("agenda").l()).isEmpty();
        assertThat(item.get("inPersonCapacity").n()).isEqualTo("0");
        assertThat(DynamoDbWebinarStore.fromItem(item).webinar()).isEqualTo(online);
    }

    @Test
    void anItemWrittenBeforeEventsHadAFormatReadsAsAnOnlineWebinarWithNoVenueAndNoAgenda() {
        Webinar online = new Webinar("bottlenecks-2024", "Understanding the bottlenecks", "innovation-diffusion", LocalDateTime.parse("2024-05-23T10:00"),
                ZoneId.of("Europe/Brussels"), Duration.ofMinutes(90), "", List.of(), Format.ONLINE, null, List.of(), "https://example.org/join/abc",
                null, 500, 0, "", false);
        // The item as the store wrote it before these attributes existed.
        Map<String, AttributeValue> before = new HashMap<>(DynamoDbWebinarStore.toItem(online, 3, "sha", SAVED, 12));
        before.keySet().removeAll(List.of("format", "venue", "agenda", "inPersonCapacity"));

        Webinar webinar = DynamoDbWebinarStore.fromItem(before).webinar();

        assertThat(webinar.format()).isEqualTo(Format.ONLINE);
        assertThat(webinar.venue()).isNull();
        assertThat(webinar.agenda()).isEmpty();
        assertThat(webinar.inPersonCapacity()).isZero();
        assertThat(webinar).isEqualTo(online);
    }

    @Test
    void participationFiguresReadBackAsRecordedAndAnItemWithoutThemHasNone() {
        Webinar online = new Webinar("counted", "Counted", "innovation-diffusion", LocalDateTime.parse("2024-05-23T10:00"), ZoneId.of("Europe/Brussels"),
                Duration.ofMinutes(90), "", List.of(), Format.ONLINE, null, List.of(), "", null, 0, 0, "", false);
        Map<String, AttributeValue> item = new HashMap<>(DynamoDbWebinarStore.toItem(online, 0, "sha", SAVED, 3));
        assertThat(DynamoDbWebinarStore.fromItem(item).figures()).isEqualTo(Figures.NONE);

        Figures figures = new Figures(3, Map.of("BE", 2), 1, Map.of(OrganisationKind.BUSINESS, 1, OrganisationKind.OTHER, 1), 1);
        item.put(FiguresItems.FIGURES, FiguresItems.attribute(figures));
        assertThat(DynamoDbWebinarStore.fromItem(item).figures()).isEqualTo(figures);
        assertThat(DynamoDbWebinarStore.FIGURES_ATTRIBUTES).contains(FiguresItems.FIGURES);
    }
}
