package eu.s3cop.publications;

import java.util.Map;
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
}
