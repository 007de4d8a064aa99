package eu.s3cop.stack.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The context object Lambda hands a handler, for one local invocation. */
record LocalContext(String requestId, String functionName, String functionArn, int memoryMb, long deadlineMillis, LambdaLogger logger)
        implements Context {

    /**
     * Prints each log event on the console after the function's name, and keeps it for the
     * invocation's record. JSON lines print as their level, message and fields; request ids,
     * timestamps and metrics documents are left to the record, where tests read them.
     */
    static LambdaLogger consoleLogger(String functionName, List<String> lines) {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                String line = message.stripTrailing();
                lines.add(line);
                readable(line).ifPresent(text -> System.out.println(functionName + " | " + text));
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }

    private static final Set<String> QUIET = Set.of("timestamp", "level", "message", "AWSRequestId", "function", "stackTrace");

    /** A JSON log line as a person reads it; nothing for a metrics document. */
    static Optional<String> readable(String line) {
        if (!line.startsWith("{")) {
            return Optional.of(line);
        }
        Map<String, Object> fields;
        try {
            fields = JSON.std.mapFrom(line);
        } catch (IOException e) {
            return Optional.of(line);
        }
        if (fields.containsKey("_aws")) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder().append(fields.getOrDefault("level", "")).append(' ').append(fields.getOrDefault("message", ""));
        fields.forEach((name, value) -> {
            if (!QUIET.contains(name)) {
                text.append(' ').append(name).append('=').append(value);
            }
        });
        if (fields.containsKey("stackTrace")) {
            text.append(System.lineSeparator()).append(String.valueOf(fields.get("stackTrace")).stripTrailing());
        }
        return Optional.of(text.toString());
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return functionArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
