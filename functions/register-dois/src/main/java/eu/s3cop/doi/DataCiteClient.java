package eu.s3cop.doi;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * DataCite's REST API, as far as registering a findable DOI goes: {@code POST /dois} with the
 * DOI, its landing page and its metadata (DataCite XML, in base64), and where the DOI exists
 * already (422, "has already been taken") {@code PUT /dois/<doi>} with the same, which updates
 * it. HTTP Basic with the repository's id and password.
 */
final class DataCiteClient {

    /** What became of a registration: done; to try again later (DataCite or the network failed); or refused for good, with why. */
    enum Outcome { REGISTERED, RETRY, REFUSED }

    record Result(Outcome outcome, String detail) {
    }

    private static final String MEDIA_TYPE = "application/vnd.api+json";

    private final URI api;
    private final String authorization;
    private final HttpClient http;
    private final Duration timeout;

    /** @param api DataCite's REST API, such as {@code https://api.datacite.org/} */
    DataCiteClient(URI api, String repository, String password, HttpClient http, Duration timeout) {
        this.api = api.toString().endsWith("/") ? api : URI.create(api + "/");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((repository + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.http = http;
        this.timeout = timeout;
    }

    /** Registers {@code doi} as findable, resolving to {@code url}, described by {@code xml}; or updates it to that. */
    Result register(String doi, String url, String xml) {
        Map<String, Object> attributes = Map.of("doi", doi, "event", "publish", "url", url,
                "xml", Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)));
        String body = json(Map.of("data", Map.of("type", "dois", "attributes", attributes)));
        try {
            HttpResponse<String> created = send("POST", api.resolve("dois"), body);
            if (created.statusCode() == 201 || created.statusCode() == 200) {
                return new Result(Outcome.REGISTERED, "created");
            }
            if (created.statusCode() == 422 && created.body().contains("already been taken")) {
                HttpResponse<String> updated = send("PUT", api.resolve("dois/" + URLEncoder.encode(doi, StandardCharsets.UTF_8)
                        .replace("%2F", "/")), body);
                return updated.statusCode() == 200 || updated.statusCode() == 201 ? new Result(Outcome.REGISTERED, "updated")
                        : failure(updated);
            }
            return failure(created);
        } catch (HttpTimeoutException e) {
            return new Result(Outcome.RETRY, "DataCite did not answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Result(Outcome.RETRY, "DataCite could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Outcome.RETRY, "interrupted");
        }
    }

    private HttpResponse<String> send(String method, URI uri, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", MEDIA_TYPE).header("Accept", MEDIA_TYPE)
                .header("Authorization", authorization).method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A throttled or failing DataCite is tried again; anything else it refuses is said as it says it, its first error's title. */
    private static Result failure(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            return new Result(Outcome.RETRY, "DataCite answered " + status);
        }
        return new Result(Outcome.REFUSED, "DataCite answered " + status + ": " + firstError(response.body()));
    }

    private static String firstError(String body) {
        try {
            Object errors = JSON.std.mapFrom(body).get("errors");
            if (errors instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> error && error.get("title") != null) {
                return String.valueOf(error.get("title"));
            }
        } catch (IOException | RuntimeException e) {
            // Not JSON:API: said by its status alone.
        }
        return "no reason given";
    }

    private static String json(Object value) {
        try {
            return JSON.std.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
