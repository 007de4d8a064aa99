package eu.s3cop.brief;

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

/** The template wires publish-brief to drafts/**.md in the uploads bucket, and to nothing else. */
@LocalAws
class PublishBriefTriggerIntegrationTest {

    @Test
    void onlyDraftUploadsInvokePublishBrief(LocalCloud stack) {
        List<Invocation> invocations = new CopyOnWriteArrayList<>();
        stack.onInvocation(invocations::add);
        try (S3Client s3 = stack.s3Client()) {
            s3.putObject(put -> put.bucket("s3cop-uploads").key("drafts/innovation-diffusion/wired.md"), RequestBody.fromString("# Wired"));
            s3.putObject(put -> put.bucket("s3cop-uploads").key("drafts/innovation-diffusion/notes.txt"), RequestBody.fromString("x"));
            s3.putObject(put -> put.bucket("s3cop-uploads").key("reports/drafts/x.md"), RequestBody.fromString("x"));
            s3.putObject(put -> put.bucket("s3cop-publications").key("drafts/elsewhere.md"), RequestBody.fromString("x"));
        }
        stack.awaitIdle(Duration.ofSeconds(60));

        assertThat(invocations).singleElement().satisfies(invocation -> {
            assertThat(invocation.function()).isEqualTo("publish-brief");
            assertThat(invocation.trigger()).isEqualTo("S3 s3cop-uploads/drafts/innovation-diffusion/wired.md");
            assertThat(invocation.succeeded()).as(String.valueOf(invocation.error())).isTrue();
        });
    }

    @Test
    void handlerReadsTheSampleEventAsLambdaDeliversIt(LocalCloud stack) {
        Invocation invocation = stack.invoke("publish-brief", EventFiles.json("publish-brief/draft-uploaded.json"));
        assertThat(invocation.succeeded()).as(String.valueOf(invocation.error())).isTrue();
    }
}
