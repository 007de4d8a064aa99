package eu.s3cop.publications;

import static eu.s3cop.core.Items.conditionFailed;
import static eu.s3cop.core.Items.item;
import static eu.s3cop.core.Items.number;
import static eu.s3cop.core.Items.text;
import static eu.s3cop.publications.PublicationItems.META;
import static eu.s3cop.publications.PublicationItems.VERSIONS;
import static eu.s3cop.publications.PublicationItems.contentKey;
import static eu.s3cop.publications.PublicationItems.hasMore;
import static eu.s3cop.publications.PublicationItems.key;
import static eu.s3cop.publications.PublicationItems.numeric;
import static eu.s3cop.publications.PublicationItems.partition;
import static eu.s3cop.publications.PublicationItems.string;
import static eu.s3cop.publications.PublicationItems.versionKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The publishing ledger in the publications table ({@link PublicationItems} lays it out): which
 * version numbers and draft contents were claimed, which versions are published and which is a
 * publication's latest, and the previews of drafts. Claims and completions are conditional
 * writes in transactions, so repeated and concurrent uploads of a draft publish it once. Listing
 * published publications is {@link PublicationListings}' job, upload statuses {@link UploadStatuses}'.
 *
 * @param table the table's name, as the template names it to the function
 */
public record DynamoDbPublicationStore(DynamoDbClient dynamoDb, String table) {

    public enum Claim { CLAIMED, VERSION_TAKEN, CONTENT_TAKEN }

    /**
     * What a draft's content already became: its version, whether that version is published, and
     * when the version was claimed (the time written into its PDF, so every rendering of it is identical).
     */
    public record ContentRecord(int version, boolean published, Instant claimedAt) {
    }

    private static final String PUBLISHED = "PUBLISHED";
    private static final String PENDING = "PENDING";

    public Optional<ContentRecord> content(String id, String draftSha256) {
        return item(dynamoDb, table, key(id, contentKey(draftSha256))).map(item -> new ContentRecord((int) number(item, "version"),
                PUBLISHED.equals(text(item, "state")), Instant.parse(text(item, "claimedAt"))));
    }

    /** The highest version number handed out so far, 0 for a new publication. */
    public int latestClaimed(String id) {
        return item(dynamoDb, get -> get.tableName(table).consistentRead(true).key(key(id, META)).projectionExpression("latestClaimed"))
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
        Map<String, AttributeValue> pending = new HashMap<>(key(id, versionKey(version)));
        pending.put("state", string(PENDING));
        pending.put("version", numeric(version));
        pending.put("draftSha256", string(draftSha256));
        pending.put("draftKey", string(draftKey));
        pending.put("claimedAt", string(now.toString()));
        Map<String, AttributeValue> content = new HashMap<>(key(id, contentKey(draftSha256)));
        content.put("state", string(PENDING));
        content.put("version", numeric(version));
        content.put("claimedAt", string(now.toString()));
        try {
            dynamoDb.transactWriteItems(write -> write.transactItems(
                    TransactWriteItem.builder().update(update -> update.tableName(table).key(key(id, META))
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
                .key(key(published.id(), versionKey(published.version())))
                .updateExpression("SET #state = :published, pages = :pages, #size = :size, pdfKey = :pdf, pdfSha256 = :pdfSha,"
                        + " publishedAt = :at, title = :title, #date = :date, uploadedBy = :by, articleKey = :article, licence = :licence")
                .expressionAttributeNames(Map.of("#state", "state", "#size", "size", "#date", "date"))
                .expressionAttributeValues(Map.ofEntries(Map.entry(":published", string(PUBLISHED)), Map.entry(":pages", numeric(published.pages())),
                        Map.entry(":size", numeric(published.size())), Map.entry(":pdf", string(published.pdfKey())),
                        Map.entry(":pdfSha", string(published.pdfSha256())), Map.entry(":at", string(published.publishedAt().toString())),
                        Map.entry(":title", string(published.meta().title())), Map.entry(":date", string(published.meta().date().toString())),
                        Map.entry(":by", string(published.uploadedBy())), Map.entry(":article", string(published.articleKey())),
                        Map.entry(":licence", string(published.meta().licence()))))).build();
        TransactWriteItem content = TransactWriteItem.builder().update(update -> update.tableName(table)
                .key(key(published.id(), contentKey(published.draftSha256())))
                .updateExpression("SET #state = :published")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":published", string(PUBLISHED)))).build();
        ListingWrites listing = new ListingWrites(table);
        List<TransactWriteItem> writes = new ArrayList<>(List.of(version, content, listing.latest(published)));
        if (!published.meta().translationOf().isEmpty()) {
            writes.add(listing.translated(published));
        }
        writes.addAll(listing.copies(published, publication(published.id()).map(Publication::workingGroups).orElse(List.of())));
        try {
            dynamoDb.transactWriteItems(write -> write.transactItems(writes));
        } catch (TransactionCanceledException e) {
            if (conditionFailed(e, 2)) {
                // A later version is already the latest: this one stays in the history only.
                dynamoDb.transactWriteItems(write -> write.transactItems(version, content));
            } else {
                throw e;
            }
        }
    }

    public void savePreview(String id, String draftSha256, String title, String pdfKey, int pages, long size, String draftKey, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(id, PublicationItems.previewKey(draftSha256)));
        item.put("state", string("DRAFT"));
        item.put("title", string(title));
        item.put("pdfKey", string(pdfKey));
        item.put("pages", numeric(pages));
        item.put("size", numeric(size));
        item.put("draftKey", string(draftKey));
        item.put("renderedAt", string(now.toString()));
        dynamoDb.putItem(put -> put.tableName(table).item(item));
    }

    // Reading: a publication and its versions, for readers, and the ledger's own state, for operators.

    /** A published publication, or empty (unknown, or claimed but not yet published). */
    public Optional<Publication> publication(String id) {
        return item(dynamoDb, get -> get.tableName(table).key(key(id, META))).filter(item -> item.containsKey("latestVersion"))
                .map(PublicationItems::toPublication);
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
        return publishedItem(id, version, consistent).map(PublicationItems::toVersion);
    }

    /** Who uploaded the draft of a published version (the S3 event's principal), for operators. */
    public Optional<String> uploadedBy(String id, int version) {
        return publishedItem(id, version, true).map(item -> text(item, "uploadedBy"));
    }

    private Optional<Map<String, AttributeValue>> publishedItem(String id, int version, boolean consistent) {
        return item(dynamoDb, get -> get.tableName(table).consistentRead(consistent).key(key(id, versionKey(version))))
                .filter(item -> PUBLISHED.equals(text(item, "state")));
    }

    /** The published versions of a publication, newest first. */
    public List<PublicationVersion> versions(String id) {
        return versionItems(id, true).stream().map(PublicationItems::toVersion).toList();
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
                        .expressionAttributeValues(Map.of(":pk", string(partition(id)), ":v", string(VERSIONS), ":published", string(PUBLISHED)));
            } else {
                query.consistentRead(true).expressionAttributeValues(Map.of(":pk", string(partition(id)), ":v", string(VERSIONS)));
            }
            QueryResponse response = dynamoDb.query(query.build());
            versions.addAll(response.items());
            start = hasMore(response) ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return versions;
    }
}
