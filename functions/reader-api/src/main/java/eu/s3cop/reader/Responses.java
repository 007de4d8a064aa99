package eu.s3cop.reader;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** HTTP answers: JSON with caching and CORS headers, redirects, and RFC 9457 problem documents. */
final class Responses {

    private static final JSON WRITER = JSON.std;

    private Responses() {
    }

    static APIGatewayV2HTTPResponse json(Object body, int maxAgeSeconds) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(shared("application/json; charset=utf-8", maxAgeSeconds))
                .withBody(write(body))
                .build();
    }

    static APIGatewayV2HTTPResponse html(String page, int maxAgeSeconds) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(shared("text/html; charset=utf-8", maxAgeSeconds))
                .withBody(page)
                .build();
    }

    /** An OAI-PMH response: XML, status 200 even for the protocol's errors, which it states inside. */
    static APIGatewayV2HTTPResponse xml(String document, int maxAgeSeconds) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(shared("text/xml; charset=utf-8", maxAgeSeconds))
                .withBody(document)
                .build();
    }

    /** A page that answers a form or a registration's link: never stored, whatever its status. */
    static APIGatewayV2HTTPResponse page(int status, String page) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers("text/html; charset=utf-8", "no-store"))
                .withBody(page)
                .build();
    }

    static APIGatewayV2HTTPResponse accepted(Object body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(202)
                .withHeaders(headers("application/json; charset=utf-8", "no-store"))
                .withBody(write(body))
                .build();
    }

    static APIGatewayV2HTTPResponse noContent() {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(204).withHeaders(headers("text/plain; charset=utf-8", "no-store")).build();
    }

    static APIGatewayV2HTTPResponse calendar(String ics, String fileName) {
        Map<String, String> headers = headers("text/calendar; charset=utf-8", "public, max-age=300");
        headers.put("Content-Disposition", "inline; filename=\"" + fileName + "\"");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(headers).withBody(ics).build();
    }

    /** A file to save, such as a citation: its own type, and a name for it. */
    static APIGatewayV2HTTPResponse attachment(String body, String contentType, String fileName) {
        Map<String, String> headers = headers(contentType, "public, max-age=300");
        headers.put("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(headers).withBody(body).build();
    }

    static APIGatewayV2HTTPResponse redirect(String location) {
        Map<String, String> headers = headers("text/plain; charset=utf-8", "no-store");
        headers.put("Location", location);
        return APIGatewayV2HTTPResponse.builder().withStatusCode(302).withHeaders(headers).withBody("").build();
    }

    static APIGatewayV2HTTPResponse problem(int status, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers("application/problem+json", "no-store"))
                .withBody(write(problem))
                .build();
    }

    /**
     * The answer as one that concerns a registration: stored by no cache, read by no script of
     * another origin (the catalogue's forms post from the same host), and its address passed to
     * no other site.
     */
    static APIGatewayV2HTTPResponse personal(APIGatewayV2HTTPResponse response) {
        Map<String, String> headers = new LinkedHashMap<>(response.getHeaders() == null ? Map.of() : response.getHeaders());
        headers.remove("Access-Control-Allow-Origin");
        headers.put("Cache-Control", "no-store");
        headers.put("Referrer-Policy", "no-referrer");
        // A registration's page is the token holder's alone: no search engine keeps it.
        headers.put("X-Robots-Tag", "noindex");
        response.setHeaders(headers);
        return response;
    }

    /**
     * An answer any cache may keep. One address answers a browser with a page and a program with
     * JSON, as its Accept header asks: a cache must keep the two apart.
     */
    private static Map<String, String> shared(String contentType, int maxAgeSeconds) {
        Map<String, String> headers = headers(contentType, "public, max-age=" + maxAgeSeconds);
        headers.put("Vary", "Accept");
        return headers;
    }

    private static Map<String, String> headers(String contentType, String cacheControl) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("Cache-Control", cacheControl);
        headers.put("Access-Control-Allow-Origin", "*");
        headers.put("X-Content-Type-Options", "nosniff");
        return headers;
    }

    private static String write(Object body) {
        try {
            return WRITER.asString(body);
        } catch (IOException e) {
            throw new UncheckedIOException("A response could not be written as JSON", e);
        }
    }
}
