package eu.s3cop.doi;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.testing.LocalDataCite;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The client against a server that answers as DataCite's REST API documents. */
class DataCiteClientTest {

    private static final String XML = "<resource xmlns=\"http://datacite.org/schema/kernel-4\"/>";

    @Test
    void registersADoiAndUpdatesOneThatExistsAlready() {
        try (LocalDataCite dataCite = LocalDataCite.start("S3COP.BRIEFS", "secret")) {
            DataCiteClient client = client(dataCite.api(), "S3COP.BRIEFS", "secret");
            assertThat(client.register("10.12345/s3cop.a.b.v1", "https://s3cop.example/read/a/b/v1.html", XML))
                    .isEqualTo(new DataCiteClient.Result(DataCiteClient.Outcome.REGISTERED, "created"));
            assertThat(client.register("10.12345/s3cop.a.b.v1", "https://s3cop.example/read/a/b/v1.html", XML).detail()).isEqualTo("updated");
            assertThat(dataCite.requests()).containsExactly("POST /dois", "POST /dois", "PUT /dois/10.12345/s3cop.a.b.v1");
            LocalDataCite.Registered registered = dataCite.registered().get("10.12345/s3cop.a.b.v1");
            assertThat(registered.event()).isEqualTo("publish");
            assertThat(registered.xml()).isEqualTo(XML);
        }
    }

    @Test
    void anOverloadedDataCiteIsTriedAgainLaterAndARefusalSaysWhy() {
        try (LocalDataCite dataCite = LocalDataCite.start("S3COP.BRIEFS", "secret")) {
            DataCiteClient client = client(dataCite.api(), "S3COP.BRIEFS", "secret");
            dataCite.failNext(1);
            assertThat(client.register("10.12345/x", "https://s3cop.example/x", XML).outcome()).isEqualTo(DataCiteClient.Outcome.RETRY);
            assertThat(client.register("10.12345/x", "https://s3cop.example/x", XML).outcome()).isEqualTo(DataCiteClient.Outcome.REGISTERED);
            dataCite.refuse("10.12345/y", "Url is not allowed by repository domain settings.");
            assertThat(client.register("10.12345/y", "https://elsewhere.example/y", XML)).isEqualTo(new DataCiteClient.Result(
                    DataCiteClient.Outcome.REFUSED, "DataCite answered 422: Url is not allowed by repository domain settings."));
            assertThat(client(dataCite.api(), "S3COP.BRIEFS", "wrong").register("10.12345/z", "https://s3cop.example/z", XML))
                    .isEqualTo(new DataCiteClient.Result(DataCiteClient.Outcome.REFUSED, "DataCite answered 401: Bad credentials."));
        }
    }

    @Test
    void aDataCiteThatDoesNotAnswerOrCannotBeReachedIsTriedAgainLater() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            DataCiteClient client = new DataCiteClient(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/"), "r", "p",
                    HttpClient.newHttpClient(), Duration.ofMillis(500));
            assertThat(client.register("10.12345/x", "https://s3cop.example/x", XML).outcome()).isEqualTo(DataCiteClient.Outcome.RETRY);
        }
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertThat(client(URI.create("http://127.0.0.1:" + closed + "/"), "r", "p").register("10.12345/x", "https://s3cop.example/x", XML)
                .outcome()).isEqualTo(DataCiteClient.Outcome.RETRY);
    }

    private static DataCiteClient client(URI api, String repository, String password) {
        return new DataCiteClient(api, repository, password, HttpClient.newHttpClient(), Duration.ofSeconds(5));
    }
}
