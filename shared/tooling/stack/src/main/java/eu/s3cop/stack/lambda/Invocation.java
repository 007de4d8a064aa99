package eu.s3cop.stack.lambda;

import java.util.List;
import java.util.Optional;

/**
 * One run of a function.
 *
 * @param trigger what caused it, for the log line: for example {@code S3 s3cop-uploads/drafts/x.md}
 * @param event the event document the handler was given, to deliver again as S3 or a retry would
 * @param response the handler's result as the runtime would serialize it, or null
 * @param error what the handler threw, or null
 * @param attempt 1 for the first delivery, more for the retries of an asynchronous event
 * @param logLines what the handler wrote through its context's logger, one entry per log event
 * @param cpuNanos the CPU time of the thread that ran the handler, during the run: what the
 *     function itself cost, without the compiler's and the collector's threads
 */
public record Invocation(String function, String trigger, String event, String requestId, long millis, String response, Throwable error, int attempt,
        List<String> logLines, long cpuNanos) {

    public Invocation {
        logLines = List.copyOf(logLines);
    }

    public boolean succeeded() {
        return error == null;
    }

    public Optional<Throwable> failure() {
        return Optional.ofNullable(error);
    }

    /** One line for the stack's console: function, trigger, outcome and duration. */
    public String summary() {
        String outcome = succeeded() ? "OK" : "FAILED (" + error.getClass().getSimpleName() + ": " + error.getMessage() + ")";
        String retry = attempt > 1 ? " [attempt " + attempt + "]" : "";
        return String.format("%-18s %-60s %s %d ms%s", function, trigger, outcome, millis, retry);
    }
}
