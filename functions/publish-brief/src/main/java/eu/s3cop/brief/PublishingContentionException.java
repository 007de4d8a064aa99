package eu.s3cop.brief;

import eu.s3cop.core.S3CopException;

/**
 * Other uploads of the same publication kept taking the next version number. The event fails,
 * so Lambda retries it; nothing was half-published.
 */
public final class PublishingContentionException extends S3CopException {

    public PublishingContentionException(String publication, int attempts) {
        super("Publication " + publication + ": the next version number was taken by other uploads " + attempts
                + " times in a row; the event will be retried");
    }
}
