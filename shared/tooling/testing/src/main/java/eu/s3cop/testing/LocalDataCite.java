package eu.s3cop.testing;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DataCite REST API on 127.0.0.1 for tests, answering as DataCite documents it: {@code POST
 * /dois} creates a DOI (201) or refuses one already taken (422, "This DOI has already been
 * taken"); {@code PUT /dois/<doi>} updates it (200, or 404 for none); a request without the
 * repository's Basic credentials, when it has some, gets 401. A test can make the next requests
 * fail (503), or refuse a DOI (422 with DataCite's words), and reads what was registered.
 */
public final class LocalDataCite implements AutoCloseable {

    /** A registered DOI: where it resolves, its event, and its metadata (the DataCite XML, decoded). */
    public record Registered(String doi, String url, String event, String xml) {
    }

    private final HttpServer server;
    private final String authorization;
    private final Map<String, Registered> dois = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failing = new AtomicInteger();
    private final Map<String, String> refusing = new ConcurrentHashMap<>();

    private LocalDataCite(String repository, String password, int port) throws IOException {
        this.authorization = repository.isEmpty() ? null
                : "Basic " + Base64.getEncoder().encodeToString((repository + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/dois", this::answer);
        server.start();
    }

    /** A server that asks for no credentials, as a stack without a secret sends none. */
    public static LocalDataCite start() {
        return start("", "");
    }

    public static LocalDataCite start(String repository, String password) {
        return start(repository, password, 0);
    }

    /**
     * A server on a port of the caller's choosing, for a stack whose parameters are fixed before
     * the server starts (a {@link LocalAws} annotation names its DataCite API).
     */
    public static LocalDataCite start(String repository, String password, int port) {
        try {
            return new LocalDataCite(repository, password, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The API's address, as the stack's {@code DataCiteApi} names it. */
    public URI api() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** The next {@code count} requests fail as an overloaded DataCite does. */
    public void failNext(int count) {
        failing.set(count);
    }

    /** Refuses to register {@code doi}, with DataCite's title for why. */
    public void refuse(String doi, String title) {
        refusing.put(doi, title);
    }

    public Map<String, Registered> registered() {
        return Map.copyOf(dois);
    }

    /** Every request, as "METHOD path", in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            requests.add(method + " " + path);
            if (failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                send(exchange, 503, Map.of("errors", List.of(Map.of("status", "503", "title", "Service unavailable"))));
                return;
            }
            if (authorization != null && !authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, Map.of("errors", List.of(Map.of("status", "401", "title", "Bad credentials."))));
                return;
            }
            Map<String, Object> attributes = attributes(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String doi = path.equals("/dois") ? String.valueOf(attributes.get("doi"))
                    : URLDecoder.decode(path.substring("/dois/".length()), StandardCharsets.UTF_8);
            if (refusing.containsKey(doi)) {
                send(exchange, 422, Map.of("errors", List.of(Map.of("source", "xml", "title", refusing.get(doi)))));
                return;
            }
            if (method.equals("POST") && path.equals("/dois")) {
                if (dois.containsKey(doi)) {
                    send(exchange, 422, Map.of("errors", List.of(Map.of("source", "doi", "title", "This DOI has already been taken",
                            "uid", doi))));
                    return;
                }
                dois.put(doi, registered(doi, attributes));
                send(exchange, 201, document(doi));
            } else if (method.equals("PUT") && path.startsWith("/dois/")) {
                if (!dois.containsKey(doi)) {
                    send(exchange, 404, Map.of("errors", List.of(Map.of("status", "404", "title", "The resource you are looking for doesn't exist."))));
                    return;
                }
                dois.put(doi, registered(doi, attributes));
                send(exchange, 200, document(doi));
            } else {
                send(exchange, 405, Map.of("errors", List.of(Map.of("status", "405", "title", "Method not allowed"))));
            }
        }
    }

    private static Registered registered(String doi, Map<String, Object> attributes) {
        String xml = new String(Base64.getDecoder().decode(String.valueOf(attributes.get("xml"))), StandardCharsets.UTF_8);
        return new Registered(doi, String.valueOf(attributes.get("url")), String.valueOf(attributes.get("event")), xml);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attributes(String body) throws IOException {
        Map<String, Object> data = (Map<String, Object>) JSON.std.mapFrom(body).get("data");
        return (Map<String, Object>) data.get("attributes");
    }

    private Map<String, Object> document(String doi) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("doi", doi);
        attributes.put("state", "findable");
        attributes.put("url", dois.get(doi).url());
        return Map.of("data", Map.of("id", doi, "type", "dois", "attributes", attributes));
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.std.asBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.api+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
