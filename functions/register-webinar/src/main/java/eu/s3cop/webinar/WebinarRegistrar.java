package eu.s3cop.webinar;

import eu.s3cop.catalogue.CatalogueSite;
import eu.s3cop.upload.Outcome;
import eu.s3cop.upload.UploadReport;
import eu.s3cop.webinar.model.Invites;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.model.WebinarReader;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.webinar.store.StoredWebinar;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    private static final Pattern KEY = Pattern.compile("webinars/([^/]+)\\.(yaml|yml)");

    private final S3Client s3;
    private final SecretariatUploads uploads;
    private final DynamoDbWebinarStore store;
    private final WebinarReader reader;
    private final CatalogueSite site;
    private final RegistrarConfig config;
    private final Clock clock;

    public WebinarRegistrar(S3Client s3, DynamoDbClient dynamoDb, RegistrarConfig config, Clock clock) {
        this.s3 = s3;
        this.uploads = new SecretariatUploads(s3, config.uploadsBucket());
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
    public SecretariatUploads.Result register(String bucket, String key, String eTag, String upload) {
        Matcher matcher = KEY.matcher(key);
        if (!bucket.equals(config.uploadsBucket()) || !matcher.matches()) {
            return SecretariatUploads.Result.IGNORED;
        }
        String id = matcher.group(1);
        SecretariatUploads.Checked<Webinar> checked = uploads.check(bucket, key, eTag, WebinarReader.MAX_BYTES, content -> reader.read(id, content));
        if (!checked.accepted()) {
            return checked.refused();
        }
        DynamoDbWebinarStore.Saved saved = store.save(checked.value(), checked.sha256(), upload, clock.instant());
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
        uploads.report(key, report);
        // The catalogue lists upcoming webinars: refresh it, last, so a failure retries the whole event.
        site.regenerate();
        return SecretariatUploads.Result.valueOf(saved.change().name());
    }
}
