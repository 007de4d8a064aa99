package eu.s3cop.brief;

import eu.s3cop.core.SearchText;
import eu.s3cop.draft.FrontMatter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The publications index in DynamoDB, one partition per publication:
 * <ul>
 *   <li>{@code META}: the publication, its latest published version and its listing keys (set
 *       only once a version is published, and never for previews: the listing indexes are sparse);</li>
 *   <li>{@code V#000002}: each version, PENDING from its claim until its PDF is stored, then PUBLISHED;</li>
 *   <li>{@code HASH#<sha256>}: which version a draft's exact content became, so that repeats and
 *       identical re-uploads publish nothing new;</li>
 *   <li>{@code PREVIEW#<sha256>}: watermarked previews of {@code status: draft} uploads.</li>
 * </ul>
 * Each upload also gets a status record, {@code UPLOAD#<bucket>/<key>}.
 */
final class DynamoDbPublicationStore {

    static final String PUBLISHED_PARTITION = "PUBLISHED";

    enum Claim { CLAIMED, VERSION_TAKEN, CONTENT_TAKEN }

    /**
     * What a draft's content already became: its version, whether that version is published, and
     * when the version was claimed (the time written into its PDF, so every rendering of it is identical).
     */
    record ContentRecord(int version, boolean published, Instant claimedAt) {
    }

    /** A published version's stored facts, for repeating its report. */
    record StoredVersion(int pages, long size, String pdfKey, String pdfSha256, Instant publishedAt) {
    }

    private final DynamoDbClient dynamoDb;
    private final String table;

    DynamoDbPublicationStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    Optional<ContentRecord> content(String id, String draftSha256) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).consistentRead(true)
                .key(key(id, "HASH#" + draftSha256))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ContentRecord(Integer.parseInt(item.get("version").n()), "PUBLISHED".equals(item.get("state").s()),
                Instant.parse(item.get("claimedAt").s())));
    }

    Optional<StoredVersion> publishedVersion(String id, int version) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).consistentRead(true)
                .key(key(id, version(version)))).item();
        if (item == null || !"PUBLISHED".equals(item.getOrDefault("state", string("")).s())) {
            return Optional.empty();
        }
        return Optional.of(new StoredVersion(Integer.parseInt(item.get("pages").n()), Long.parseLong(item.get("size").n()),
                item.get("pdfKey").s(), item.get("pdfSha256").s(), Instant.parse(item.get("publishedAt").s())));
    }

    /** The highest version number handed out so far, 0 for a new publication. */
    int latestClaimed(String id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).consistentRead(true)
                .key(key(id, "META")).projectionExpression("latestClaimed")).item();
        return item == null || !item.containsKey("latestClaimed") ? 0 : Integer.parseInt(item.get("latestClaimed").n());
    }

    /**
     * Hands out {@code version} to this content, if nobody took that number and this content has
     * no version yet. One transaction, so a version number and a content hash are claimed together or not at all.
     */
    Claim claim(String id, int version, String draftSha256, Upload upload, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":n", number(version));
        values.put(":now", string(now.toString()));
        String condition;
        if (version == 1) {
            condition = "attribute_not_exists(latestClaimed)";
        } else {
            condition = "latestClaimed = :previous";
            values.put(":previous", number(version - 1));
        }
        Map<String, AttributeValue> pending = new HashMap<>(key(id, version(version)));
        pending.put("state", string("PENDING"));
        pending.put("version", number(version));
        pending.put("draftSha256", string(draftSha256));
        pending.put("draftKey", string(upload.key()));
        pending.put("claimedAt", string(now.toString()));
        Map<String, AttributeValue> content = new HashMap<>(key(id, "HASH#" + draftSha256));
        content.put("state", string("PENDING"));
        content.put("version", number(version));
        content.put("claimedAt", string(now.toString()));
        try {
            dynamoDb.transactWriteItems(write -> write.transactItems(
                    TransactWriteItem.builder().update(update -> update.tableName(table).key(key(id, "META"))
                            .updateExpression("SET latestClaimed = :n, id = :id, createdAt = if_not_exists(createdAt, :now)")
                            .conditionExpression(condition)
                            .expressionAttributeValues(with(values, ":id", string(id)))).build(),
                    TransactWriteItem.builder().put(put -> put.tableName(table).item(content)
                            .conditionExpression("attribute_not_exists(pk)")).build(),
                    TransactWriteItem.builder().put(put -> put.tableName(table).item(pending)
                            .conditionExpression("attribute_not_exists(pk)")).build()));
            return Claim.CLAIMED;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (reasons.size() > 1 && "ConditionalCheckFailed".equals(reasons.get(1).code())) {
                return Claim.CONTENT_TAKEN;
            }
            if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                return Claim.VERSION_TAKEN;
            }
            throw e;
        }
    }

    /**
     * Marks a version published once its PDF is stored, and makes it the publication's latest
     * unless a later version was published first. Safe to repeat.
     */
    void complete(PublishedVersion published) {
        TransactWriteItem version = TransactWriteItem.builder().update(update -> update.tableName(table)
                .key(key(published.id(), version(published.version())))
                .updateExpression("SET #state = :published, pages = :pages, #size = :size, pdfKey = :pdf, pdfSha256 = :pdfSha,"
                        + " publishedAt = :at, title = :title, #date = :date")
                .expressionAttributeNames(Map.of("#state", "state", "#size", "size", "#date", "date"))
                .expressionAttributeValues(Map.of(":published", string("PUBLISHED"), ":pages", number(published.pages()),
                        ":size", number(published.size()), ":pdf", string(published.pdfKey()), ":pdfSha", string(published.pdfSha256()),
                        ":at", string(published.publishedAt().toString()), ":title", string(published.meta().title()),
                        ":date", string(published.meta().date().toString())))).build();
        TransactWriteItem content = TransactWriteItem.builder().update(update -> update.tableName(table)
                .key(key(published.id(), "HASH#" + published.draftSha256()))
                .updateExpression("SET #state = :published")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":published", string("PUBLISHED")))).build();
        try {
            dynamoDb.transactWriteItems(write -> write.transactItems(version, content, latest(published)));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (reasons.size() > 2 && "ConditionalCheckFailed".equals(reasons.get(2).code())) {
                // A later version is already the latest: this one stays in the history only.
                dynamoDb.transactWriteItems(write -> write.transactItems(version, content));
            } else {
                throw e;
            }
        }
    }

    private TransactWriteItem latest(PublishedVersion published) {
        FrontMatter meta = published.meta();
        String listed = meta.date() + "#" + published.id();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":n", number(published.version()));
        values.put(":title", string(meta.title()));
        values.put(":type", string(meta.type().code()));
        values.put(":wg", string(meta.workingGroup()));
        values.put(":authors", AttributeValue.fromL(meta.authors().stream().map(DynamoDbPublicationStore::string).toList()));
        values.put(":date", string(meta.date().toString()));
        values.put(":language", string(meta.language()));
        values.put(":summary", string(meta.summary()));
        values.put(":keywords", AttributeValue.fromL(meta.keywords().stream().map(DynamoDbPublicationStore::string).toList()));
        values.put(":pages", number(published.pages()));
        values.put(":size", number(published.size()));
        values.put(":pdf", string(published.pdfKey()));
        values.put(":pdfSha", string(published.pdfSha256()));
        values.put(":at", string(published.publishedAt().toString()));
        values.put(":search", string(SearchText.fold(String.join(" ", meta.title(), meta.summary(),
                String.join(" ", meta.keywords()), String.join(" ", meta.authors())))));
        values.put(":gsi1pk", string("WG#" + meta.workingGroup()));
        values.put(":gsi2pk", string("TYPE#" + meta.type().code()));
        values.put(":gsi3pk", string(PUBLISHED_PARTITION));
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

    void savePreview(String id, String draftSha256, FrontMatter meta, String pdfKey, int pages, long size, Upload upload, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(id, "PREVIEW#" + draftSha256));
        item.put("state", string("DRAFT"));
        item.put("title", string(meta.title()));
        item.put("pdfKey", string(pdfKey));
        item.put("pages", number(pages));
        item.put("size", number(size));
        item.put("draftKey", string(upload.key()));
        item.put("renderedAt", string(now.toString()));
        dynamoDb.putItem(put -> put.tableName(table).item(item));
    }

    /** How long an upload's status record stays before DynamoDB's time to live removes it. */
    static final Duration STATUS_KEPT = Duration.ofDays(90);

    /** What became of an upload, for the secretariat and for support: published, previewed or rejected. */
    void recordStatus(Upload upload, String status, Map<String, AttributeValue> details, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(details);
        item.put("pk", string("UPLOAD#" + upload.bucket() + "/" + upload.key()));
        item.put("sk", string("STATUS"));
        item.put("status", string(status));
        item.put("eTag", string(upload.eTag() == null ? "" : upload.eTag()));
        item.put("at", string(now.toString()));
        // Bookkeeping for operators: the report next to the upload is the rapporteur's record, so this one expires.
        item.put("expiresAt", AttributeValue.fromN(String.valueOf(now.plus(STATUS_KEPT).getEpochSecond())));
        dynamoDb.putItem(put -> put.tableName(table).item(item));
    }

    static String version(int version) {
        return String.format("V#%06d", version);
    }

    private static Map<String, AttributeValue> key(String id, String sortKey) {
        return Map.of("pk", string("PUB#" + id), "sk", string(sortKey));
    }

    private static Map<String, AttributeValue> with(Map<String, AttributeValue> values, String name, AttributeValue value) {
        Map<String, AttributeValue> copy = new HashMap<>(values);
        copy.put(name, value);
        return copy;
    }

    static AttributeValue string(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
