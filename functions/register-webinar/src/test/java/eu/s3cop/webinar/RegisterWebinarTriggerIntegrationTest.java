package eu.s3cop.webinar;

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

/** The template wires register-webinar to webinars/*.yaml and webinars/*.yml in the uploads bucket. */
@LocalAws
class RegisterWebinarTriggerIntegrationTest {

    @Test
    void webinarFileUploadsInvokeRegisterWebinarOnceEach(LocalCloud stack) {
        List<Invocation> invocations = new CopyOnWriteArrayList<>();
        stack.onInvocation(invocations::add);
        try (S3Client s3 = stack.s3Client()) {
            s3.putObject(put -> put.bucket("s3cop-uploads").key("webinars/one.yaml"), RequestBody.fromString("title: One"));
            s3.putObject(put -> put.bucket("s3cop-uploads").key("webinars/two.yml"), RequestBody.fromString("title: Two"));
            s3.putObject(put -> put.bucket("s3cop-uploads").key("webinars/three.json"), RequestBody.fromString("{}"));
        }
        stack.awaitIdle(Duration.ofSeconds(60));

        assertThat(invocations).extracting(Invocation::trigger)
                .containsExactlyInAnyOrder("S3 s3cop-uploads/webinars/one.yaml", "S3 s3cop-uploads/webinars/two.yml");
        assertThat(invocations).allMatch(invocation -> invocation.function().equals("register-webinar") && invocation.succeeded());
    }

    @Test
    void handlerReadsTheSampleEventAsLambdaDeliversIt(LocalCloud stack) {
        Invocation invocation = stack.invoke("register-webinar", EventFiles.json("register-webinar/webinar-uploaded.json"));
        assertThat(invocation.succeeded()).as(String.valueOf(invocation.error())).isTrue();
    }
}
