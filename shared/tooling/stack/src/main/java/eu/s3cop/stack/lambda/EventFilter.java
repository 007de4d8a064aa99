package eu.s3cop.stack.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.s3cop.stack.template.TemplateException;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An event source mapping's filter criteria: Lambda's filter patterns, in the subset the local
 * stack supports (nested fields; exact strings, numbers and null; {@code prefix}; {@code exists}).
 * A pattern using anything else is refused when the stack starts, so no filter is ever ignored.
 */
public final class EventFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ObjectNode> patterns;

    private EventFilter(List<ObjectNode> patterns) {
        this.patterns = patterns;
    }

    /** The filter of these patterns (JSON, as the template writes them); no pattern lets every record through. */
    public static EventFilter of(List<String> patterns, String where) {
        return new EventFilter(patterns.stream().map(pattern -> parse(pattern, where)).toList());
    }

    /** Whether a record, as its function would receive it, passes: it matches any one pattern. */
    public boolean accepts(JsonNode record) {
        return patterns.isEmpty() || patterns.stream().anyMatch(pattern -> matches(pattern, record));
    }

    private static boolean matches(ObjectNode pattern, JsonNode value) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = pattern.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode actual = value == null ? null : value.get(field.getKey());
            JsonNode expected = field.getValue();
            boolean ok = expected.isObject() ? actual != null && actual.isObject() && matches((ObjectNode) expected, actual)
                    : anyMatches(expected, actual);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyMatches(JsonNode alternatives, JsonNode actual) {
        for (JsonNode alternative : alternatives) {
            if (alternative.isObject() && alternative.has("exists")) {
                if (alternative.get("exists").asBoolean() == (actual != null && !actual.isMissingNode())) {
                    return true;
                }
            } else if (actual != null && actual.isArray()) {
                for (JsonNode element : actual) {
                    if (valueMatches(alternative, element)) {
                        return true;
                    }
                }
            } else if (actual != null && valueMatches(alternative, actual)) {
                return true;
            }
        }
        return false;
    }

    private static boolean valueMatches(JsonNode alternative, JsonNode actual) {
        if (alternative.isObject()) {
            return actual.isTextual() && actual.asText().startsWith(alternative.get("prefix").asText());
        }
        if (alternative.isNumber()) {
            return actual.isNumber() && actual.decimalValue().compareTo(alternative.decimalValue()) == 0;
        }
        return alternative.equals(actual);
    }

    private static ObjectNode parse(String pattern, String where) {
        JsonNode node;
        try {
            node = JSON.readTree(pattern);
        } catch (IOException e) {
            throw new TemplateException(where + ": a filter pattern is not JSON: " + e.getMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw new TemplateException(where + ": a filter pattern must be a JSON object, got " + pattern);
        }
        check(object, where);
        return object;
    }

    private static void check(ObjectNode pattern, String where) {
        pattern.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isObject()) {
                check((ObjectNode) value, where);
            } else if (!value.isArray()) {
                throw new TemplateException(where + ": filter field '" + field.getKey() + "' must hold an object or a list of values");
            } else {
                for (JsonNode alternative : value) {
                    boolean supported = !alternative.isContainerNode()
                            || alternative.isObject() && alternative.size() == 1
                                    && (alternative.has("prefix") && alternative.get("prefix").isTextual()
                                            || alternative.has("exists") && alternative.get("exists").isBoolean());
                    if (!supported) {
                        throw new TemplateException(where + ": the local stack filters on exact values, prefix and exists;"
                                + " filter field '" + field.getKey() + "' uses " + alternative);
                    }
                }
            }
        });
    }
}
