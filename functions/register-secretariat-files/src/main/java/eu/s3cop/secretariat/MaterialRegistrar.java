package eu.s3cop.secretariat;

import eu.s3cop.core.SiteAddresses;
import eu.s3cop.upload.Outcome;
import eu.s3cop.upload.Problem;
import eu.s3cop.upload.UploadReport;
import eu.s3cop.upload.UserText;
import eu.s3cop.webinar.model.Material;
import eu.s3cop.webinar.model.MaterialKind;
import eu.s3cop.webinar.model.WebinarReader;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import eu.s3cop.webinar.store.StoredWebinar;
import eu.s3cop.webinar.store.WebinarMaterials;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Lists a file uploaded to {@code webinars/<id>/materials/<file>} on its event's page, once it
 * is checked from its name, size and first bytes, and reports next to the upload; takes it off
 * the list when it is removed. A file that cannot be listed gets a report that says why and
 * what to do, and takes off the list the file of that name it replaced, whose download would now
 * fetch it. The upload itself is never changed.
 *
 * <p>Events come at least once and in any order. A file's entry keeps the S3 sequencer of the
 * upload that wrote it, so an older event never replaces a newer file nor removes it; and an
 * upload is checked against S3 again once listed, so a removal that overtook it leaves nothing
 * listed.
 */
public final class MaterialRegistrar {

    private static final Pattern KEY = Pattern.compile("webinars/([^/]+)/materials/(.+)", Pattern.DOTALL);

    private final SecretariatUploads uploads;
    private final DynamoDbWebinarStore webinars;
    private final WebinarMaterials materials;
    private final MaterialReader reader = new MaterialReader();
    private final RegistrarConfig config;

    public MaterialRegistrar(S3Client s3, DynamoDbClient dynamoDb, RegistrarConfig config) {
        this.uploads = new SecretariatUploads(s3, config.uploadsBucket());
        this.webinars = new DynamoDbWebinarStore(dynamoDb, config.webinarsTable());
        this.materials = new WebinarMaterials(dynamoDb, config.webinarsTable());
        this.config = config;
    }

    /** Whether the key is in an event's materials folder, which this registrar answers. */
    static boolean handles(String key) {
        return KEY.matcher(key).matches();
    }

    /**
     * @param eTag the uploaded object's, from the event: a file replaced since is left to its own event
     * @param sequencer the event's, which orders the events of one key
     */
    public SecretariatUploads.Result register(String bucket, String key, String eTag, String sequencer) {
        Matcher matcher = KEY.matcher(key);
        if (!bucket.equals(config.uploadsBucket()) || !matcher.matches()) {
            return SecretariatUploads.Result.IGNORED;
        }
        String id = matcher.group(1);
        String name = matcher.group(2);
        Optional<SecretariatUploads.Stored> stored = uploads.head(bucket, key, eTag);
        if (stored.isEmpty()) {
            return SecretariatUploads.Result.SUPERSEDED;
        }
        long size = stored.get().size();
        byte[] firstBytes = new byte[0];
        if (MaterialKind.ofName(name).isPresent() && size > 0) {
            Optional<byte[]> read = uploads.start(bucket, key, stored.get(), MaterialReader.FIRST_BYTES);
            if (read.isEmpty()) {
                return SecretariatUploads.Result.SUPERSEDED;
            }
            firstBytes = read.get();
        }
        Outcome<MaterialKind> outcome = reader.read(name, size, firstBytes);
        List<Problem> problems = new ArrayList<>(outcome instanceof Outcome.Rejected<MaterialKind> rejected ? rejected.problems() : List.of());
        Optional<StoredWebinar> webinar = WebinarReader.ID.matcher(id).matches() ? webinars.get(id) : Optional.empty();
        if (webinar.isEmpty()) {
            problems.add(noWebinar(id));
        } else if (problems.isEmpty() && webinar.get().material(name).isEmpty()
                && webinar.get().materials().size() >= WebinarMaterials.MAX_PER_WEBINAR) {
            problems.add(full(id));
        }
        if (!problems.isEmpty()) {
            if (webinar.isPresent() && webinar.get().material(name).isPresent()) {
                materials.unlist(id, name, sequencer);
            }
            uploads.report(key, UploadReport.rejected(key, problems));
            return SecretariatUploads.Result.REJECTED;
        }
        Material material = new Material(name, ((Outcome.Accepted<MaterialKind>) outcome).value(), size, stored.get().lastModified());
        WebinarMaterials.Listing listing = materials.list(id, material, stored.get().eTag(), stored.get().versionId(), sequencer);
        switch (listing) {
            case SUPERSEDED -> {
                return SecretariatUploads.Result.SUPERSEDED;
            }
            case NO_WEBINAR, FULL -> {
                uploads.report(key, UploadReport.rejected(key, List.of(listing == WebinarMaterials.Listing.FULL ? full(id) : noWebinar(id))));
                return SecretariatUploads.Result.REJECTED;
            }
            case LISTED -> {
                // A removal handled between the check and the listing found nothing to take off: this upload takes its entry back.
                if (uploads.head(bucket, key, stored.get().eTag()).isEmpty()) {
                    materials.unlist(id, name, sequencer);
                    return SecretariatUploads.Result.SUPERSEDED;
                }
            }
        }
        Map<String, Object> report = UploadReport.of(key, SecretariatUploads.Result.LISTED.name());
        report.put("webinar", id);
        report.put("name", name);
        report.put("kind", material.kind().extension());
        report.put("size", size);
        report.put("page", SiteAddresses.webinar(id));
        report.put("download", SiteAddresses.material(id, name));
        uploads.report(key, report);
        return SecretariatUploads.Result.LISTED;
    }

    /**
     * Takes a removed file off its event's page, unless the key holds a file again (a newer
     * upload, whose own event lists it, or an older version deleted in a versioned bucket).
     *
     * @param sequencer the removal event's: an entry a later upload wrote stays
     */
    public SecretariatUploads.Result remove(String bucket, String key, String sequencer) {
        Matcher matcher = KEY.matcher(key);
        if (!bucket.equals(config.uploadsBucket()) || !matcher.matches()) {
            return SecretariatUploads.Result.IGNORED;
        }
        if (uploads.head(bucket, key, "").isPresent()) {
            return SecretariatUploads.Result.UNCHANGED;
        }
        String id = matcher.group(1);
        if (WebinarReader.ID.matcher(id).matches()) {
            materials.unlist(id, matcher.group(2), sequencer);
        }
        Map<String, Object> report = UploadReport.of(key, SecretariatUploads.Result.REMOVED.name());
        report.put("webinar", id);
        report.put("page", SiteAddresses.webinar(id));
        uploads.report(key, report);
        return SecretariatUploads.Result.REMOVED;
    }

    private static Problem noWebinar(String id) {
        return Problem.ofFile("there is no event '" + UserText.quote(id) + "' for this file: upload the event's webinar file, webinars/"
                + UserText.quote(id) + ".yaml, first (its name is the event's id, in lower-case letters, digits and hyphens), then upload"
                + " this file again into that event's materials/ folder");
    }

    private static Problem full(String id) {
        return Problem.ofFile("the event '" + id + "' lists " + WebinarMaterials.MAX_PER_WEBINAR + " materials already, the most an event"
                + " lists: remove one from webinars/" + id + "/materials/ (or put several together in one file) and upload this file again");
    }
}
