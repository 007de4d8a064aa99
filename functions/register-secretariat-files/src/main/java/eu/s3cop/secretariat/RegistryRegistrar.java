package eu.s3cop.secretariat;

import eu.s3cop.core.SiteAddresses;
import eu.s3cop.groups.RegistryReader;
import eu.s3cop.groups.WorkingGroupRegistry;
import eu.s3cop.groups.store.DynamoDbRegistryStore;
import eu.s3cop.upload.UploadReport;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Registers a working group's registry uploaded to {@code working-groups/<wg>.yaml} (or
 * {@code .yml}): checks it, saves it whole in place of the last one, and reports next to the
 * upload; refresh-catalogue, told by the table's stream, rewrites the group's page. A rejected file changes nothing; the upload is never changed.
 */
public final class RegistryRegistrar {

    private static final Pattern KEY = Pattern.compile("working-groups/([^/]+)\\.(yaml|yml)");

    private final SecretariatUploads uploads;
    private final DynamoDbRegistryStore store;
    private final RegistryReader reader;
    private final RegistrarConfig config;
    private final Clock clock;

    public RegistryRegistrar(S3Client s3, DynamoDbClient dynamoDb, RegistrarConfig config, Clock clock) {
        this.uploads = new SecretariatUploads(s3, config.uploadsBucket());
        this.store = new DynamoDbRegistryStore(dynamoDb, config.webinarsTable());
        this.reader = new RegistryReader(config.workingGroups());
        this.config = config;
        this.clock = clock;
    }

    /** Whether the key is a registry's, which this registrar answers rather than the webinars'. */
    static boolean handles(String key) {
        return key.startsWith("working-groups/");
    }

    /**
     * @param eTag the uploaded object's, from the event: a file replaced since is left to its own event
     * @param upload the event's sequencer: a second delivery of one upload reports what the first did
     */
    public SecretariatUploads.Result register(String bucket, String key, String eTag, String upload) {
        Matcher matcher = KEY.matcher(key);
        if (!bucket.equals(config.uploadsBucket()) || !matcher.matches()) {
            return SecretariatUploads.Result.IGNORED;
        }
        String group = matcher.group(1);
        SecretariatUploads.Checked<WorkingGroupRegistry> checked = uploads.check(bucket, key, eTag, RegistryReader.MAX_BYTES,
                content -> reader.read(group, content));
        if (!checked.accepted()) {
            return checked.refused();
        }
        WorkingGroupRegistry registry = checked.value();
        DynamoDbRegistryStore.Change change = store.save(registry, checked.sha256(), upload, clock.instant());
        Map<String, Object> report = UploadReport.of(key, change.name());
        report.put("workingGroup", group);
        report.put("members", registry.members().size());
        report.put("meetings", registry.meetings().size());
        report.put("page", SiteAddresses.key(SiteAddresses.workingGroup(group)));
        uploads.report(key, report);
        return SecretariatUploads.Result.valueOf(change.name());
    }
}
