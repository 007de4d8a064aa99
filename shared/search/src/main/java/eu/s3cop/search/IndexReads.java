package eu.s3cop.search;

import eu.s3cop.core.PresignedLinks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How the index's objects are read: with the S3 client where a function has one (its writer),
 * through presigned links where it has none (the reader API, whose package carries no S3 client).
 */
public interface IndexReads {

    /**
     * An object, or empty when there is none.
     *
     * @param known the ETag the caller holds, or null: when the object still has it, the answer
     *     is {@link Read#unchanged()} and carries no body
     */
    Optional<Read> read(String key, String known);

    /** An object as read: its body (null when unchanged) and its ETag. */
    record Read(InputStream body, String etag) {

        boolean unchanged() {
            return body == null;
        }
    }

    /** Reads through presigned links, each valid for a minute, with the JDK's HTTP client. */
    static IndexReads of(PresignedLinks links, String bucket) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return (key, known) -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(links.get(bucket, key, Duration.ofMinutes(1), Map.of())).timeout(Duration.ofSeconds(30));
            if (known != null) {
                request.header("If-None-Match", known);
            }
            try {
                HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                String etag = response.headers().firstValue("ETag").orElse(null);
                switch (response.statusCode()) {
                    case 200:
                        return Optional.of(new Read(response.body(), etag));
                    case 304:
                        response.body().close();
                        return Optional.of(new Read(null, known));
                    case 404:
                        response.body().close();
                        return Optional.empty();
                    default:
                        String answer = new String(response.body().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                        throw new IllegalStateException("S3 answered " + response.statusCode() + " for the search index's " + key + ": "
                                + answer.substring(0, Math.min(300, answer.length())));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("The search index's " + key + " could not be read", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading the search index's " + key, e);
            }
        };
    }
}
