package eu.s3cop.stack;

import eu.s3cop.core.S3CopException;

/** The local stack could not start, stop, or run what it was asked to. */
public class StackException extends S3CopException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
