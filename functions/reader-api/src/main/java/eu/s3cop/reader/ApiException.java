package eu.s3cop.reader;

import eu.s3cop.core.S3CopException;

/** A request the API answers with a client error: its status and a detail that says what to change. */
final class ApiException extends S3CopException {

    private final int status;
    private final String metric;
    private final long retryAfterSeconds;

    ApiException(int status, String detail) {
        this(status, detail, null, 0);
    }

    /**
     * @param metric the metric the refusal counts in, for an alarm; null for none
     * @param retryAfterSeconds when to ask again, for the Retry-After header; 0 for none
     */
    ApiException(int status, String detail, String metric, long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.metric = metric;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    int status() {
        return status;
    }

    String metric() {
        return metric;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    static ApiException badRequest(String detail) {
        return new ApiException(400, detail);
    }

    static ApiException notFound(String detail) {
        return new ApiException(404, detail);
    }
}
