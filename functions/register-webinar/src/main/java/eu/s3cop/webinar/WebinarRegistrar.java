package eu.s3cop.webinar;

import eu.s3cop.catalogue.CatalogueSite;
import eu.s3cop.core.S3Reads;
import eu.s3cop.core.SafeJson;
import eu.s3cop.upload.Outcome;
import eu.s3cop.upload.UploadReport;
import eu.s3cop.webinar.model.Invites;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.model.WebinarReader;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.webinar.store.StoredWebinar;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Registers a webinar file uploaded to {@code webinars/<id>.yaml} (or {@code .yml}): checks it,
 * saves it (a change raises its SEQUENCE, which tells registrants through the scheduler's
 * emails), writes its public invite to the publications bucket, and reports next to the upload.
 * A rejected file changes nothing; the upload itself is never changed.
 */
public final class WebinarRegistrar {

    /** What became of an upload. */
    public enum Result { REGISTERED, UPDATED, UNCHANGED, REJECTED, IGNORED, SUPERSEDED }

    private static final Pattern KEY = Pattern.compile("webinars/([^/]+)\\.(yaml|yml)");

    private final S3Client s3;
    private final DynamoDbWebinarStore store;
    private final WebinarReader reader;
    private final CatalogueSite site;
    private final RegistrarConfig config;
    private final Clock clock;

    public WebinarRegistrar(S3Client s3, DynamoDbClient dynamoDb, RegistrarConfig config, Clock clock) {
        this.s3 = s3;
        this.store = new DynamoDbWebinarStore(dynamoDb, config.webinarsTable());
        this.reader = new WebinarReader(config.site().workingGroups());
        this.site = new CatalogueSite(s3, dynamoDb, config.site(), clock);
        this.config = config;
        this.clock = clock;
    }

    /**
     * Reads a built-in webinar file and writes its invite, storing nothing: run before a
     * SnapStart snapshot, it leaves YAML, time-zone and iCalendar code loaded.
     *
     * @return the invite's length
     */
    public int prime() {
        String file = "title: Priming webinar\nworking_group: " + config.site().workingGroups().get(0)
                + "\nstarts: 2030-03-28T10:00\ntimezone: Europe/Brussels\n"
                + "duration: PT90M\ndescription: Laid out once before a snapshot.\nspeakers:\n  - {name: S3 CoP, role: Secretariat}\n"
                + "join_url: https://example.org/join\nregistration: {closes: 2030-03-27T18:00, capacity: 10}\n";
        Outcome<Webinar> outcome = reader.read("priming", file.getBytes(StandardCharsets.UTF_8));
        if (!(outcome instanceof Outcome.Accepted<Webinar> accepted)) {
            throw new IllegalStateException("The built-in priming webinar is rejected: " + outcome);
        }
        site.prime();
        return Invites.calendar(Invites.Kind.PUBLISH, List.of(Invites.Entry.published(accepted.value(), 0, Instant.EPOCH)), config.organizer()).length();
    }

    /** The public invite's key in the publications bucket. */
    public static String inviteKey(String id) {
        return "webinars/" + id + ".ics";
    }

    /**
     * @param eTag the uploaded object's, from the event: a file replaced since is left to its own event
     * @param upload the event's sequencer, which S3 gives each upload of a key: a second delivery of
     *     one upload then reports what the first did
     */
    public Result register(String bucket, String key, String eTag, String upload) {
        Matcher matcher = KEY.matcher(key);
        if (!bucket.equals(config.uploadsBucket()) || !matcher.matches()) {
            return Result.IGNORED;
        }
        String id = matcher.group(1);
        Optional<byte[]> content = fetch(bucket, key, eTag);
        if (content.isEmpty()) {
            return Result.SUPERSEDED;
        }
        Outcome<Webinar> outcome = reader.read(id, content.get());
        if (outcome instanceof Outcome.Rejected<Webinar> rejected) {
            report(key, UploadReport.rejected(key, rejected.problems()));
            return Result.REJECTED;
        }
        DynamoDbWebinarStore.Saved saved = store.save(((Outcome.Accepted<Webinar>) outcome).value(), sha256(content.get()), upload, clock.instant());
        StoredWebinar stored = saved.webinar();
        String invite = Invites.calendar(Invites.Kind.PUBLISH,
                List.of(Invites.Entry.published(stored.webinar(), stored.sequence(), stored.updatedAt())), config.organizer());
        s3.putObject(put -> put.bucket(config.publicationsBucket()).key(inviteKey(id)).contentType("text/calendar; charset=utf-8"),
                RequestBody.fromString(invite));
        Map<String, Object> report = UploadReport.of(key, saved.change().name());
        report.put("webinar", id);
        report.put("sequence", stored.sequence());
        report.put("starts", stored.webinar().start().toString());
        report.put("cancelled", stored.webinar().cancelled());
        report.put("invite", inviteKey(id));
        report(key, report);
        // The catalogue lists upcoming webinars: refresh it, last, so a failure retries the whole event.
        site.regenerate();
        return Result.valueOf(saved.change().name());
    }

    private Optional<byte[]> fetch(String bucket, String key, String eTag) {
        Optional<Long> size = S3Reads.ifPresent(() -> s3.headObject(head -> head.bucket(bucket).key(key)).contentLength());
        if (size.isPresent() && size.get() > WebinarReader.MAX_BYTES) {
            // Read no more than the reader's limit: the reader rejects it for its size.
            return Optional.of(new byte[WebinarReader.MAX_BYTES + 1]);
        }
        return size.flatMap(present -> S3Reads.ifPresent(() -> s3.getObjectAsBytes(get -> get.bucket(bucket).key(key))))
                .filter(object -> {
                    String stored = object.response().eTag() == null ? "" : object.response().eTag().replace("\"", "");
                    return eTag == null || eTag.isEmpty() || eTag.equals(stored);
                })
                .map(object -> object.asByteArray());
    }

    private void report(String key, Map<String, Object> report) {
        s3.putObject(put -> put.bucket(config.uploadsBucket()).key(UploadReport.key(key)).contentType("application/json"),
                RequestBody.fromBytes(SafeJson.write(report)));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
