package eu.s3cop.reader;

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

/** The template's HTTP API routes reach reader-api through the stack's HTTP endpoint. */
@LocalAws
class ReaderApiTriggerIntegrationTest {

    @Test
    void everyRouteOfTheTemplateReachesReaderApi(LocalCloud stack) throws Exception {
        List<Invocation> invocations = new CopyOnWriteArrayList<>();
        stack.onInvocation(invocations::add);
        HttpClient http = HttpClient.newHttpClient();
        String base = stack.httpEndpoint().orElseThrow().toString();

        HttpResponse<String> listing = http.send(HttpRequest.newBuilder(URI.create(base + "/publications?working_group=innovation-diffusion")).build(),
                HttpResponse.BodyHandlers.ofString());
        http.send(HttpRequest.newBuilder(URI.create(base + "/webinars/w1/registrations")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        http.send(HttpRequest.newBuilder(URI.create(base + "/webinars/w1/registrations/t1")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unrouted = http.send(HttpRequest.newBuilder(URI.create(base + "/no/such/route")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(listing.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(unrouted.statusCode()).isEqualTo(404);
        assertThat(invocations).extracting(Invocation::trigger).containsExactly(
                "HTTP GET /publications", "HTTP POST /webinars/w1/registrations", "HTTP DELETE /webinars/w1/registrations/t1");
        assertThat(invocations).allMatch(invocation -> invocation.function().equals("reader-api") && invocation.succeeded());
    }

    @Test
    void handlerReadsTheSampleEventAsLambdaDeliversIt(LocalCloud stack) {
        Invocation invocation = stack.invoke("reader-api", EventFiles.json("reader-api/list-publications.json"));
        assertThat(invocation.succeeded()).as(String.valueOf(invocation.error())).isTrue();
        assertThat(invocation.response()).contains("\"statusCode\":200").contains("items");
    }
}
