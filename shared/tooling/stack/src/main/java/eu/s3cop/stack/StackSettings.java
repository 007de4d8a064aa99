package eu.s3cop.stack;

import eu.s3cop.stack.lambda.FunctionCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How a local stack runs.
 *
 * @param dataDirectory where S3 objects, tables and the outbox persist; null keeps all in memory
 *     (the outbox then goes to a temporary folder)
 * @param s3Port the S3 endpoint's port, 0 for any free port
 * @param dynamoDbPort the DynamoDB endpoint's port, 0 for any free port
 * @param httpPort the HTTP endpoint's port, 0 for any free port, -1 for none
 * @param parameters template parameter values that replace their defaults
 * @param runSchedules whether schedules fire on their own (they can always be fired on demand)
 * @param deliverS3Events whether writes to a bucket invoke the functions whose S3 events match them;
 *     off, functions run only when invoked by hand (as the cold-start benchmark does)
 * @param deliverStreams whether changes to a table reach the functions mapped to its stream; off, as
 *     for the cold-start benchmark, nothing runs in the stack's process while a function is measured
 * @param retryDelay the wait before the first retry of a failed asynchronous event (doubled for the second)
 * @param concurrency how many events may be handled at once
 * @param code where the functions' classes come from: the class path, or their deployment packages
 */
public record StackSettings(
        Path dataDirectory,
        int s3Port,
        int dynamoDbPort,
        int httpPort,
        String region,
        String accessKey,
        String secretKey,
        Map<String, String> parameters,
        boolean runSchedules,
        boolean deliverS3Events,
        boolean deliverStreams,
        Duration retryDelay,
        int concurrency,
        FunctionCode code) {

    public static final int S3_PORT = 4566;
    public static final int DYNAMODB_PORT = 8000;
    public static final int HTTP_PORT = 3000;
    public static final String REGION = "eu-west-1";
    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test";

    public StackSettings {
        parameters = Map.copyOf(parameters);
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
    }

    /** The stack's contract: fixed ports on 127.0.0.1, schedules running, data kept in {@code dataDirectory}. */
    public static StackSettings defaults(Path dataDirectory) {
        return new StackSettings(dataDirectory, S3_PORT, DYNAMODB_PORT, HTTP_PORT, REGION, ACCESS_KEY, SECRET_KEY,
                Map.of(), true, true, true, Duration.ofSeconds(1), 8, FunctionCode.classPath(Thread.currentThread().getContextClassLoader()));
    }

    /** For tests: in memory, on free ports, schedules only on demand, quick retries. */
    public static StackSettings ephemeral() {
        return new StackSettings(null, 0, 0, 0, REGION, ACCESS_KEY, SECRET_KEY,
                Map.of(), false, true, true, Duration.ofMillis(50), 8, FunctionCode.classPath(Thread.currentThread().getContextClassLoader()));
    }

    public StackSettings withPorts(int s3, int dynamoDb, int http) {
        return new StackSettings(dataDirectory, s3, dynamoDb, http, region, accessKey, secretKey, parameters, runSchedules, deliverS3Events, deliverStreams, retryDelay, concurrency, code);
    }

    public StackSettings withDataDirectory(Path directory) {
        return new StackSettings(directory, s3Port, dynamoDbPort, httpPort, region, accessKey, secretKey, parameters, runSchedules, deliverS3Events, deliverStreams, retryDelay, concurrency, code);
    }

    public StackSettings withRunSchedules(boolean run) {
        return new StackSettings(dataDirectory, s3Port, dynamoDbPort, httpPort, region, accessKey, secretKey, parameters, run, deliverS3Events, deliverStreams, retryDelay, concurrency, code);
    }

    public StackSettings withS3Events(boolean deliver) {
        return new StackSettings(dataDirectory, s3Port, dynamoDbPort, httpPort, region, accessKey, secretKey, parameters, runSchedules, deliver, deliverStreams, retryDelay, concurrency, code);
    }

    public StackSettings withStreams(boolean deliver) {
        return new StackSettings(dataDirectory, s3Port, dynamoDbPort, httpPort, region, accessKey, secretKey, parameters, runSchedules, deliverS3Events, deliver, retryDelay, concurrency, code);
    }

    public StackSettings withCode(FunctionCode functions) {
        return new StackSettings(dataDirectory, s3Port, dynamoDbPort, httpPort, region, accessKey, secretKey, parameters, runSchedules, deliverS3Events, deliverStreams, retryDelay, concurrency, functions);
    }

    public StackSettings withConcurrency(int events) {
        return new StackSettings(dataDirectory, s3Port, dynamoDbPort, httpPort, region, accessKey, secretKey, parameters, runSchedules, deliverS3Events, deliverStreams, retryDelay, events, code);
    }

    public StackSettings withParameters(Map<String, String> values) {
        return new StackSettings(dataDirectory, s3Port, dynamoDbPort, httpPort, region, accessKey, secretKey, values, runSchedules, deliverS3Events, deliverStreams, retryDelay, concurrency, code);
    }
}
