package eu.s3cop.webinar.store;

import static eu.s3cop.core.Items.text;

import eu.s3cop.webinar.model.Attendance;
import eu.s3cop.webinar.model.OrganisationKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A webinar's registrations as the secretariat lists them: everyone who asked, with where they
 * stand and what they answered. One query of the webinar's partition, so the list of one event
 * costs what that event holds, not what the table does.
 *
 * @param table the table's name, as the template names it to the function
 */
public record RegistrationList(DynamoDbClient dynamoDb, String table) {

    /**
     * One registration.
     *
     * @param standing where it stands
     * @param since when it was confirmed (or taken from the waiting list), joined the waiting list, or was requested
     * @param attendance how they attend; empty before they confirmed
     * @param organisation empty when not given, as is the country (ISO 3166-1 alpha-2)
     */
    public record Entry(String name, String email, Registrations.Standing standing, Instant since, Optional<Attendance> attendance,
            boolean fromWaitingList, String organisation, String country, Optional<OrganisationKind> kind) {
    }

    /** Every registration of the webinar but requests that expired unconfirmed, in the order they were made. */
    public List<Entry> of(String webinarId, Instant now) {
        List<Entry> entries = new ArrayList<>(RegistrationItems.registrations(dynamoDb, table, webinarId, now).stream()
                .map(RegistrationList::entry).toList());
        entries.sort(Comparator.comparing(Entry::since).thenComparing(Entry::email));
        return entries;
    }

    private static Entry entry(Map<String, AttributeValue> item) {
        Registrations.Standing standing = RegistrationItems.standing(item);
        String since = switch (standing) {
            case CONFIRMED -> text(item, "registeredAt");
            case WAITING, OFFERED -> text(item, "waitingSince");
            case PENDING -> text(item, "requestedAt");
        };
        return new Entry(text(item, "name"), text(item, "email"), standing, since.isEmpty() ? Instant.EPOCH : Instant.parse(since),
                Attendance.of(text(item, "attendance")), item.containsKey(RegistrationItems.FROM_WAITING_LIST)
                        && Boolean.TRUE.equals(item.get(RegistrationItems.FROM_WAITING_LIST).bool()),
                text(item, "organisation"), text(item, "country"), OrganisationKind.of(text(item, "kind")));
    }
}
