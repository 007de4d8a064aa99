package eu.s3cop.core;

/** The one unchecked exception family of the pipeline: each subclass is one failure mode. */
public abstract class S3CopException extends RuntimeException {

    protected S3CopException(String message) {
        super(message);
    }

    protected S3CopException(String message, Throwable cause) {
        super(message, cause);
    }
}
