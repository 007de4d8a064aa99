package eu.s3cop.publications;

import static eu.s3cop.publications.PublicationItems.key;
import static eu.s3cop.publications.PublicationItems.string;
import static eu.s3cop.publications.PublicationItems.versionKey;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What DOI registration records in the publications table: how far through the harvest order
 * (by-datestamp) it has registered every publication, and on each version item the DOIs DataCite
 * has. Version items are not in the listings' stream, so a registration rewrites no page.
 */
public record DoiRegistry(DynamoDbClient dynamoDb, String table) {

    /** Where the next registration run starts in {@link Harvest#page}, or empty at the very start. */
    public Optional<String> progress() {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).key(PublicationItems.doiProgressKey())
                .consistentRead(true)).item();
        return item == null || !item.containsKey("after") ? Optional.empty() : Optional.of(item.get("after").s());
    }

    /** Every publication before {@code after} in the harvest order has its DOIs. */
    public void advance(String after) {
        dynamoDb.updateItem(update -> update.tableName(table).key(PublicationItems.doiProgressKey())
                .updateExpression("SET #after = :after").expressionAttributeNames(Map.of("#after", "after"))
                .expressionAttributeValues(Map.of(":after", string(after))));
    }

    /** DataCite has the version's DOI. */
    public void versionRegistered(String id, int version, String doi) {
        set(id, version, "doi", doi);
    }

    /** DataCite has the publication's DOI, with this version among its versions. */
    public void conceptRegistered(String id, int version, String doi) {
        set(id, version, "conceptDoi", doi);
    }

    private void set(String id, int version, String name, String doi) {
        dynamoDb.updateItem(update -> update.tableName(table).key(key(id, versionKey(version)))
                .updateExpression("SET #name = :doi").conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#name", name)).expressionAttributeValues(Map.of(":doi", string(doi))));
    }
}
