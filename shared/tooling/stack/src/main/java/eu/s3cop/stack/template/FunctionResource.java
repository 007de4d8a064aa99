package eu.s3cop.stack.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function of the template, with the global settings it inherits already applied.
 *
 * @param name the function's folder under {@code functions/}, for example {@code publish-brief}
 * @param handlerClass the class named by {@code Handler}
 * @param handlerMethod the method named by {@code Handler} ({@code handleRequest} when not named)
 * @param codeUri the deployment package, relative to the template ({@code CodeUri}); empty when not given
 * @param environment the environment variables as written (values may be intrinsics)
 * @param reservedConcurrency how many invocations may run at once ({@code ReservedConcurrentExecutions}); 0 for no limit
 */
public record FunctionResource(
        String logicalId,
        String name,
        String handlerClass,
        String handlerMethod,
        String codeUri,
        String runtime,
        int memoryMb,
        int timeoutSeconds,
        Map<String, Object> environment,
        List<Trigger> triggers,
        int reservedConcurrency) {

    public FunctionResource {
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        triggers = List.copyOf(triggers);
    }

    static FunctionResource of(String logicalId, Map<String, Object> properties, Map<String, Object> globals) {
        String path = logicalId + ".Properties";
        String handler = Values.string(setting("Handler", properties, globals), path + ".Handler");
        int separator = handler.indexOf("::");
        String handlerClass = separator < 0 ? handler : handler.substring(0, separator);
        String handlerMethod = separator < 0 ? "handleRequest" : handler.substring(separator + 2);

        Map<String, Object> environment = new LinkedHashMap<>();
        environment.putAll(variables(globals, "Globals.Function"));
        environment.putAll(variables(properties, path));

        List<Trigger> triggers = new ArrayList<>();
        Values.map(properties.get("Events"), path + ".Events").forEach((eventId, event) ->
                triggers.add(Trigger.of(logicalId, eventId, Values.map(event, path + ".Events." + eventId))));

        return new FunctionResource(
                logicalId,
                name(logicalId, setting("CodeUri", properties, globals)),
                handlerClass,
                handlerMethod,
                setting("CodeUri", properties, globals) instanceof String uri ? uri : "",
                Values.stringOr(setting("Runtime", properties, globals), path + ".Runtime", "java21"),
                Integer.parseInt(Values.stringOr(setting("MemorySize", properties, globals), path + ".MemorySize", "128")),
                Integer.parseInt(Values.stringOr(setting("Timeout", properties, globals), path + ".Timeout", "3")),
                environment,
                triggers,
                Integer.parseInt(Values.stringOr(properties.get("ReservedConcurrentExecutions"), path + ".ReservedConcurrentExecutions", "0")));
    }

    public <T extends Trigger> List<T> triggers(Class<T> kind) {
        return triggers.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static Object setting(String key, Map<String, Object> properties, Map<String, Object> globals) {
        return properties.containsKey(key) ? properties.get(key) : globals.get(key);
    }

    private static Map<String, Object> variables(Map<String, Object> owner, String path) {
        Map<String, Object> environment = Values.map(owner.get("Environment"), path + ".Environment");
        return Values.map(environment.get("Variables"), path + ".Environment.Variables");
    }

    /** The folder after {@code functions/} in the code location, else the logical id less "Function". */
    private static String name(String logicalId, Object codeUri) {
        if (codeUri instanceof String uri) {
            String[] segments = uri.split("/");
            for (int i = 0; i + 1 < segments.length; i++) {
                if (segments[i].equals("functions")) {
                    return segments[i + 1];
                }
            }
        }
        return Template.kebab(logicalId.endsWith("Function") ? logicalId.substring(0, logicalId.length() - 8) : logicalId);
    }
}
