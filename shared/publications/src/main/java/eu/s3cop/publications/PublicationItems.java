package eu.s3cop.publications;

import static eu.s3cop.core.Items.number;
import static eu.s3cop.core.Items.text;
import static eu.s3cop.core.Items.texts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The publications table's layout, for the classes that read and write it: the only place that
 * spells out its keys. One partition per publication ({@code PUB#<id>}):
 * <ul>
 *   <li>{@code META}: the publication, its latest published version and its listing keys (set
 *       only once a version is published, and never for previews: the listing indexes are sparse);</li>
 *   <li>{@code V#000002}: each version, PENDING from its claim until its PDF is stored, then PUBLISHED;</li>
 *   <li>{@code HASH#<sha256>}: which version a draft's exact content became, so that repeats and
 *       identical re-uploads publish nothing new;</li>
 *   <li>{@code PREVIEW#<sha256>}: watermarked previews of {@code status: draft} uploads.</li>
 * </ul>
 * Each upload also gets a status record, {@code UPLOAD#<bucket>/<key>} / {@code STATUS}. Published
 * publications are listed newest first by three sparse indexes: by working group
 * ({@code WG#<wg>}), by type ({@code TYPE#<type>}), and all of them by date; a fourth holds all
 * of them by their latest version's time, for harvesters.
 */
final class PublicationItems {

    /** A listing index: the template declares the same three (a test holds them together). */
    record Index(String name, String partitionKey, String sortKey) {
    }

    static final Index BY_WORKING_GROUP = new Index("by-working-group", "gsi1pk", "gsi1sk");
    static final Index BY_TYPE = new Index("by-type", "gsi2pk", "gsi2sk");
    static final Index BY_DATE = new Index("by-date", "gsi3pk", "gsi3sk");
    static final Index BY_DATESTAMP = new Index("by-datestamp", "gsi4pk", "gsi4sk");
    static final List<Index> INDEXES = List.of(BY_WORKING_GROUP, BY_TYPE, BY_DATE, BY_DATESTAMP);
    static final String TIME_TO_LIVE = "expiresAt";
    /** The by-date index's one partition: every publication with a published version. */
    static final String LISTED = "PUBLISHED";
    static final String META = "META";
    /** What every version's sort key starts with, for a Query of a publication's versions. */
    static final String VERSIONS = "V#";

    private PublicationItems() {
    }

    static String partition(String id) {
        return "PUB#" + id;
    }

    static String versionKey(int version) {
        return String.format(VERSIONS + "%06d", version);
    }

    static String contentKey(String draftSha256) {
        return "HASH#" + draftSha256;
    }

    static String previewKey(String draftSha256) {
        return "PREVIEW#" + draftSha256;
    }

    static String workingGroupPartition(String workingGroup) {
        return "WG#" + workingGroup;
    }

    /** A copy of a publication's listing in the index of a group it is not of, which a secretariat's publication names. */
    static String listingCopyKey(String workingGroup) {
        return "LIST#" + workingGroup;
    }

    static String typePartition(String type) {
        return "TYPE#" + type;
    }

    static Map<String, AttributeValue> key(String id, String sortKey) {
        return Map.of("pk", string(partition(id)), "sk", string(sortKey));
    }

    static Map<String, AttributeValue> statusKey(String bucket, String key) {
        return Map.of("pk", string("UPLOAD#" + bucket + "/" + key), "sk", string("STATUS"));
    }

    /** The item's attributes that {@code names} lists: a key of the table or of an index, from an item. */
    static Map<String, AttributeValue> key(Map<String, AttributeValue> item, Set<String> names) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : names) {
            key.put(name, item.get(name));
        }
        return key;
    }

    static Publication toPublication(Map<String, AttributeValue> item) {
        return new Publication(text(item, "id"), text(item, "title"), text(item, "type"), text(item, "workingGroup"),
                texts(item, "authors"), text(item, "date"), text(item, "language"), text(item, "summary"), texts(item, "keywords"),
                (int) number(item, "latestVersion"), (int) number(item, "pages"), number(item, "size"), text(item, "pdfKey"),
                text(item, "pdfSha256"), text(item, "publishedAt"), text(item, "articleKey"), text(item, "translationOf"), translations(item),
                text(item, "licence"), item.containsKey("workingGroups") ? texts(item, "workingGroups") : null);
    }

    /** An original's translations, by language, as its item keeps them. */
    private static Map<String, String> translations(Map<String, AttributeValue> item) {
        AttributeValue value = item.get("translations");
        Map<String, String> translations = new LinkedHashMap<>();
        if (value != null && value.hasM()) {
            value.m().forEach((language, id) -> {
                if (id.s() != null) {
                    translations.put(language, id.s());
                }
            });
        }
        return translations;
    }

    static PublicationVersion toVersion(Map<String, AttributeValue> item) {
        return new PublicationVersion((int) number(item, "version"), text(item, "title"), text(item, "date"), (int) number(item, "pages"),
                number(item, "size"), text(item, "pdfKey"), text(item, "pdfSha256"), text(item, "publishedAt"),
                text(item, "articleKey"), text(item, "doi"), text(item, "conceptDoi"));
    }

    /** A filled page of a filtered listing: its publications, and the token of where the next starts, or null after the last. */
    record Filled(List<Publication> items, String next) {
    }

    /**
     * Reads a filtered Query page by page until {@code limit} publications are found, the index
     * ends, or {@code maxQueries} queries were made (a narrow filter over a long partition), in
     * which case the page is short and its token carries on from where the reading stopped.
     *
     * @param query the Query, its limit and start left to this method
     * @param start where to start, from a page token, or null
     */
    static Filled fill(DynamoDbClient dynamoDb, QueryRequest.Builder query, Index index, Set<String> keyNames, Map<String, AttributeValue> start,
            int limit, int maxQueries) {
        List<Publication> items = new ArrayList<>();
        Map<String, AttributeValue> from = start;
        for (int queries = 0; queries < maxQueries; queries++) {
            QueryResponse response = dynamoDb.query(query.exclusiveStartKey(from).build());
            List<Map<String, AttributeValue>> found = response.items();
            for (int i = 0; i < found.size(); i++) {
                items.add(toPublication(found.get(i)));
                if (items.size() == limit) {
                    boolean more = i + 1 < found.size() || hasMore(response);
                    return new Filled(items, more ? PageToken.encode(index.name(), key(found.get(i), keyNames)) : null);
                }
            }
            if (!hasMore(response)) {
                return new Filled(items, null);
            }
            from = response.lastEvaluatedKey();
        }
        return new Filled(items, PageToken.encode(index.name(), key(from, keyNames)));
    }

    /** The item that keeps where DOI registration has got to in the by-datestamp index. */
    static Map<String, AttributeValue> doiProgressKey() {
        return Map.of("pk", string("DOI#REGISTRY"), "sk", string("PROGRESS"));
    }

    /** The filter that keeps translations out of listings: each work is listed once, by its original, with its languages. */
    static final String ORIGINALS_ONLY = "attribute_not_exists(translationOf) OR translationOf = :noOriginal";

    static boolean hasMore(QueryResponse response) {
        return response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
    }

    static AttributeValue string(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(PublicationItems::string).toList());
    }

    static AttributeValue numeric(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
