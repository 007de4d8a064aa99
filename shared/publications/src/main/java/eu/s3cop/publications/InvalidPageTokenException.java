package eu.s3cop.publications;

import eu.s3cop.core.S3CopException;

/** A listing's {@code next} token that this listing did not give out: too long, undecodable, or another listing's. */
public final class InvalidPageTokenException extends S3CopException {

    InvalidPageTokenException(String message) {
        super(message);
    }
}
