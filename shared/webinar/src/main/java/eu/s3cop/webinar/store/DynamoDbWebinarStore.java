package eu.s3cop.webinar.store;

import static eu.s3cop.core.Items.number;
import static eu.s3cop.core.Items.text;
import static eu.s3cop.core.Items.texts;

import eu.s3cop.core.Items;
import eu.s3cop.webinar.model.Figures;
import eu.s3cop.webinar.model.Format;
import eu.s3cop.webinar.model.Venue;
import eu.s3cop.webinar.model.Webinar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Webinars in the webinars table: {@code WEBINAR#<id>} / {@code META}, listed in start order
 * through the {@code by-start} index ({@code gsi1pk = WEBINARS}). The join link is stored for
 * registrants' emails and never leaves through public outputs. The webinar's partition also holds
 * its registrations; the places they take are counted on the webinar's item ({@link Places}).
 * The item also carries the webinar's materials, which {@link WebinarMaterials} writes and this
 * store only reads.
 *
 * @param table the table's name, as the template names it to the function
 */
public record DynamoDbWebinarStore(DynamoDbClient dynamoDb, String table) {

    /** What saving a webinar file did. */
    public enum Change { REGISTERED, UPDATED, UNCHANGED }

    /** The outcome of a save: what changed and the webinar as now stored. */
    public record Saved(Change change, StoredWebinar webinar) {
    }

    private static final int MAX_ATTEMPTS = 10;
    private static final String PARTITION = "WEBINAR#";
    /** The sort key of a webinar's own item in its partition, beside its registrations'. */
    private static final String META = "META";

    public Optional<StoredWebinar> get(String id) {
        return item(id).map(DynamoDbWebinarStore::fromItem);
    }

    private Optional<Map<String, AttributeValue>> item(String id) {
        return Items.item(dynamoDb, table, key(id));
    }

    /** Every webinar, in start order. */
    public List<StoredWebinar> all() {
        return byStart("gsi1pk = :p", Map.of(":p", AttributeValue.fromS("WEBINARS")));
    }

    /**
     * Webinars that have not ended by {@code now}, cancelled ones too, in start order. One query
     * over the webinars that started at most {@link Webinar#LONGEST} before {@code now}, so it
     * reads what is current, not every webinar ever held.
     */
    public List<StoredWebinar> notEndedBy(Instant now) {
        // A minute early and on a whole minute: keys compare as text, and a start's seconds may carry a fraction.
        String from = now.minus(Webinar.LONGEST).minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MINUTES).toString();
        return byStart("gsi1pk = :p AND gsi1sk >= :from", Map.of(":p", AttributeValue.fromS("WEBINARS"), ":from", AttributeValue.fromS(from)))
                .stream().filter(stored -> stored.webinar().end().isAfter(now)).toList();
    }

    /** The webinars of the by-start index that match {@code condition}, in start order, every page of them. */
    private List<StoredWebinar> byStart(String condition, Map<String, AttributeValue> values) {
        List<StoredWebinar> webinars = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = dynamoDb.query(query -> query.tableName(table).indexName("by-start")
                    .keyConditionExpression(condition).expressionAttributeValues(values).exclusiveStartKey(from));
            response.items().forEach(item -> webinars.add(fromItem(item)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return webinars;
    }

    /** Saves content that no particular upload brought (a file saved by hand, for example). */
    public Saved save(Webinar webinar, String contentSha256, Instant now) {
        return save(webinar, contentSha256, "", now);
    }

    /**
     * Saves a webinar file's content: new webinars start at SEQUENCE 0, changed content raises it by
     * one, identical content changes nothing. Conditional on what was read, so concurrent uploads
     * of one file each count once.
     *
     * <p>The upload that made the change is kept with it, so a second delivery of that same upload
     * (S3 delivers at least once, and a failed attempt is retried) answers with the change it made,
     * REGISTERED or UPDATED, rather than UNCHANGED: its report tells the truth however often it runs.
     *
     * @param upload what tells one upload from another, such as the S3 event's sequencer; empty
     *     when unknown, in which case identical content is always UNCHANGED
     */
    public Saved save(Webinar webinar, String contentSha256, String upload, Instant now) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Map<String, AttributeValue>> read = item(webinar.id());
            Optional<StoredWebinar> existing = read.map(DynamoDbWebinarStore::fromItem);
            if (existing.isPresent() && existing.get().contentSha256().equals(contentSha256)) {
                boolean sameUpload = !upload.isEmpty() && upload.equals(text(read.get(), "savedBy"));
                return new Saved(sameUpload ? Change.valueOf(text(read.get(), "savedAs")) : Change.UNCHANGED, existing.get());
            }
            int sequence = existing.map(stored -> stored.sequence() + 1).orElse(0);
            int registered = existing.map(StoredWebinar::registered).orElse(0);
            Change change = existing.isEmpty() ? Change.REGISTERED : Change.UPDATED;
            Map<String, AttributeValue> item = toItem(webinar, sequence, contentSha256, now, registered);
            item.put("savedBy", AttributeValue.fromS(upload));
            item.put("savedAs", AttributeValue.fromS(change.name()));
            try {
                if (existing.isEmpty()) {
                    dynamoDb.putItem(put -> put.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
                } else {
                    // The registration count is kept as it is: registrations change it on their own.
                    item.remove("registered");
                    Map<String, AttributeValue> values = new HashMap<>();
                    values.put(":old", AttributeValue.fromS(existing.get().contentSha256()));
                    StringBuilder update = new StringBuilder("SET ");
                    Map<String, String> names = new HashMap<>();
                    int i = 0;
                    for (Map.Entry<String, AttributeValue> entry : item.entrySet()) {
                        if (entry.getKey().equals("pk") || entry.getKey().equals("sk")) {
                            continue;
                        }
                        update.append(i == 0 ? "" : ", ").append("#a").append(i).append(" = :v").append(i);
                        names.put("#a" + i, entry.getKey());
                        values.put(":v" + i, entry.getValue());
                        i++;
                    }
                    dynamoDb.updateItem(request -> request.tableName(table).key(key(webinar.id())).updateExpression(update.toString())
                            .conditionExpression("contentSha256 = :old").expressionAttributeNames(names).expressionAttributeValues(values));
                }
                return new Saved(change, new StoredWebinar(webinar, sequence, contentSha256, now, registered,
                        existing.map(StoredWebinar::waiting).orElse(0), existing.map(StoredWebinar::inPerson).orElse(0),
                        existing.map(StoredWebinar::figures).orElse(Figures.NONE), existing.map(StoredWebinar::materials).orElse(List.of())));
            } catch (ConditionalCheckFailedException raced) {
                // Another upload of this webinar was saved in between: read again and decide again.
            }
        }
        throw new IllegalStateException("Webinar " + webinar.id() + " kept changing under " + MAX_ATTEMPTS + " attempts to save it");
    }

    /**
     * The attributes {@link #recordFigures} names, the item's keys among them: a role that records
     * figures may be held to these ({@code dynamodb:Attributes}), in webinars' partitions alone.
     */
    public static final List<String> FIGURES_ATTRIBUTES = List.of("pk", "sk", FiguresItems.FIGURES);

    /**
     * Records the webinar's participation figures on its item, replacing those counted before and
     * touching nothing else of it, so a save of the webinar's file and the figures never undo
     * each other. False when there is no such webinar.
     */
    public boolean recordFigures(String id, Figures figures) {
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(key(id)).updateExpression("SET #figures = :figures")
                    .conditionExpression("attribute_exists(pk)").expressionAttributeNames(Map.of("#figures", FiguresItems.FIGURES))
                    .expressionAttributeValues(Map.of(":figures", FiguresItems.attribute(figures))));
            return true;
        } catch (ConditionalCheckFailedException absent) {
            return false;
        }
    }

    /**
     * The table stream's filter (a pattern of the template's {@code FilterCriteria}) that passes
     * every change to a webinar's item: what the secretariat's file says, and the places taken.
     */
    public static final String CHANGED_STREAM_FILTER = "{\"dynamodb\": {\"Keys\": {\"pk\": {\"S\": [{\"prefix\": \"" + PARTITION + "\"}]}, "
            + "\"sk\": {\"S\": [\"" + META + "\"]}}}}";

    /** The webinar an item of the table's stream is, by the item's keys; empty for any other item (a registration's, say). */
    public static Optional<String> changedWebinar(String partitionKey, String sortKey) {
        return META.equals(sortKey) ? webinarOf(partitionKey) : Optional.empty();
    }

    /** The partition of a webinar's item and of its registrations' items, so one transaction can write both. */
    static String partition(String id) {
        return PARTITION + id;
    }

    /** The webinar whose partition a key names; empty for the table's other partitions. */
    static Optional<String> webinarOf(String partitionKey) {
        return partitionKey != null && partitionKey.startsWith(PARTITION) ? Optional.of(partitionKey.substring(PARTITION.length())) : Optional.empty();
    }

    /** The key of a webinar's own item, which its materials' entries are written on too. */
    static Map<String, AttributeValue> key(String id) {
        return Map.of("pk", AttributeValue.fromS(partition(id)), "sk", AttributeValue.fromS(META));
    }

    static Map<String, AttributeValue> toItem(Webinar webinar, int sequence, String sha, Instant now, int registered) {
        Map<String, AttributeValue> item = new HashMap<>(key(webinar.id()));
        item.put("id", AttributeValue.fromS(webinar.id()));
        item.put("title", AttributeValue.fromS(webinar.title()));
        item.put("workingGroup", AttributeValue.fromS(webinar.workingGroup()));
        item.put("starts", AttributeValue.fromS(webinar.starts().toString()));
        item.put("timezone", AttributeValue.fromS(webinar.timezone().getId()));
        item.put("duration", AttributeValue.fromS(webinar.duration().toString()));
        item.put("startsAt", AttributeValue.fromS(webinar.start().toString()));
        item.put("endsAt", AttributeValue.fromS(webinar.end().toString()));
        item.put("description", AttributeValue.fromS(webinar.description()));
        item.put("speakers", AttributeValue.fromL(webinar.speakers().stream()
                .map(speaker -> AttributeValue.fromM(Map.of("name", AttributeValue.fromS(speaker.name()), "role", AttributeValue.fromS(speaker.role()))))
                .toList()));
        item.put("format", AttributeValue.fromS(webinar.format().word()));
        // Written empty for an online event: a save sets every attribute it writes, and leaves alone any it does not.
        item.put("venue", AttributeValue.fromM(webinar.venue() == null ? Map.of() : Map.of("name", AttributeValue.fromS(webinar.venue().name()),
                "address", AttributeValue.fromS(webinar.venue().address()), "city", AttributeValue.fromS(webinar.venue().city()),
                "country", AttributeValue.fromS(webinar.venue().country()))));
        item.put("agenda", AttributeValue.fromL(webinar.agenda().stream()
                .map(session -> AttributeValue.fromM(Map.of("starts", AttributeValue.fromS(session.starts().toString()),
                        "ends", AttributeValue.fromS(session.ends().toString()), "title", AttributeValue.fromS(session.title()),
                        "speakers", AttributeValue.fromL(session.speakers().stream().map(AttributeValue::fromS).toList()))))
                .toList()));
        item.put("joinUrl", AttributeValue.fromS(webinar.joinUrl()));
        item.put("closes", AttributeValue.fromS(webinar.registrationCloses() == null ? "" : webinar.registrationCloses().toString()));
        item.put("capacity", AttributeValue.fromN(String.valueOf(webinar.capacity())));
        item.put("inPersonCapacity", AttributeValue.fromN(String.valueOf(webinar.inPersonCapacity())));
        item.put("recordingUrl", AttributeValue.fromS(webinar.recordingUrl()));
        item.put("cancelled", AttributeValue.fromBool(webinar.cancelled()));
        item.put("sequence", AttributeValue.fromN(String.valueOf(sequence)));
        item.put("contentSha256", AttributeValue.fromS(sha));
        item.put("updatedAt", AttributeValue.fromS(now.toString()));
        item.put("registered", AttributeValue.fromN(String.valueOf(registered)));
        item.put("gsi1pk", AttributeValue.fromS("WEBINARS"));
        item.put("gsi1sk", AttributeValue.fromS(webinar.start() + "#" + webinar.id()));
        // No materials: they are WebinarMaterials' entries, and a save sets every attribute written here.
        return item;
    }

    /**
     * The stored webinar an item holds, with its materials; an item saved before events had a
     * format reads as online, with no venue and no agenda.
     */
    static StoredWebinar fromItem(Map<String, AttributeValue> item) {
        String closes = text(item, "closes");
        List<Webinar.Speaker> speakers = item.containsKey("speakers") ? item.get("speakers").l().stream()
                .map(speaker -> new Webinar.Speaker(text(speaker.m(), "name"), text(speaker.m(), "role"))).toList() : List.of();
        Format format = Format.of(text(item, "format")).orElse(Format.ONLINE);
        Map<String, AttributeValue> venue = item.containsKey("venue") && item.get("venue").hasM() ? item.get("venue").m() : Map.of();
        List<Webinar.Session> agenda = item.containsKey("agenda") && item.get("agenda").hasL() ? item.get("agenda").l().stream()
                .map(session -> new Webinar.Session(LocalTime.parse(text(session.m(), "starts")), LocalTime.parse(text(session.m(), "ends")),
                        text(session.m(), "title"), texts(session.m(), "speakers"))).toList() : List.of();
        Webinar webinar = new Webinar(text(item, "id"), text(item, "title"), text(item, "workingGroup"),
                LocalDateTime.parse(text(item, "starts")), ZoneId.of(text(item, "timezone")), Duration.parse(text(item, "duration")),
                text(item, "description"), speakers, format,
                venue.isEmpty() ? null : new Venue(text(venue, "name"), text(venue, "address"), text(venue, "city"), text(venue, "country")),
                agenda, text(item, "joinUrl"), closes.isEmpty() ? null : LocalDateTime.parse(closes),
                (int) number(item, "capacity"), (int) number(item, "inPersonCapacity"), text(item, "recordingUrl"),
                item.containsKey("cancelled") && Boolean.TRUE.equals(item.get("cancelled").bool()));
        return new StoredWebinar(webinar, (int) number(item, "sequence"), text(item, "contentSha256"),
                Instant.parse(text(item, "updatedAt")), (int) number(item, "registered"), (int) number(item, Places.WAITING),
                (int) number(item, Places.IN_PERSON), FiguresItems.of(item), WebinarMaterials.fromItem(item));
    }
}
