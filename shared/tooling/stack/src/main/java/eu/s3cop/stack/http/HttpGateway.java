package eu.s3cop.stack.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import eu.s3cop.stack.Ports;
import eu.s3cop.stack.StackException;
import eu.s3cop.stack.lambda.Invocation;
import eu.s3cop.stack.mail.Outbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The local HTTP endpoint on 127.0.0.1.
 *
 * <ul>
 *   <li>the template's HTTP API routes, each answered by its function through an HTTP API event;</li>
 *   <li>{@code POST /_local/schedules/<function>}: runs that function's schedule now and answers when it has finished;</li>
 *   <li>{@code POST /_local/ses/v2/email/outbound-emails}: the SES v2 SendEmail call, into the outbox;</li>
 *   <li>any other GET: the static site bucket, as CloudFront serves it in the cloud.</li>
 * </ul>
 */
public final class HttpGateway implements AutoCloseable {

    public static final String SES_PATH = "/_local/ses";
    private static final String SCHEDULES_PATH = "/_local/schedules/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 10 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Route> routes;
    private final Invoker invoke;
    private final Function<String, Optional<Invocation>> runSchedule;
    private final Outbox outbox;
    private final StaticSite site;

    private HttpGateway(HttpServer server, ExecutorService executor, List<Route> routes,
            Invoker invoke, Function<String, Optional<Invocation>> runSchedule, Outbox outbox, StaticSite site) {
        this.server = server;
        this.executor = executor;
        this.routes = routes;
        this.invoke = invoke;
        this.runSchedule = runSchedule;
        this.outbox = outbox;
        this.site = site;
    }

    /**
     * @param routes each function's routes
     * @param invoke runs a function (by name) with an event and waits for it
     * @param runSchedule runs a function's schedule now; empty when it has none
     */
    public static HttpGateway start(int port, List<Route> routes,
            Invoker invoke, Function<String, Optional<Invocation>> runSchedule, Outbox outbox, StaticSite site) {
        Ports.requireFree(port, "HTTP endpoint");
        List<Route> table = routes.stream()
                .sorted(Comparator.comparingInt(Route::specificity).reversed())
                .toList();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
            ExecutorService executor = Executors.newFixedThreadPool(16, runnable -> {
                Thread thread = new Thread(runnable, "s3cop-http");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            HttpGateway gateway = new HttpGateway(server, executor, table, invoke, runSchedule, outbox, site);
            server.createContext("/", gateway::handle);
            server.start();
            return gateway;
        } catch (IOException e) {
            throw new StackException("The HTTP endpoint did not start on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                send(exchange, 413, "application/json", "{\"message\":\"Request body too large\"}");
                return;
            }
            if (path.startsWith(SCHEDULES_PATH)) {
                schedule(exchange, method, path.substring(SCHEDULES_PATH.length()));
            } else if (path.equals(SES_PATH + "/v2/email/outbound-emails")) {
                sendEmail(exchange, method, body);
            } else {
                route(exchange, method, path, body);
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "application/json", "{\"message\":\"Internal Server Error\"}");
        }
    }

    private void route(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
        for (Route route : routes) {
            Optional<Map<String, String>> parameters = route.match(method, path);
            if (parameters.isPresent()) {
                HttpEvents.Request request = new HttpEvents.Request(method, path, exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders(), body, exchange.getRemoteAddress().getAddress().getHostAddress());
                Invocation invocation = invoke.invoke(route.function(), HttpEvents.event(route, parameters.get(), request),
                        "HTTP " + method + " " + path);
                if (!invocation.succeeded()) {
                    // API Gateway hides a function's failure behind a bare 500.
                    send(exchange, 500, "application/json", "{\"message\":\"Internal Server Error\"}");
                    return;
                }
                HttpEvents.Response response = HttpEvents.response(invocation.response());
                response.headers().forEach((name, values) -> values.forEach(value -> exchange.getResponseHeaders().add(name, value)));
                boolean empty = response.body().length == 0 || method.equals("HEAD");
                exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
                if (!empty) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(response.body());
                    }
                }
                return;
            }
        }
        if (site != null && (method.equals("GET") || method.equals("HEAD"))) {
            Optional<StaticSite.Page> page = site.page(path);
            if (page.isPresent()) {
                exchange.getResponseHeaders().set("Content-Type", page.get().contentType());
                exchange.getResponseHeaders().set("Cache-Control", "public, max-age=60");
                exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
                boolean head = method.equals("HEAD");
                exchange.sendResponseHeaders(200, head ? -1 : page.get().bytes().length);
                if (!head) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(page.get().bytes());
                    }
                }
                return;
            }
            send(exchange, 404, "text/html; charset=utf-8", "<!DOCTYPE html><html lang=\"en\"><head><title>Not found</title></head>"
                    + "<body><main><h1>Not found</h1><p><a href=\"/\">Back to the publications</a></p></main></body></html>");
            return;
        }
        send(exchange, 404, "application/json", "{\"message\":\"Not Found\"}");
    }

    private void schedule(HttpExchange exchange, String method, String function) throws IOException {
        if (!method.equals("POST")) {
            exchange.getResponseHeaders().add("Allow", "POST");
            send(exchange, 405, "application/json", "{\"message\":\"Use POST to run a schedule now\"}");
            return;
        }
        Optional<Invocation> run = runSchedule.apply(function);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("function", function);
        if (run.isEmpty()) {
            answer.put("message", "No function named '" + function + "' with a schedule in template.yaml");
            send(exchange, 404, "application/json", answer.toString());
            return;
        }
        Invocation invocation = run.get();
        answer.put("status", invocation.succeeded() ? "OK" : "FAILED");
        answer.put("requestId", invocation.requestId());
        answer.put("milliseconds", invocation.millis());
        invocation.failure().ifPresent(error -> answer.put("error", String.valueOf(error.getMessage())));
        send(exchange, invocation.succeeded() ? 200 : 500, "application/json", answer.toString());
    }

    private void sendEmail(HttpExchange exchange, String method, byte[] body) throws IOException {
        if (!method.equals("POST")) {
            send(exchange, 405, "application/json", "{\"message\":\"SendEmail is a POST\"}");
            return;
        }
        try {
            JsonNode request = JSON.readTree(body);
            String messageId = outbox.send(request);
            send(exchange, 200, "application/json", JSON.createObjectNode().put("MessageId", messageId).toString());
        } catch (IOException | IllegalArgumentException e) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "BadRequestException");
            send(exchange, 400, "application/json", JSON.createObjectNode().put("message", String.valueOf(e.getMessage())).toString());
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Runs a function synchronously, as API Gateway invokes it. */
    @FunctionalInterface
    public interface Invoker {
        Invocation invoke(String function, String eventJson, String trigger);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
