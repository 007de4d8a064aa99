package eu.s3cop.publications;

import static eu.s3cop.publications.PublicationItems.LISTED;
import static eu.s3cop.publications.PublicationItems.META;
import static eu.s3cop.publications.PublicationItems.key;
import static eu.s3cop.publications.PublicationItems.numeric;
import static eu.s3cop.publications.PublicationItems.string;
import static eu.s3cop.publications.PublicationItems.strings;
import static eu.s3cop.publications.PublicationItems.typePartition;
import static eu.s3cop.publications.PublicationItems.workingGroupPartition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The writes that list a published version, made in the transaction that completes it: the
 * publication's item set to its latest version (and its place in every listing index), the
 * original told of a translation, and the copies of the listing in the groups a secretariat's
 * publication names.
 */
record ListingWrites(String table) {

    /** The original learns of its translation, in the translation's language: listings and pages show the work once, with its languages. */
    TransactWriteItem translated(PublishedVersion published) {
        return TransactWriteItem.builder().update(update -> update.tableName(table).key(key(published.meta().translationOf(), META))
                .updateExpression("SET translations.#language = :id").conditionExpression("attribute_exists(latestVersion)")
                .expressionAttributeNames(Map.of("#language", published.meta().language()))
                .expressionAttributeValues(Map.of(":id", string(published.id())))).build();
    }

    /**
     * A publication listed on the pages of groups other than its own (a secretariat's, which names
     * them) has a copy of its listing in each such group's partition of the by-working-group index,
     * written with its latest version; a group it no longer names loses its copy.
     *
     * @param before the groups whose pages listed it until this version
     */
    List<TransactWriteItem> copies(PublishedVersion published, List<String> before) {
        Metadata meta = published.meta();
        List<String> others = meta.workingGroups().stream().filter(group -> !group.equals(meta.workingGroup())).toList();
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

    TransactWriteItem latest(PublishedVersion published) {
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
}
