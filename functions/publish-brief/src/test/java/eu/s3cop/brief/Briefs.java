package eu.s3cop.brief;


import com.fasterxml.jackson.jr.ob.JSON;
import eu.s3cop.publications.DynamoDbPublicationStore;
import eu.s3cop.publications.PublicationListings;
import eu.s3cop.publications.UploadStatuses;
import eu.s3cop.publications.ListingFilter;
import eu.s3cop.publications.Publication;
import eu.s3cop.publications.VersionState;
import eu.s3cop.stack.LocalCloud;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** What publishing tests upload and look at: drafts, reports, PDFs and index items on the local stack. */
final class Briefs {

    static final String UPLOADS = "s3cop-uploads";
    static final String PUBLICATIONS = "s3cop-publications";
    static final Duration SETTLE = Duration.ofSeconds(120);

    private final LocalCloud stack;
    final S3Client s3;
    final DynamoDbClient dynamoDb;
    final DynamoDbPublicationStore store;
    final PublicationListings listings;
    final UploadStatuses statuses;

    Briefs(LocalCloud stack) {
        this.stack = stack;
        this.s3 = stack.s3Client();
        this.dynamoDb = stack.dynamoDbClient();
        this.store = new DynamoDbPublicationStore(dynamoDb, stack.table("PublicationsTable"));
        this.listings = new PublicationListings(dynamoDb, stack.table("PublicationsTable"));
        this.statuses = new UploadStatuses(dynamoDb, stack.table("PublicationsTable"));
    }

    static byte[] draft(String title, String body) {
        return ("---\ntitle: " + title + "\ntype: policy-brief\nworking_group: innovation-diffusion\n"
                + "authors: [Test Author]\ndate: 2024-05-23\n---\n\n" + body + "\n").getBytes(StandardCharsets.UTF_8);
    }


    void upload(String key, byte[] bytes) {
        s3.putObject(put -> put.bucket(UPLOADS).key(key), RequestBody.fromBytes(bytes));
        stack.awaitIdle(SETTLE);
    }

    Map<String, Object> report(String draftKey) {
        try {
            return JSON.std.mapFrom(object(UPLOADS, "reports/" + draftKey + ".json"));
        } catch (IOException e) {
            throw new AssertionError("The report of " + draftKey + " is not JSON", e);
        }
    }

    byte[] object(String bucket, String key) {
        return s3.getObjectAsBytes(get -> get.bucket(bucket).key(key)).asByteArray();
    }

    List<String> keys(String bucket, String prefix) {
        return s3.listObjectsV2(list -> list.bucket(bucket).prefix(prefix)).contents().stream().map(object -> object.key()).toList();
    }

    /** A publication that must be published. */
    Publication publication(String id) {
        return store.publication(id).orElseThrow(() -> new AssertionError(id + " is not published"));
    }

    /** The published version numbers of a publication, in order. */
    List<Integer> versions(String id) {
        return store.versionStates(id).stream().filter(VersionState::published).map(VersionState::version).toList();
    }

    /** The ids a listing shows, newest first. */
    List<String> listed(ListingFilter filter) {
        return listings.list(filter, 100, null).items().stream().map(Publication::id).toList();
    }

    static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new AssertionError("Not a PDF", e);
        }
    }
}
