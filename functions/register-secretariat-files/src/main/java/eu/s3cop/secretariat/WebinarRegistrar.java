package eu.s3cop.secretariat;

import eu.s3cop.core.SiteAddresses;
import eu.s3cop.upload.Outcome;
import eu.s3cop.upload.Problem;
import eu.s3cop.upload.UploadReport;
import eu.s3cop.upload.UserText;
import eu.s3cop.webinar.model.Webinar;
import eu.s3cop.webinar.model.WebinarReader;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.webinar.store.StoredWebinar;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Registers a webinar file uploaded to {@code webinars/<id>.yaml} (or {@code .yml}): checks it,
 * saves it (a change raises its SEQUENCE, which tells registrants through the scheduler's
 * emails), and reports next to the upload. The table's stream tells refresh-catalogue, which
 * rewrites the pages; the reader API serves the webinar's page and invite from what is saved.
 * A rejected file changes nothing; the upload itself is never changed.
 */
public final class WebinarRegistrar {

    private static final Pattern KEY = Pattern.compile("webinars/([^/]+)\\.(yaml|yml)");

    private final SecretariatUploads uploads;
    private final DynamoDbWebinarStore store;
    private final WebinarReader reader;
    private final RegistrarConfig config;
    private final Clock clock;

    public WebinarRegistrar(S3Client s3, DynamoDbClient dynamoDb, RegistrarConfig config, Clock clock) {
        this.uploads = new SecretariatUploads(s3, config.uploadsBucket());
        this.store = new DynamoDbWebinarStore(dynamoDb, config.webinarsTable());
        this.reader = new WebinarReader(config.workingGroups());
        this.config = config;
        this.clock = clock;
    }

    /**
     * Reads a built-in webinar file, storing nothing: run before a SnapStart snapshot, it leaves
     * the YAML and time-zone code loaded.
     *
     * @return the webinar's title, read back
     */
    public String prime() {
        String file = "title: Priming webinar\nworking_group: " + config.workingGroups().get(0)
                + "\nstarts: 2030-03-28T10:00\ntimezone: Europe/Brussels\n"
                + "duration: PT90M\ndescription: Read once before a snapshot.\nspeakers:\n  - {name: S3 CoP, role: Secretariat}\n"
                + "join_url: https://example.org/join\nregistration: {closes: 2030-03-27T18:00, capacity: 10}\n";
        if (!(reader.read("priming", file.getBytes(StandardCharsets.UTF_8)) instanceof Outcome.Accepted<Webinar> accepted)) {
            throw new IllegalStateException("The built-in priming webinar is rejected");
        }
        return accepted.value().title();
    }

    /** Whether the key is a webinar file's, directly under webinars/. */
    static boolean handles(String key) {
        return KEY.matcher(key).matches();
    }

    /**
     * Answers an upload under webinars/ that is neither a webinar file nor an event's material
     * with a report that says where each goes; nothing else changes.
     */
    public SecretariatUploads.Result misplaced(String bucket, String key) {
        if (!bucket.equals(config.uploadsBucket())) {
            return SecretariatUploads.Result.IGNORED;
        }
        String name = key.substring(key.lastIndexOf('/') + 1);
        uploads.report(key, UploadReport.rejected(key, List.of(Problem.ofFile("'" + UserText.quote(name) + "' is neither a webinar file nor"
                + " an event's material: a webinar file goes directly under webinars/, named after its event with .yaml or .yml"
                + " (webinars/<id>.yaml); an event's slides and documents go in that event's own folder, webinars/<id>/materials/;"
                + " upload the file again where it belongs"))));
        return SecretariatUploads.Result.REJECTED;
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
        Map<String, Object> report = UploadReport.of(key, saved.change().name());
        report.put("webinar", id);
        report.put("sequence", stored.sequence());
        report.put("starts", stored.webinar().start().toString());
        report.put("cancelled", stored.webinar().cancelled());
        report.put("page", SiteAddresses.webinar(id));
        report.put("invite", SiteAddresses.invite(id));
        uploads.report(key, report);
        return SecretariatUploads.Result.valueOf(saved.change().name());
    }
}
