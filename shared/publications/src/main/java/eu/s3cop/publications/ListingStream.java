package eu.s3cop.publications;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import java.util.Optional;

/**
 * The publications table's stream as the catalogue reads it: a record for each publication whose
 * listing a published version changed, from which the catalogue learns which pages to rewrite.
 */
public final class ListingStream {

    /**
     * The table stream's filter (the template's {@code FilterCriteria}) that passes a publication's
     * record once a version of it is listed, and nothing else.
     */
    public static final String LISTED_STREAM_FILTER = "{\"dynamodb\": {\"NewImage\": {\"gsi3pk\": {\"S\": [\"PUBLISHED\"]}}}}";

    private ListingStream() {
    }

    /**
     * The working group of a listing that the table's stream brings (the template's filter passes
     * only published listings), from the record's new image as Lambda's JSON has it, each
     * attribute a {@code {"S": ...}} object; empty when the image names none.
     */
    public static Optional<String> listedWorkingGroup(Map<?, ?> newImage) {
        return newImage.get("workingGroup") instanceof Map<?, ?> attribute && attribute.get("S") instanceof String group
                ? Optional.of(group) : Optional.empty();
    }

    /**
     * The publication a listing record of the stream brings, as the listings read it from the
     * table: the record's new image is the publication's item. Empty for an image that is none.
     */
    /** The working groups whose pages a listing record concerns: its own group's, or those a secretariat's publication names. */
    public static List<String> listedWorkingGroups(Map<?, ?> newImage) {
        return listedPublication(newImage).map(Publication::workingGroups).orElse(List.of());
    }

    public static Optional<Publication> listedPublication(Map<?, ?> newImage) {
        if (!(newImage.get("id") instanceof Map<?, ?>) || listedWorkingGroup(newImage).isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = new HashMap<>();
        newImage.forEach((name, value) -> attribute(value).ifPresent(attribute -> item.put((String) name, attribute)));
        return Optional.of(PublicationItems.toPublication(item));
    }

    /** An attribute as Lambda's JSON writes it ({"S": ...}, {"N": ...}, {"L": [...]}, {"M": {...}}); empty for a kind the listing never holds. */
    private static Optional<AttributeValue> attribute(Object value) {
        if (!(value instanceof Map<?, ?> typed)) {
            return Optional.empty();
        }
        if (typed.get("S") instanceof String text) {
            return Optional.of(AttributeValue.fromS(text));
        }
        if (typed.get("N") instanceof String number) {
            return Optional.of(AttributeValue.fromN(number));
        }
        if (typed.get("L") instanceof List<?> values) {
            return Optional.of(AttributeValue.fromL(values.stream().map(ListingStream::attribute).flatMap(Optional::stream).toList()));
        }
        if (typed.get("M") instanceof Map<?, ?> entries) {
            Map<String, AttributeValue> map = new HashMap<>();
            entries.forEach((name, entry) -> attribute(entry).ifPresent(found -> map.put(String.valueOf(name), found)));
            return Optional.of(AttributeValue.fromM(map));
        }
        return Optional.empty();
    }
}
