package eu.s3cop.publications;

import static eu.s3cop.core.Items.conditionFailed;
import static eu.s3cop.core.Items.item;
import static eu.s3cop.core.Items.number;
import static eu.s3cop.core.Items.text;
import static eu.s3cop.core.Items.texts;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import eu.s3cop.core.SearchText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The publications table, and the only code that knows its keys and attributes. One partition
 * per publication:
 * <ul>
 *   <li>{@code META}: the publication, its latest published version and its listing keys (set
 *       only once a version is published, and never for previews: the listing indexes are sparse);</li>
 *   <li>{@code V#000002}: each version, PENDING from its claim until its PDF is stored, then PUBLISHED;</li>
 *   <li>{@code HASH#<sha256>}: which version a draft's exact content became, so that repeats and
 *       identical re-uploads publish nothing new;</li>
 *   <li>{@code PREVIEW#<sha256>}: watermarked previews of {@code status: draft} uploads.</li>
 * </ul>
 * Each upload also gets a status record, {@code UPLOAD#<bucket>/<key>}. Published publications
 * are listed newest first by three sparse indexes: by working group, by type, and all of them by
 * date. Every read is a key lookup or a Query, never a Scan.
 */
public final class DynamoDbPublicationStore {

    /**
     * The table stream's filter (the template's {@code FilterCriteria}) that passes a publication's
     * record once a version of it is listed, and nothing else.
     */
    public static final String LISTED_STREAM_FILTER = "{\"dynamodb\": {\"NewImage\": {\"gsi3pk\": {\"S\": [\"PUBLISHED\"]}}}}";

    /** How long an upload's status record stays before DynamoDB's time to live removes it. */
    public static final Duration STATUS_KEPT = Duration.ofDays(90);

    public enum Claim { CLAIMED, VERSION_TAKEN, CONTENT_TAKEN }

    /**
     * What a draft's content already became: its version, whether that version is published, and
     * when the version was claimed (the time written into its PDF, so every rendering of it is identical).
     */
    public record ContentRecord(int version, boolean published, Instant claimedAt) {
    }

    /** A listing index: the template declares the same three (a test holds them together). */
    record Index(String name, String partitionKey, String sortKey) {
    }

    static final Index BY_WORKING_GROUP = new Index("by-working-group", "gsi1pk", "gsi1sk");
    static final Index BY_TYPE = new Index("by-type", "gsi2pk", "gsi2sk");
    static final Index BY_DATE = new Index("by-date", "gsi3pk", "gsi3sk");
    static final List<Index> INDEXES = List.of(BY_WORKING_GROUP, BY_TYPE, BY_DATE);
    static final String TIME_TO_LIVE = "expiresAt";
    private static final String LISTED = "PUBLISHED";
    private static final String PUBLISHED = "PUBLISHED";
    private static final String PENDING = "PENDING";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbPublicationStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    // Publishing: claims, completions, previews and statuses.

    public Optional<ContentRecord> content(String id, String draftSha256) {
        return item(dynamoDb, table, key(id, content(draftSha256))).map(item -> new ContentRecord((int) number(item, "version"),
                PUBLISHED.equals(text(item, "state")), Instant.parse(text(item, "claimedAt"))));
    }

    /** The highest version number handed out so far, 0 for a new publication. */
    public int latestClaimed(String id) {
        return item(dynamoDb, get -> get.tableName(table).consistentRead(true).key(key(id, "META")).projectionExpression("latestClaimed"))
                .map(item -> (int) number(item, "latestClaimed")).orElse(0);
    }

    /**
     * Hands out {@code version} to this content, if nobody took that number and this content has
     * no version yet. One transaction, so a version number and a content hash are claimed together or not at all.
     */
    public Claim claim(String id, int version, String draftSha256, String draftKey, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":n", numeric(version));
        values.put(":now", string(now.toString()));
        values.put(":id", string(id));
        String condition;
        if (version == 1) {
            condition = "attribute_not_exists(latestClaimed)";
        } else {
            condition = "latestClaimed = :previous";
            values.put(":previous", numeric(version - 1));
        }
        Map<String, AttributeValue> pending = new HashMap<>(key(id, version(version)));
        pending.put("state", string(PENDING));
        pending.put("version", numeric(version));
        pending.put("draftSha256", string(draftSha256));
        pending.put("draftKey", string(draftKey));
        pending.put("claimedAt", string(now.toString()));
        Map<String, AttributeValue> content = new HashMap<>(key(id, content(draftSha256)));
        content.put("state", string(PENDING));
        content.put("version", numeric(version));
        content.put("claimedAt", string(now.toString()));
        try {
            dynamoDb.transactWriteItems(write -> write.transactItems(
                    TransactWriteItem.builder().update(update -> update.tableName(table).key(key(id, "META"))
                            .updateExpression("SET latestClaimed = :n, id = :id, createdAt = if_not_exists(createdAt, :now)")
                            .conditionExpression(condition)
                            .expressionAttributeValues(values)).build(),
                    TransactWriteItem.builder().put(put -> put.tableName(table).item(content)
                            .conditionExpression("attribute_not_exists(pk)")).build(),
                    TransactWriteItem.builder().put(put -> put.tableName(table).item(pending)
                            .conditionExpression("attribute_not_exists(pk)")).build()));
            return Claim.CLAIMED;
        } catch (TransactionCanceledException e) {
            if (conditionFailed(e, 1)) {
                return Claim.CONTENT_TAKEN;
            }
            if (conditionFailed(e, 0)) {
                return Claim.VERSION_TAKEN;
            }
            throw e;
        }
    }

    /**
     * Marks a version published once its PDF is stored, and makes it the publication's latest
     * unless a later version was published first. Safe to repeat.
     */
    public void complete(PublishedVersion published) {
        TransactWriteItem version = TransactWriteItem.builder().update(update -> update.tableName(table)
                .key(key(published.id(), version(published.version())))
                .updateExpression("SET #state = :published, pages = :pages, #size = :size, pdfKey = :pdf, pdfSha256 = :pdfSha,"
                        + " publishedAt = :at, title = :title, #date = :date, uploadedBy = :by")
                .expressionAttributeNames(Map.of("#state", "state", "#size", "size", "#date", "date"))
                .expressionAttributeValues(Map.of(":published", string(PUBLISHED), ":pages", numeric(published.pages()),
                        ":size", numeric(published.size()), ":pdf", string(published.pdfKey()), ":pdfSha", string(published.pdfSha256()),
                        ":at", string(published.publishedAt().toString()), ":title", string(published.meta().title()),
                        ":date", string(published.meta().date().toString()), ":by", string(published.uploadedBy())))).build();
        TransactWriteItem content = TransactWriteItem.builder().update(update -> update.tableName(table)
                .key(key(published.id(), content(published.draftSha256())))
                .updateExpression("SET #state = :published")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":published", string(PUBLISHED)))).build();
        try {
            dynamoDb.transactWriteItems(write -> write.transactItems(version, content, latest(published)));
        } catch (TransactionCanceledException e) {
            if (conditionFailed(e, 2)) {
                // A later version is already the latest: this one stays in the history only.
                dynamoDb.transactWriteItems(write -> write.transactItems(version, content));
            } else {
                throw e;
            }
        }
    }

    private TransactWriteItem latest(PublishedVersion published) {
        Metadata meta = published.meta();
        String listed = meta.date() + "#" + published.id();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":n", numeric(published.version()));
        values.put(":title", string(meta.title()));
        values.put(":type", string(meta.type()));
        values.put(":wg", string(meta.workingGroup()));
        values.put(":authors", strings(meta.authors()));
        values.put(":date", string(meta.date().toString()));
        values.put(":language", string(meta.language()));
        values.put(":summary", string(meta.summary()));
        values.put(":keywords", strings(meta.keywords()));
        values.put(":pages", numeric(published.pages()));
        values.put(":size", numeric(published.size()));
        values.put(":pdf", string(published.pdfKey()));
        values.put(":pdfSha", string(published.pdfSha256()));
        values.put(":at", string(published.publishedAt().toString()));
        values.put(":search", string(SearchText.fold(String.join(" ", meta.title(), meta.summary(),
                String.join(" ", meta.keywords()), String.join(" ", meta.authors())))));
        values.put(":gsi1pk", string(workingGroupPartition(meta.workingGroup())));
        values.put(":gsi2pk", string(typePartition(meta.type())));
        values.put(":gsi3pk", string(LISTED));
        values.put(":listed", string(listed));
        return TransactWriteItem.builder().update(update -> update.tableName(table).key(key(published.id(), "META"))
                .updateExpression("SET latestVersion = :n, title = :title, #type = :type, workingGroup = :wg, authors = :authors,"
                        + " #date = :date, #language = :language, summary = :summary, keywords = :keywords, pages = :pages,"
                        + " #size = :size, pdfKey = :pdf, pdfSha256 = :pdfSha, publishedAt = :at, searchText = :search,"
                        + " gsi1pk = :gsi1pk, gsi1sk = :listed, gsi2pk = :gsi2pk, gsi2sk = :listed, gsi3pk = :gsi3pk, gsi3sk = :listed")
                .conditionExpression("attribute_not_exists(latestVersion) OR latestVersion < :n")
                .expressionAttributeNames(Map.of("#type", "type", "#date", "date", "#language", "language", "#size", "size"))
                .expressionAttributeValues(values)).build();
    }

    public void savePreview(String id, String draftSha256, String title, String pdfKey, int pages, long size, String draftKey, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(id, "PREVIEW#" + draftSha256));
        item.put("state", string("DRAFT"));
        item.put("title", string(title));
        item.put("pdfKey", string(pdfKey));
        item.put("pages", numeric(pages));
        item.put("size", numeric(size));
        item.put("draftKey", string(draftKey));
        item.put("renderedAt", string(now.toString()));
        dynamoDb.putItem(put -> put.tableName(table).item(item));
    }

    /**
     * What became of an upload, for the secretariat and for support. Bookkeeping for operators:
     * the report next to the upload is the rapporteur's record, so this one expires after {@link #STATUS_KEPT}.
     */
    public void recordStatus(String bucket, String key, String eTag, UploadStatus status, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(statusKey(bucket, key));
        item.put("status", string(status.status()));
        if (status.publication() != null) {
            item.put("publication", string(status.publication()));
        }
        if (status.version() > 0) {
            item.put("version", numeric(status.version()));
        }
        if (status.status().equals("REJECTED")) {
            item.put("problems", numeric(status.problems()));
        }
        item.put("eTag", string(eTag == null ? "" : eTag));
        item.put("at", string(now.toString()));
        item.put(TIME_TO_LIVE, numeric(now.plus(STATUS_KEPT).getEpochSecond()));
        dynamoDb.putItem(put -> put.tableName(table).item(item));
    }

    /** An upload's status record, if it has one. */
    public Optional<RecordedStatus> uploadStatus(String bucket, String key) {
        return item(dynamoDb, table, statusKey(bucket, key)).map(item -> new RecordedStatus(new UploadStatus(text(item, "status"),
                item.containsKey("publication") ? text(item, "publication") : null, (int) number(item, "version"), (int) number(item, "problems")),
                text(item, "eTag"), Instant.parse(text(item, "at")), Instant.ofEpochSecond(number(item, TIME_TO_LIVE))));
    }

    // Reading: what readers, the catalogue and the checks see.

    /** A published publication, or empty (unknown, or claimed but not yet published). */
    public Optional<Publication> publication(String id) {
        return item(dynamoDb, get -> get.tableName(table).key(key(id, "META"))).filter(item -> item.containsKey("latestVersion"))
                .map(DynamoDbPublicationStore::publication);
    }

    /** One published version, or empty. */
    public Optional<PublicationVersion> version(String id, int version) {
        return version(id, version, false);
    }

    /** One published version, read after every write before it: for repeating a version's report. */
    public Optional<PublicationVersion> publishedVersion(String id, int version) {
        return version(id, version, true);
    }

    private Optional<PublicationVersion> version(String id, int version, boolean consistent) {
        return publishedItem(id, version, consistent).map(DynamoDbPublicationStore::version);
    }

    /** Who uploaded the draft of a published version (the S3 event's principal), for operators. */
    public Optional<String> uploadedBy(String id, int version) {
        return publishedItem(id, version, true).map(item -> text(item, "uploadedBy"));
    }

    private Optional<Map<String, AttributeValue>> publishedItem(String id, int version, boolean consistent) {
        return item(dynamoDb, get -> get.tableName(table).consistentRead(consistent).key(key(id, version(version))))
                .filter(item -> PUBLISHED.equals(text(item, "state")));
    }

    /** The published versions of a publication, newest first. */
    public List<PublicationVersion> versions(String id) {
        return versionItems(id, true).stream().map(DynamoDbPublicationStore::version).toList();
    }

    /** Every version number claimed for a publication, oldest first, published or still pending. */
    public List<VersionState> versionStates(String id) {
        return versionItems(id, false).stream()
                .map(item -> new VersionState((int) number(item, "version"), PUBLISHED.equals(text(item, "state")), text(item, "draftSha256")))
                .toList();
    }

    private List<Map<String, AttributeValue>> versionItems(String id, boolean publishedNewestFirst) {
        List<Map<String, AttributeValue>> versions = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :v)")
                    .scanIndexForward(!publishedNewestFirst)
                    .exclusiveStartKey(from);
            if (publishedNewestFirst) {
                query.filterExpression("#state = :published").expressionAttributeNames(Map.of("#state", "state"))
                        .expressionAttributeValues(Map.of(":pk", string(partition(id)), ":v", string("V#"), ":published", string(PUBLISHED)));
            } else {
                query.consistentRead(true).expressionAttributeValues(Map.of(":pk", string(partition(id)), ":v", string("V#")));
            }
            QueryResponse response = dynamoDb.query(query.build());
            versions.addAll(response.items());
            start = hasMore(response) ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return versions;
    }

    /** The newest published publications, at most {@code limit}. */
    public List<Publication> latest(int limit) {
        return newest(BY_DATE, LISTED, limit);
    }

    /** The working group's newest published publications, at most {@code limit}. */
    public List<Publication> ofWorkingGroup(String workingGroup, int limit) {
        return newest(BY_WORKING_GROUP, workingGroupPartition(workingGroup), limit);
    }

    private List<Publication> newest(Index index, String partition, int limit) {
        List<Publication> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            int wanted = limit - found.size();
            QueryResponse response = dynamoDb.query(query -> query.tableName(table).indexName(index.name())
                    .keyConditionExpression(index.partitionKey() + " = :p").expressionAttributeValues(Map.of(":p", string(partition)))
                    .scanIndexForward(false).exclusiveStartKey(from).limit(wanted));
            response.items().forEach(item -> found.add(publication(item)));
            start = hasMore(response) ? response.lastEvaluatedKey() : null;
        } while (start != null && found.size() < limit);
        return found;
    }

    /**
     * A page of published publications, newest first, narrowed by {@code filter}, from the index
     * that fits it best; {@code token} is a page's {@code next}, or null for the first page.
     *
     * @throws InvalidPageTokenException when the token is not one this listing gave out
     */
    public ListingPage list(ListingFilter filter, int limit, String token) {
        Index index;
        String partition;
        if (filter.workingGroup() != null) {
            index = BY_WORKING_GROUP;
            partition = workingGroupPartition(filter.workingGroup());
        } else if (filter.type() != null) {
            index = BY_TYPE;
            partition = typePartition(filter.type());
        } else {
            index = BY_DATE;
            partition = LISTED;
        }
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#p", index.partitionKey());
        values.put(":p", string(partition));
        String keyCondition = "#p = :p";
        if (filter.year() != null) {
            names.put("#s", index.sortKey());
            values.put(":year", string(filter.year() + "-"));
            keyCondition += " AND begins_with(#s, :year)";
        }
        List<String> conditions = new ArrayList<>();
        if (filter.workingGroup() != null && filter.type() != null) {
            names.put("#type", "type");
            values.put(":type", string(filter.type()));
            conditions.add("#type = :type");
        }
        for (int i = 0; i < filter.words().size(); i++) {
            values.put(":w" + i, string(filter.words().get(i)));
            conditions.add("contains(searchText, :w" + i + ")");
        }
        Set<String> keyNames = Set.of("pk", "sk", index.partitionKey(), index.sortKey());
        Map<String, AttributeValue> start = token == null ? null : PageToken.decode(token, index.name(), keyNames);
        if (start != null && !start.get(index.partitionKey()).s().equals(partition)) {
            throw new InvalidPageTokenException("The next token belongs to another listing; pass it with the filters it came with.");
        }

        List<Publication> items = new ArrayList<>();
        while (true) {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(index.name())
                    .keyConditionExpression(keyCondition).expressionAttributeNames(names).expressionAttributeValues(values)
                    .scanIndexForward(false).limit(Math.max(limit, 25));
            if (!conditions.isEmpty()) {
                query.filterExpression(String.join(" AND ", conditions));
            }
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse response = dynamoDb.query(query.build());
            List<Map<String, AttributeValue>> found = response.items();
            for (int i = 0; i < found.size(); i++) {
                items.add(publication(found.get(i)));
                if (items.size() == limit) {
                    boolean more = i + 1 < found.size() || hasMore(response);
                    return new ListingPage(items, more ? PageToken.encode(index.name(), key(found.get(i), keyNames)) : null);
                }
            }
            if (!hasMore(response)) {
                return new ListingPage(items, null);
            }
            start = response.lastEvaluatedKey();
        }
    }

    // The table's stream.

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

    // The table's keys and items.

    private static Publication publication(Map<String, AttributeValue> item) {
        return new Publication(text(item, "id"), text(item, "title"), text(item, "type"), text(item, "workingGroup"),
                texts(item, "authors"), text(item, "date"), text(item, "language"), text(item, "summary"), texts(item, "keywords"),
                (int) number(item, "latestVersion"), (int) number(item, "pages"), number(item, "size"), text(item, "pdfKey"),
                text(item, "pdfSha256"), text(item, "publishedAt"));
    }

    private static PublicationVersion version(Map<String, AttributeValue> item) {
        return new PublicationVersion((int) number(item, "version"), text(item, "title"), text(item, "date"), (int) number(item, "pages"),
                number(item, "size"), text(item, "pdfKey"), text(item, "pdfSha256"), text(item, "publishedAt"));
    }

    private static String partition(String id) {
        return "PUB#" + id;
    }

    private static String version(int version) {
        return String.format("V#%06d", version);
    }

    private static String content(String draftSha256) {
        return "HASH#" + draftSha256;
    }

    private static String workingGroupPartition(String workingGroup) {
        return "WG#" + workingGroup;
    }

    private static String typePartition(String type) {
        return "TYPE#" + type;
    }

    private static Map<String, AttributeValue> key(String id, String sortKey) {
        return Map.of("pk", string(partition(id)), "sk", string(sortKey));
    }

    private static Map<String, AttributeValue> statusKey(String bucket, String key) {
        return Map.of("pk", string("UPLOAD#" + bucket + "/" + key), "sk", string("STATUS"));
    }

    private static Map<String, AttributeValue> key(Map<String, AttributeValue> item, Set<String> names) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : names) {
            key.put(name, item.get(name));
        }
        return key;
    }

    private static boolean hasMore(QueryResponse response) {
        return response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
    }

    private static AttributeValue string(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(DynamoDbPublicationStore::string).toList());
    }

    private static AttributeValue numeric(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
