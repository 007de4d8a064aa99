package eu.s3cop.reader;

import eu.s3cop.core.S3CopException;

/** A request the API answers with a client error: its status and a detail that says what to change. */
final class ApiException extends S3CopException {

    private final int status;

    ApiException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ApiException badRequest(String detail) {
        return new ApiException(400, detail);
    }

    static ApiException notFound(String detail) {
        return new ApiException(404, detail);
    }
}
