package eu.s3cop.webinar.store;

import java.util.Optional;

/**
 * How the secretariat's list of a webinar's registrations learns that they changed: every write to
 * a registration's item reaches the webinars table's stream by its keys, its deletion included (a
 * cancellation, an offer that lapsed, or the table's time to live). Both ends live here: the
 * stream's filter and the reading of a record's keys.
 */
public final class RegistrationChanges {

    /**
     * The table stream's filter (a pattern of the template's {@code FilterCriteria}) that passes
     * every change to a registration's item, inserts, changes and removals alike, and nothing else
     * of the table: not a webinar's own item, its tokens or its waiting list.
     */
    public static final String LISTED_STREAM_FILTER = "{\"dynamodb\": {\"Keys\": {\"pk\": {\"S\": [{\"prefix\": \""
            + DynamoDbWebinarStore.partition("") + "\"}]}, \"sk\": {\"S\": [{\"prefix\": \"" + RegistrationItems.REGISTRATION + "\"}]}}}}";

    private RegistrationChanges() {
    }

    /** The webinar whose registration a stream record's keys name; empty for any other item of the table. */
    public static Optional<String> webinarOf(String partitionKey, String sortKey) {
        return sortKey != null && sortKey.startsWith(RegistrationItems.REGISTRATION) ? DynamoDbWebinarStore.webinarOf(partitionKey) : Optional.empty();
    }
}
