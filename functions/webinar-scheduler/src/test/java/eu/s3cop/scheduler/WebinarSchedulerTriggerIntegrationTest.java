package eu.s3cop.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.stack.LocalCloud;
import eu.s3cop.stack.lambda.Invocation;
import eu.s3cop.testing.EventFiles;
import eu.s3cop.testing.LocalAws;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The template runs webinar-scheduler on a schedule; the stack also runs it on demand. */
@LocalAws
class WebinarSchedulerTriggerIntegrationTest {

    @Test
    void scheduleRunsOnDemandThroughTheHttpEndpointAndAnswersWhenDone(LocalCloud stack) throws Exception {
        List<Invocation> invocations = new CopyOnWriteArrayList<>();
        stack.onInvocation(invocations::add);
        URI uri = URI.create(stack.httpEndpoint().orElseThrow() + "/_local/schedules/webinar-scheduler");

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(invocations).singleElement().satisfies(invocation -> {
            assertThat(invocation.function()).isEqualTo("webinar-scheduler");
            assertThat(invocation.succeeded()).isTrue();
            assertThat(response.body()).contains(invocation.requestId());
        });
    }

    @Test
    void handlerReadsTheSampleEventAsLambdaDeliversIt(LocalCloud stack) {
        Invocation invocation = stack.invoke("webinar-scheduler", EventFiles.json("webinar-scheduler/scheduled.json"));
        assertThat(invocation.succeeded()).as(String.valueOf(invocation.error())).isTrue();
    }
}
