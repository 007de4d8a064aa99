package eu.s3cop.publications;

import static eu.s3cop.core.Items.conditionFailed;
import static eu.s3cop.core.Items.item;
import static eu.s3cop.core.Items.number;
import static eu.s3cop.core.Items.text;
import static eu.s3cop.publications.PublicationItems.LISTED;
import static eu.s3cop.publications.PublicationItems.META;
import static eu.s3cop.publications.PublicationItems.VERSIONS;
import static eu.s3cop.publications.PublicationItems.contentKey;
import static eu.s3cop.publications.PublicationItems.hasMore;
import static eu.s3cop.publications.PublicationItems.key;
import static eu.s3cop.publications.PublicationItems.numeric;
import static eu.s3cop.publications.PublicationItems.partition;
import static eu.s3cop.publications.PublicationItems.string;
import static eu.s3cop.publications.PublicationItems.strings;
import static eu.s3cop.publications.PublicationItems.typePartition;
import static eu.s3cop.publications.PublicationItems.versionKey;
import static eu.s3cop.publications.PublicationItems.workingGroupPartition;

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
        List<TransactWriteItem> writes = new ArrayList<>(List.of(version, content, latest(published)));
        if (!published.meta().translationOf().isEmpty()) {
            writes.add(translated(published));
        }
        writes.addAll(listingCopies(published));
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

    /** The original learns of its translation, in the translation's language: listings and pages show the work once, with its languages. */
    private TransactWriteItem translated(PublishedVersion published) {
        return TransactWriteItem.builder().update(update -> update.tableName(table).key(key(published.meta().translationOf(), META))
                .updateExpression("SET translations.#language = :id").conditionExpression("attribute_exists(latestVersion)")
                .expressionAttributeNames(Map.of("#language", published.meta().language()))
                .expressionAttributeValues(Map.of(":id", string(published.id())))).build();
    }

    /**
     * A publication listed on the pages of groups other than its own (a secretariat's, which names
     * them) has a copy of its listing in each such group's partition of the by-working-group index,
     * written with its latest version; a group it no longer names loses its copy.
     */
    private List<TransactWriteItem> listingCopies(PublishedVersion published) {
        Metadata meta = published.meta();
        List<String> others = meta.workingGroups().stream().filter(group -> !group.equals(meta.workingGroup())).toList();
        List<String> before = publication(published.id()).map(Publication::workingGroups).orElse(List.of());
        List<TransactWriteItem> writes = new ArrayList<>();
        for (String dropped : before.stream().filter(group -> !group.equals(meta.workingGroup()) && !others.contains(group)).toList()) {
            writes.add(TransactWriteItem.builder().delete(delete -> delete.tableName(table)
                    .key(key(published.id(), PublicationItems.listingCopyKey(dropped)))).build());
        }
        for (String group : others) {
            Map<String, AttributeValue> item = new HashMap<>(key(published.id(), PublicationItems.listingCopyKey(group)));
            latestValues(published).forEach((name, value) -> {
                if (COPIED.containsKey(name)) {
                    item.put(COPIED.get(name), value);
                }
            });
            item.put("id", string(published.id()));
            item.put("gsi1pk", string(workingGroupPartition(group)));
            writes.add(TransactWriteItem.builder().put(put -> put.tableName(table).item(item)).build());
        }
        return writes;
    }

    /** The listing's attributes a copy carries, by the placeholder that holds each in the latest version's update. */
    private static final Map<String, String> COPIED = Map.ofEntries(Map.entry(":n", "latestVersion"), Map.entry(":title", "title"),
            Map.entry(":type", "type"), Map.entry(":wg", "workingGroup"), Map.entry(":authors", "authors"), Map.entry(":date", "date"),
            Map.entry(":language", "language"), Map.entry(":summary", "summary"), Map.entry(":keywords", "keywords"),
            Map.entry(":pages", "pages"), Map.entry(":size", "size"), Map.entry(":pdf", "pdfKey"), Map.entry(":pdfSha", "pdfSha256"),
            Map.entry(":at", "publishedAt"), Map.entry(":article", "articleKey"), Map.entry(":translationOf", "translationOf"),
            Map.entry(":licence", "licence"), Map.entry(":groups", "workingGroups"), Map.entry(":listed", "gsi1sk"));

    private TransactWriteItem latest(PublishedVersion published) {
        Map<String, AttributeValue> values = latestValues(published);
        return TransactWriteItem.builder().update(update -> update.tableName(table).key(key(published.id(), META))
                .updateExpression("SET latestVersion = :n, title = :title, #type = :type, workingGroup = :wg, authors = :authors,"
                        + " #date = :date, #language = :language, summary = :summary, keywords = :keywords, pages = :pages,"
                        + " #size = :size, pdfKey = :pdf, pdfSha256 = :pdfSha, publishedAt = :at, articleKey = :article,"
                        + " translationOf = :translationOf, translations = if_not_exists(translations, :noTranslations), licence = :licence,"
                        + " workingGroups = :groups,"
                        + " gsi1pk = :gsi1pk, gsi1sk = :listed, gsi2pk = :gsi2pk, gsi2sk = :listed, gsi3pk = :gsi3pk, gsi3sk = :listed,"
                        + " gsi4pk = :gsi4pk, gsi4sk = :harvested"
                        // The words the table was once searched by: the search index holds them now.
                        + " REMOVE searchText")
                .conditionExpression("attribute_not_exists(latestVersion) OR latestVersion < :n")
                .expressionAttributeNames(Map.of("#type", "type", "#date", "date", "#language", "language", "#size", "size"))
                .expressionAttributeValues(values)).build();
    }

    /** The latest version's listing, by placeholder: what the publication's item is set to, and its copies are made of. */
    private static Map<String, AttributeValue> latestValues(PublishedVersion published) {
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
        values.put(":article", string(published.articleKey()));
        values.put(":translationOf", string(meta.translationOf()));
        values.put(":licence", string(meta.licence()));
        values.put(":noTranslations", AttributeValue.fromM(Map.of()));
        values.put(":gsi1pk", string(workingGroupPartition(meta.workingGroup())));
        values.put(":gsi2pk", string(typePartition(meta.type())));
        values.put(":gsi3pk", string(LISTED));
        values.put(":listed", string(listed));
        values.put(":gsi4pk", string(LISTED));
        values.put(":harvested", string(Harvest.datestamp(published.publishedAt()) + "#" + published.id()));
        values.put(":groups", strings(meta.workingGroups()));
        return values;
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
