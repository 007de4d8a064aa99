package eu.s3cop.publications;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.stack.template.TableResource;
import eu.s3cop.stack.template.Template;
import eu.s3cop.stack.template.Trigger;
import eu.s3cop.testing.ProjectFiles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template declares the table that the store reads and writes: its indexes, its time to live and its stream. */
@SuppressWarnings("unchecked") // the template's properties are YAML maps
class PublicationsTableTemplateTest {

    private final Template template = ProjectFiles.template();
    private final Map<String, Object> table = template.tables().stream()
            .filter(resource -> resource.logicalId().equals("PublicationsTable")).findFirst().map(TableResource::properties).orElseThrow();

    @Test
    void declaresTheStoresListingIndexesWithTheirKeys() {
        List<PublicationItems.Index> declared = ((List<?>) table.get("GlobalSecondaryIndexes")).stream()
                .map(index -> (Map<?, ?>) index)
                .map(index -> new PublicationItems.Index(String.valueOf(index.get("IndexName")),
                        key(index, "HASH"), key(index, "RANGE")))
                .toList();
        assertThat(declared).containsExactlyInAnyOrderElementsOf(PublicationItems.INDEXES);
    }

    @Test
    void expiresWhatTheStoreMarksToExpire() {
        assertThat((Map<Object, Object>) table.get("TimeToLiveSpecification"))
                .containsEntry("AttributeName", PublicationItems.TIME_TO_LIVE).containsEntry("Enabled", true);
    }

    @Test
    void streamsNewImagesAndPassesOnlyListingsToTheCatalogue() {
        assertThat((Map<Object, Object>) table.get("StreamSpecification")).containsEntry("StreamViewType", "NEW_IMAGE");
        assertThat(template.function("refresh-catalogue").triggers(Trigger.DynamoDb.class))
                .filteredOn(stream -> stream.table().equals("PublicationsTable")).singleElement()
                .satisfies(stream -> assertThat(stream.filters()).singleElement().asString()
                        .isEqualToIgnoringWhitespace(ListingStream.LISTED_STREAM_FILTER));
    }

    private static String key(Map<?, ?> index, String type) {
        return ((List<?>) index.get("KeySchema")).stream().map(key -> (Map<?, ?>) key)
                .filter(key -> type.equals(key.get("KeyType"))).map(key -> String.valueOf(key.get("AttributeName")))
                .findFirst().orElseThrow();
    }
}
