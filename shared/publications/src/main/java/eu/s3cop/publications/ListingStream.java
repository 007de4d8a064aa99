package eu.s3cop.publications;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

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

    /** The working groups of the publications whose listing the stream's records show, sorted. */
    public static Set<String> listedWorkingGroups(Collection<DynamodbEvent.DynamodbStreamRecord> records) {
        Set<String> groups = new TreeSet<>();
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            if (record.getDynamodb() != null && record.getDynamodb().getNewImage() != null) {
                var group = record.getDynamodb().getNewImage().get("workingGroup");
                if (group != null && group.getS() != null) {
                    groups.add(group.getS());
                }
            }
        }
        return groups;
    }
}
