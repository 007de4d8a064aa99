package eu.s3cop.stack.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP API route (method and path template) and how API Gateway matches a request to it:
 * {@code {name}} takes one path segment, a final {@code {name+}} takes the rest, and among several
 * matches the one with the most literal segments wins.
 */
public record Route(String function, String method, String path) {

    /** The path parameters when the request matches, else empty. */
    public Optional<Map<String, String>> match(String requestMethod, String requestPath) {
        if (!method.equals("ANY") && !method.equalsIgnoreCase(requestMethod)) {
            return Optional.empty();
        }
        List<String> pattern = segments(path);
        List<String> actual = segments(requestPath);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String part = pattern.get(i);
            if (part.startsWith("{") && part.endsWith("+}")) {
                if (i >= actual.size()) {
                    return Optional.empty();
                }
                parameters.put(part.substring(1, part.length() - 2), String.join("/", actual.subList(i, actual.size())));
                return Optional.of(parameters);
            }
            if (i >= actual.size()) {
                return Optional.empty();
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                parameters.put(part.substring(1, part.length() - 1), actual.get(i));
            } else if (!part.equals(actual.get(i))) {
                return Optional.empty();
            }
        }
        return pattern.size() == actual.size() ? Optional.of(parameters) : Optional.empty();
    }

    /** Higher is more specific: literal segments count most, a greedy variable least. */
    int specificity() {
        int score = 0;
        for (String part : segments(path)) {
            score += part.endsWith("+}") ? 0 : part.startsWith("{") ? 1 : 3;
        }
        return score * 2 + (method.equals("ANY") ? 0 : 1);
    }

    public String routeKey() {
        return (method.equals("ANY") ? "ANY" : method) + " " + path;
    }

    private static List<String> segments(String path) {
        return java.util.Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toList();
    }
}
