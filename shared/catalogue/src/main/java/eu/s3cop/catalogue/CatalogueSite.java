package eu.s3cop.catalogue;

import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.webinar.store.StoredWebinar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Regenerates the catalogue in the site bucket from the publications index: the home page, a
 * page per working group, the Atom feed and the stylesheet. Only published briefs are in the
 * listing index, so drafts and rejected uploads can never appear. Every run rewrites the whole
 * site from the index, so runs may repeat or overlap: the last one to finish is complete.
 */
public final class CatalogueSite {

    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String siteBucket;
    private final DynamoDbWebinarStore webinars;
    private final List<String> workingGroups;
    private final SitePages pages;
    private final Clock clock;
    private final byte[] css;

    public CatalogueSite(S3Client s3, DynamoDbClient dynamoDb, String table, String webinarsTable, String siteBucket,
            List<String> workingGroups, Clock clock) {
        this.s3 = s3;
        this.webinars = new DynamoDbWebinarStore(dynamoDb, webinarsTable);
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.siteBucket = siteBucket;
        this.workingGroups = List.copyOf(workingGroups);
        this.pages = new SitePages(workingGroups);
        this.clock = clock;
        try (InputStream in = CatalogueSite.class.getResourceAsStream("/eu/s3cop/catalogue/site.css")) {
            this.css = in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("The catalogue's stylesheet is missing from its jar", e);
        }
    }

    /** Every published brief, newest first. */
    public List<Listing> published() {
        List<Listing> listings = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = dynamoDb.query(query -> query.tableName(table).indexName("by-date")
                    .keyConditionExpression("gsi3pk = :p").expressionAttributeValues(Map.of(":p", AttributeValue.fromS("PUBLISHED")))
                    .scanIndexForward(false).exclusiveStartKey(from));
            response.items().forEach(item -> listings.add(Listing.from(item)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return listings;
    }

    /** Webinars that have not ended and are not cancelled, soonest first. */
    public List<Webinar> upcoming() {
        var now = clock.instant();
        return webinars.all().stream().map(StoredWebinar::webinar)
                .filter(webinar -> !webinar.cancelled() && webinar.end().isAfter(now))
                .toList();
    }

    /** Lays out the pages and the feed of an empty catalogue and writes nothing: priming before a snapshot. */
    public int prime() {
        int length = pages.index(List.of(), List.of()).length() + AtomFeed.of(List.of(), "1970-01-01T00:00:00Z").length();
        for (String group : workingGroups) {
            length += pages.workingGroup(group, List.of(), List.of()).length();
        }
        return length;
    }

    public void regenerate() {
        List<Listing> listings = published();
        List<Webinar> upcoming = upcoming();
        put("site.css", css, "text/css; charset=utf-8");
        put("index.html", pages.index(listings, upcoming).getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
        for (String group : workingGroups) {
            List<Listing> ofGroup = listings.stream().filter(listing -> listing.workingGroup().equals(group)).toList();
            List<Webinar> webinarsOfGroup = upcoming.stream().filter(webinar -> webinar.workingGroup().equals(group)).toList();
            put("working-groups/" + group + ".html", pages.workingGroup(group, ofGroup, webinarsOfGroup).getBytes(StandardCharsets.UTF_8),
                    "text/html; charset=utf-8");
        }
        put("feed.xml", AtomFeed.of(listings, clock.instant().toString()).getBytes(StandardCharsets.UTF_8), "application/atom+xml; charset=utf-8");
    }

    private void put(String key, byte[] bytes, String contentType) {
        s3.putObject(put -> put.bucket(siteBucket).key(key).contentType(contentType).cacheControl("public, max-age=60"),
                RequestBody.fromBytes(bytes));
    }
}
