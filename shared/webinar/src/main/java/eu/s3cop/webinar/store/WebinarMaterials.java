package eu.s3cop.webinar.store;

import eu.s3cop.core.Items;
import eu.s3cop.webinar.model.Material;
import eu.s3cop.webinar.model.MaterialKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The materials of each webinar, on the webinar's own item: a map attribute, {@code materials},
 * with one entry per file name. Each write touches that one entry, so saving the webinar's file
 * (which sets only the attributes of the file) never loses them, and the item's absence refuses
 * a material for an event that does not exist.
 *
 * <p>S3 delivers each event at least once and in no set order, so every entry keeps the S3
 * sequencer of the upload that wrote it: an upload replaces the entry only if it came later, and
 * a removal takes away only an entry that an earlier upload wrote. The S3 version and entity
 * tag are kept beside it, to say which object the entry describes.
 *
 * @param table the webinars table's name, as the template names it to the function
 */
public record WebinarMaterials(DynamoDbClient dynamoDb, String table) {

    /** The most materials an event lists: its page stays one that people read to the end. */
    public static final int MAX_PER_WEBINAR = 50;

    /** What listing a material did. */
    public enum Listing {
        /** Listed now, or by an earlier delivery of the same upload. */
        LISTED,
        /** A later upload of the same name is listed already: this one is out of date. */
        SUPERSEDED,
        /** There is no such webinar. */
        NO_WEBINAR,
        /** The webinar lists {@link #MAX_PER_WEBINAR} other materials. */
        FULL
    }

    private static final int MAX_ATTEMPTS = 10;
    private static final String MATERIALS = "materials";
    /** Sequencers are hexadecimal of varying length; padded to one length, they compare as text, as conditions compare them. */
    private static final int SEQUENCER_WIDTH = 40;

    /**
     * Lists a checked material on its webinar's item, or replaces the entry of the same name when
     * this upload came later. Conditional on what was read, so concurrent uploads of one name
     * settle on the latest, and the count stays within {@link #MAX_PER_WEBINAR}.
     *
     * @param eTag the S3 object's entity tag
     * @param versionId the S3 object's version, empty in a bucket without versions
     * @param sequencer the S3 event's sequencer for this upload
     */
    public Listing list(String webinarId, Material material, String eTag, String versionId, String sequencer) {
        String ordered = ordered(sequencer);
        AttributeValue entry = AttributeValue.fromM(Map.of("name", AttributeValue.fromS(material.name()),
                "kind", AttributeValue.fromS(material.kind().extension()), "size", AttributeValue.fromN(String.valueOf(material.size())),
                "uploadedAt", AttributeValue.fromS(material.uploadedAt().toString()), "eTag", AttributeValue.fromS(eTag),
                "versionId", AttributeValue.fromS(versionId), "sequencer", AttributeValue.fromS(ordered)));
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Map<String, AttributeValue>> item = Items.item(dynamoDb, get -> get.tableName(table).consistentRead(true)
                    .key(DynamoDbWebinarStore.key(webinarId)).projectionExpression("pk, #materials")
                    .expressionAttributeNames(Map.of("#materials", MATERIALS)));
            if (item.isEmpty()) {
                return Listing.NO_WEBINAR;
            }
            AttributeValue stored = item.get().get(MATERIALS);
            Map<String, AttributeValue> entries = stored != null && stored.hasM() ? stored.m() : null;
            AttributeValue existing = entries == null ? null : entries.get(material.name());
            if (existing != null) {
                int order = Items.text(existing.m(), "sequencer").compareTo(ordered);
                if (order > 0) {
                    return Listing.SUPERSEDED;
                }
                if (order == 0) {
                    return Listing.LISTED;
                }
            } else if (entries != null && entries.size() >= MAX_PER_WEBINAR) {
                return Listing.FULL;
            }
            Map<String, String> names = new HashMap<>(Map.of("#materials", MATERIALS));
            Map<String, AttributeValue> values = new HashMap<>();
            String update;
            String condition;
            if (entries == null) {
                // No material yet: the map is written whole, since a path into a missing map cannot be set.
                update = "SET #materials = :entries";
                condition = "attribute_exists(pk) AND attribute_not_exists(#materials)";
                values.put(":entries", AttributeValue.fromM(Map.of(material.name(), entry)));
            } else {
                names.put("#name", material.name());
                update = "SET #materials.#name = :entry";
                values.put(":entry", entry);
                if (existing == null) {
                    condition = "attribute_exists(#materials) AND attribute_not_exists(#materials.#name) AND size(#materials) < :max";
                    values.put(":max", AttributeValue.fromN(String.valueOf(MAX_PER_WEBINAR)));
                } else {
                    condition = "#materials.#name.#sequencer = :read";
                    names.put("#sequencer", "sequencer");
                    values.put(":read", existing.m().get("sequencer"));
                }
            }
            try {
                dynamoDb.updateItem(request -> request.tableName(table).key(DynamoDbWebinarStore.key(webinarId)).updateExpression(update)
                        .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values));
                return Listing.LISTED;
            } catch (ConditionalCheckFailedException raced) {
                // Another upload or removal of a material of this webinar came in between: read again and decide again.
            }
        }
        throw new IllegalStateException("The materials of webinar " + webinarId + " kept changing under " + MAX_ATTEMPTS
                + " attempts to list " + material.name());
    }

    /**
     * Takes the material off its webinar's list, unless an upload later than {@code sequencer}
     * wrote its entry: a removal that arrives after a newer upload of the same name leaves that
     * one listed, and an upload whose object turned out to be gone takes back its own entry.
     *
     * @param sequencer the S3 event's sequencer of the removal, or of the upload taken back
     * @return whether an entry was removed
     */
    public boolean unlist(String webinarId, String name, String sequencer) {
        try {
            dynamoDb.updateItem(request -> request.tableName(table).key(DynamoDbWebinarStore.key(webinarId))
                    .updateExpression("REMOVE #materials.#name").conditionExpression("#materials.#name.#sequencer <= :sequencer")
                    .expressionAttributeNames(Map.of("#materials", MATERIALS, "#name", name, "#sequencer", "sequencer"))
                    .expressionAttributeValues(Map.of(":sequencer", AttributeValue.fromS(ordered(sequencer)))));
            return true;
        } catch (ConditionalCheckFailedException nothingOlder) {
            return false;
        }
    }

    /** The materials a webinar's item lists, by name; an entry of a kind this code does not know is left out. */
    static List<Material> fromItem(Map<String, AttributeValue> item) {
        AttributeValue stored = item.get(MATERIALS);
        if (stored == null || !stored.hasM()) {
            return List.of();
        }
        List<Material> materials = new ArrayList<>();
        for (AttributeValue value : stored.m().values()) {
            Map<String, AttributeValue> entry = value.m();
            MaterialKind.of(Items.text(entry, "kind")).ifPresent(kind -> materials.add(new Material(Items.text(entry, "name"), kind,
                    Items.number(entry, "size"), Instant.parse(Items.text(entry, "uploadedAt")))));
        }
        materials.sort(Comparator.comparing(Material::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Material::name));
        return materials;
    }

    /**
     * The sequencer padded on the left with zeros, as S3 says to compare two of them; an event
     * without one (made by hand) sorts before every upload S3 announced.
     */
    static String ordered(String sequencer) {
        String hex = sequencer == null ? "" : sequencer.toUpperCase(Locale.ROOT);
        return hex.length() >= SEQUENCER_WIDTH ? hex : "0".repeat(SEQUENCER_WIDTH - hex.length()) + hex;
    }
}
