package eu.s3cop.webinar.store;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.webinar.model.Format;
import eu.s3cop.webinar.model.Material;
import eu.s3cop.webinar.model.MaterialKind;
import eu.s3cop.webinar.model.Webinar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A webinar's materials on its item: read back in the order of their names, never written by a save of the webinar's file. */
class WebinarMaterialsTest {

    private static final Instant SAVED = Instant.parse("2024-05-01T00:00:00Z");
    private static final Webinar WEBINAR = new Webinar("bottlenecks-2024", "Bottlenecks", "innovation-diffusion",
            LocalDateTime.parse("2024-05-23T10:00"), ZoneId.of("Europe/Brussels"), Duration.ofMinutes(90), "", List.of(), Format.ONLINE, null,
            List.of(), "", null, 0, 0, "", false);

    private static AttributeValue entry(String name, String kind, long size) {
        return AttributeValue.fromM(Map.of("name", AttributeValue.fromS(name), "kind", AttributeValue.fromS(kind),
                "size", AttributeValue.fromN(String.valueOf(size)), "uploadedAt", AttributeValue.fromS(SAVED.toString()),
                "eTag", AttributeValue.fromS("abc"), "versionId", AttributeValue.fromS(""), "sequencer", AttributeValue.fromS("0A")));
    }

    @Test
    void aWebinarsItemReadsBackWithItsMaterialsInTheOrderOfTheirNames() {
        Map<String, AttributeValue> item = new HashMap<>(DynamoDbWebinarStore.toItem(WEBINAR, 0, "sha", SAVED, 0));
        item.put("materials", AttributeValue.fromM(Map.of("slides.pdf", entry("slides.pdf", "pdf", 2_400_000),
                "Agenda.docx", entry("Agenda.docx", "docx", 18_000), "figures.xlsx", entry("figures.xlsx", "xlsx", 9_000))));

        StoredWebinar read = DynamoDbWebinarStore.fromItem(item);

        assertThat(read.materials()).containsExactly(new Material("Agenda.docx", MaterialKind.DOCX, 18_000, SAVED),
                new Material("figures.xlsx", MaterialKind.XLSX, 9_000, SAVED), new Material("slides.pdf", MaterialKind.PDF, 2_400_000, SAVED));
        assertThat(read.material("slides.pdf")).hasValueSatisfying(material -> assertThat(material.size()).isEqualTo(2_400_000));
        assertThat(read.material("Slides.pdf")).isEmpty();
    }

    @Test
    void anItemWithoutMaterialsOrWithAKindThisCodeDoesNotKnowListsOnlyWhatItCanServe() {
        Map<String, AttributeValue> item = new HashMap<>(DynamoDbWebinarStore.toItem(WEBINAR, 0, "sha", SAVED, 0));
        assertThat(DynamoDbWebinarStore.fromItem(item).materials()).isEmpty();

        item.put("materials", AttributeValue.fromM(Map.of("video.mp4", entry("video.mp4", "mp4", 1), "notes.pdf", entry("notes.pdf", "pdf", 1))));
        assertThat(DynamoDbWebinarStore.fromItem(item).materials()).extracting(Material::name).containsExactly("notes.pdf");
    }

    /** A save of the webinar's file sets every attribute it writes: were the materials among them, a changed file would clear them. */
    @Test
    void savingTheWebinarsFileWritesNoMaterials() {
        assertThat(DynamoDbWebinarStore.toItem(WEBINAR, 3, "sha", SAVED, 12)).doesNotContainKey("materials");
    }

    @Test
    void sequencersOfDifferentLengthsCompareAsS3SaysOnceTheyArePadded() {
        assertThat(WebinarMaterials.ordered("FF")).isLessThan(WebinarMaterials.ordered("100"));
        assertThat(WebinarMaterials.ordered("0055AED6DCD90281E5")).isLessThan(WebinarMaterials.ordered("0055aed6dcd90281e6"));
        assertThat(WebinarMaterials.ordered("")).isLessThan(WebinarMaterials.ordered("1"));
        assertThat(WebinarMaterials.ordered("ABC")).hasSize(40);
    }
}
