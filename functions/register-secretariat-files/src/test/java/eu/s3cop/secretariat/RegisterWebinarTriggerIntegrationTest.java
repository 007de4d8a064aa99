package eu.s3cop.secretariat;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.stack.LocalCloud;
import eu.s3cop.stack.lambda.Invocation;
import eu.s3cop.testing.EventFiles;
import eu.s3cop.testing.LocalAws;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The template wires register-secretariat-files to every upload and removal under webinars/, and
 * to working-groups/*.yaml and *.yml, in the uploads bucket.
 */
@LocalAws
class RegisterWebinarTriggerIntegrationTest {

    @Test
    void uploadsUnderWebinarsAndRegistryFilesInvokeRegisterSecretariatFilesOnceEach(LocalCloud stack) throws Exception {
        List<Invocation> invocations = new CopyOnWriteArrayList<>();
        stack.onInvocation(invocations::add);
        try (S3Client s3 = stack.s3Client()) {
            s3.putObject(put -> put.bucket("s3cop-uploads").key("webinars/one.yaml"), RequestBody.fromString("title: One"));
            s3.putObject(put -> put.bucket("s3cop-uploads").key("webinars/two.yml"), RequestBody.fromString("title: Two"));
            s3.putObject(put -> put.bucket("s3cop-uploads").key("webinars/three.json"), RequestBody.fromString("{}"));
            s3.putObject(put -> put.bucket("s3cop-uploads").key("webinars/one/materials/slides.pdf"), RequestBody.fromString("%PDF-"));
            s3.putObject(put -> put.bucket("s3cop-uploads").key("working-groups/four.yaml"), RequestBody.fromString("objective: Four"));
            s3.putObject(put -> put.bucket("s3cop-uploads").key("working-groups/five.yml"), RequestBody.fromString("objective: Five"));
            s3.putObject(put -> put.bucket("s3cop-uploads").key("working-groups/six.txt"), RequestBody.fromString("objective: Six"));
            stack.awaitIdle(Duration.ofSeconds(60));

            assertThat(invocations).extracting(Invocation::trigger).containsExactlyInAnyOrder("S3 s3cop-uploads/webinars/one.yaml",
                    "S3 s3cop-uploads/webinars/two.yml", "S3 s3cop-uploads/webinars/three.json", "S3 s3cop-uploads/webinars/one/materials/slides.pdf",
                    "S3 s3cop-uploads/working-groups/four.yaml", "S3 s3cop-uploads/working-groups/five.yml");
            assertThat(invocations).allMatch(invocation -> invocation.function().equals("register-secretariat-files") && invocation.succeeded());
            // A file in the wrong place is not ignored: its report says where webinar files and materials go.
            assertThat(SecretariatFiles.report(s3, "webinars/three.json")).containsEntry("status", "REJECTED").extractingByKey("problems")
                    .asString().contains("'three.json' is neither a webinar file nor an event's material", "webinars/<id>.yaml",
                            "webinars/<id>/materials/");

            invocations.clear();
            s3.deleteObject(delete -> delete.bucket("s3cop-uploads").key("webinars/one/materials/slides.pdf"));
            s3.deleteObject(delete -> delete.bucket("s3cop-uploads").key("working-groups/four.yaml"));
            stack.awaitIdle(Duration.ofSeconds(60));
        }

        assertThat(invocations).singleElement().satisfies(invocation -> {
            assertThat(invocation.trigger()).isEqualTo("S3 s3cop-uploads/webinars/one/materials/slides.pdf");
            assertThat(invocation.event()).contains("ObjectRemoved:Delete");
            assertThat(invocation.succeeded()).isTrue();
        });
    }

    @Test
    void handlerReadsTheSampleEventsAsLambdaDeliversThem(LocalCloud stack) {
        for (String event : List.of("register-secretariat-files/webinar-uploaded.json", "register-secretariat-files/registry-uploaded.json",
                "register-secretariat-files/material-removed.json")) {
            Invocation invocation = stack.invoke("register-secretariat-files", EventFiles.json(event));
            assertThat(invocation.succeeded()).as(event + ": " + invocation.error()).isTrue();
        }
    }
}
