package eu.s3cop.core;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment variables a function was started with, as Lambda gives them.
 *
 * <p>Handlers read it once, in their constructor, and pass typed values down; nothing below a
 * handler calls {@code System.getenv}. The local stack hands each function the map that the
 * template and the stack's endpoints describe, so the same handler code runs in both places.
 */
public record FunctionEnvironment(Map<String, String> variables) {

    /** The template's default for its {@code WorkingGroups} parameter. */
    public static final List<String> DEFAULT_WORKING_GROUPS = List.of("innovation-diffusion", "industrial-transition", "interregional-cooperation");

    public FunctionEnvironment {
        variables = Map.copyOf(variables);
    }

    public static FunctionEnvironment of(Map<String, String> variables) {
        return new FunctionEnvironment(variables);
    }

    /** The value of {@code name}; fails with a message naming the variable when it is missing or blank. */
    public String required(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(name, value, "set it in the function's Environment in template.yaml");
        }
        return value;
    }

    public Optional<String> optional(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public String optional(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    /** The working groups drafts and webinars may name: {@code WORKING_GROUPS}, comma-separated, as the template passes them. */
    public List<String> workingGroups() {
        return Arrays.stream(optional("WORKING_GROUPS", String.join(",", DEFAULT_WORKING_GROUPS)).split(","))
                .map(String::strip).filter(group -> !group.isEmpty()).toList();
    }

    /** The CloudWatch namespace of the function's metrics ({@code METRICS_NAMESPACE}, the stage's in the template). */
    public String metricsNamespace() {
        return optional("METRICS_NAMESPACE", "S3CoP");
    }

    public int integer(String name, int fallback) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get().trim());
        } catch (NumberFormatException e) {
            throw new ConfigurationException(name, value.get(), "use a whole number", e);
        }
    }
}
