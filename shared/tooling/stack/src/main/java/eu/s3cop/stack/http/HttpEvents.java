package eu.s3cop.stack.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import eu.s3cop.stack.template.LocalResolver;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** HTTP API (payload format 2.0) events and responses, as API Gateway builds and reads them. */
final class HttpEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private HttpEvents() {
    }

    record Request(String method, String rawPath, String rawQuery, Headers headers, byte[] body, String sourceIp) {
    }

    record Response(int status, Map<String, List<String>> headers, byte[] body) {
    }

    static String event(Route route, Map<String, String> pathParameters, Request request) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", route.routeKey());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
        ObjectNode headers = event.putObject("headers");
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            if (name.equalsIgnoreCase("cookie")) {
                values.forEach(value -> cookies.addAll(List.of(value.split(";\\s*"))));
            } else {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        if (!cookies.isEmpty()) {
            cookies.forEach(event.putArray("cookies")::add);
        }
        Map<String, String> query = query(request.rawQuery());
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            query.forEach(parameters::put);
        }
        if (!pathParameters.isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            pathParameters.forEach((name, value) -> parameters.put(name, percentDecode(value)));
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", LocalResolver.ACCOUNT_ID);
        context.put("apiId", "local");
        context.put("domainName", request.headers().getFirst("Host") == null ? "127.0.0.1" : request.headers().getFirst("Host"));
        context.put("domainPrefix", "local");
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", request.headers().getFirst("User-Agent") == null ? "" : request.headers().getFirst("User-Agent"));
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", route.routeKey());
        context.put("stage", "$default");
        Instant now = Instant.now();
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        if (request.body().length > 0) {
            boolean text = isText(request.headers().getFirst("Content-Type"));
            event.put("body", text ? new String(request.body(), StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(request.body()));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event.toString();
    }

    /** Reads a handler's answer: a response object, or any other JSON value (sent as a 200 JSON body). */
    static Response response(String json) throws IOException {
        if (json == null || json.isBlank()) {
            return new Response(200, Map.of(), new byte[0]);
        }
        JsonNode node = JSON.readTree(json);
        if (!node.isObject() || !node.has("statusCode")) {
            return new Response(200, Map.of("Content-Type", List.of("application/json")), json.getBytes(StandardCharsets.UTF_8));
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        node.path("headers").fields().forEachRemaining(entry -> headers.put(entry.getKey(), new ArrayList<>(List.of(entry.getValue().asText()))));
        node.path("multiValueHeaders").fields().forEachRemaining(entry -> {
            List<String> values = headers.computeIfAbsent(entry.getKey(), key -> new ArrayList<>());
            entry.getValue().forEach(value -> values.add(value.asText()));
        });
        List<String> cookies = new ArrayList<>();
        node.path("cookies").forEach(cookie -> cookies.add(cookie.asText()));
        if (!cookies.isEmpty()) {
            headers.put("Set-Cookie", cookies);
        }
        String body = node.path("body").isNull() ? "" : node.path("body").asText("");
        byte[] bytes = node.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        return new Response(node.path("statusCode").asInt(200), headers, bytes);
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            // API Gateway joins repeated parameters with commas.
            parameters.merge(name, value, (first, second) -> first + "," + second);
        }
        return parameters;
    }

    private static String percentDecode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.contains("x-www-form-urlencoded") || type.contains("javascript") || type.contains("calendar");
    }
}
