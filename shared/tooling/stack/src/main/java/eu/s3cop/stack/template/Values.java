package eu.s3cop.stack.template;

import java.util.List;
import java.util.Map;

/** Typed reads of the plain values a template is made of, failing with the path of what is wrong. */
public final class Values {

    private Values() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value, String path) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new TemplateException(path + " should be a mapping, got " + value);
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value, String path) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        return List.of(value);
    }

    public static String string(Object value, String path) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        throw new TemplateException(path + " should be a plain value, got " + value);
    }

    public static String stringOr(Object value, String path, String fallback) {
        return value == null ? fallback : string(value, path);
    }
}
