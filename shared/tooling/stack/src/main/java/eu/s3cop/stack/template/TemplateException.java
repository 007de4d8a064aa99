package eu.s3cop.stack.template;

import eu.s3cop.core.S3CopException;

/** The template cannot be read, or describes something the local stack cannot run. */
public final class TemplateException extends S3CopException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
