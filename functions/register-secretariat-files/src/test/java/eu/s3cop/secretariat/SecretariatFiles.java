package eu.s3cop.secretariat;

import com.fasterxml.jackson.jr.ob.JSON;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.webinar.model.Invites;
import eu.s3cop.webinar.store.DynamoDbWebinarStore;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The secretariat's side of the tests: upload a file as its S3 client would, wait until it is handled, read its report. */
final class SecretariatFiles {

    private SecretariatFiles() {
    }

    static void upload(LocalCloud stack, S3Client s3, String key, byte[] bytes) {
        s3.putObject(put -> put.bucket("s3cop-uploads").key(key), RequestBody.fromBytes(bytes));
        stack.awaitIdle(Duration.ofSeconds(60));
    }

    /**
     * The webinar's invite as the reader API serves it ({@code /webinars/<id>/invite.ics}), from
     * what registering saved; empty when nothing is saved.
     */
    static String invite(LocalCloud stack, String id) {
        return new DynamoDbWebinarStore(stack.dynamoDbClient(), stack.table("WebinarsTable")).get(id)
                .map(stored -> Invites.calendar(Invites.Kind.PUBLISH,
                        List.of(Invites.Entry.published(stored.webinar(), stored.sequence(), stored.updatedAt())), "noreply@s3cop.example.org"))
                .orElse("");
    }

    static Map<String, Object> report(S3Client s3, String key) throws IOException {
        return JSON.std.mapFrom(s3.getObjectAsBytes(get -> get.bucket("s3cop-uploads").key("reports/" + key + ".json")).asUtf8String());
    }
}
