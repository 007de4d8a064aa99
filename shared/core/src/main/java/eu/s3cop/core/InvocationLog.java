package eu.s3cop.core;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The log lines and metrics of one invocation, about one subject (an upload's key, a webinar,
 * a scheduled run, an API route).
 *
 * <p>Every line is one JSON object with the fields of Lambda's JSON log format ({@code timestamp},
 * {@code level}, {@code message}, {@code AWSRequestId}) plus the function and the subject, so
 * CloudWatch Logs Insights can filter on any of them. Lines go through the runtime's
 * {@link com.amazonaws.services.lambda.runtime.LambdaLogger} as bytes, which the runtime writes
 * unchanged as one log event and filters by the function's application log level. Metrics are
 * CloudWatch Embedded Metric Format documents written the same way: CloudWatch turns them into
 * metrics in the namespace {@code METRICS_NAMESPACE}, with the function as the dimension.
 *
 * <p>Callers pass counts, durations and identifiers of things, never personal data.
 */
public final class InvocationLog {

    private static final JSON WRITER = JSON.std;

    private final Context context;
    private final String namespace;
    private final Map<String, Object> subject;

    private InvocationLog(Context context, String namespace, Map<String, Object> subject) {
        this.context = context;
        this.namespace = namespace;
        this.subject = subject;
    }

    /**
     * @param namespace the metrics namespace ({@code METRICS_NAMESPACE} in the template)
     * @param field what the subject is, for example {@code key} or {@code webinar}
     */
    public static InvocationLog of(Context context, String namespace, String field, String value) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put(field, value);
        return new InvocationLog(context, namespace, subject);
    }

    public void info(String message, Map<String, ?> fields) {
        write(LogLevel.INFO, line("INFO", message, fields));
    }

    public void warn(String message, Throwable cause) {
        Map<String, Object> line = line("WARN", message, Map.of());
        describe(line, cause);
        write(LogLevel.WARN, line);
    }

    public void error(String message, Throwable cause) {
        Map<String, Object> line = line("ERROR", message, Map.of());
        describe(line, cause);
        write(LogLevel.ERROR, line);
    }

    /**
     * One Embedded Metric Format document with these values.
     *
     * @param metrics metric names and values, in insertion order
     * @param units the unit of each metric: {@code Count}, {@code Milliseconds}...
     */
    public void metrics(Map<String, ? extends Number> metrics, Map<String, String> units) {
        if (metrics.isEmpty()) {
            return;
        }
        List<Map<String, String>> definitions = new ArrayList<>();
        metrics.keySet().forEach(name -> definitions.add(Map.of("Name", name, "Unit", units.getOrDefault(name, "None"))));
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", namespace);
        directive.put("Dimensions", List.of(List.of("function")));
        directive.put("Metrics", definitions);
        // A log line like the others, plus the directive: CloudWatch reads the metrics from its members.
        Map<String, Object> document = line("INFO", "metrics", metrics);
        document.put("_aws", Map.of("Timestamp", System.currentTimeMillis(), "CloudWatchMetrics", List.of(directive)));
        write(LogLevel.INFO, document);
    }

    private Map<String, Object> line(String level, String message, Map<String, ?> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("message", message);
        line.put("AWSRequestId", context.getAwsRequestId());
        line.put("function", context.getFunctionName());
        line.putAll(subject);
        line.putAll(fields);
        return line;
    }

    private static void describe(Map<String, Object> line, Throwable cause) {
        if (cause != null) {
            line.put("errorType", cause.getClass().getName());
            line.put("errorMessage", String.valueOf(cause.getMessage()));
            StringWriter trace = new StringWriter();
            cause.printStackTrace(new PrintWriter(trace));
            line.put("stackTrace", trace.toString());
        }
    }

    private void write(LogLevel level, Map<String, Object> line) {
        try {
            context.getLogger().log(WRITER.asBytes(line), level);
        } catch (IOException e) {
            throw new UncheckedIOException("A log line could not be written as JSON", e);
        }
    }
}
