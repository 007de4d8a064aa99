package eu.s3cop.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class the whole system on one machine: a real S3 protocol endpoint and DynamoDB
 * Local over HTTP (in memory, on free ports) with the buckets and tables of template.yaml, the
 * functions wired to their triggers, and an HTTP endpoint for the API routes. Test methods and
 * lifecycle methods receive it as a {@link eu.s3cop.stack.LocalCloud} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LocalAwsExtension.class)
public @interface LocalAws {

    /** Template parameters to override, as {@code Name=Value}. */
    String[] parameters() default {};

    /**
     * Functions to run from their deployment packages ({@code CodeUri}, built by {@code mvn
     * package}), each in a class loader of its own, instead of from the test class path: the way
     * to prove that a package holds everything its function loads.
     */
    String[] packaged() default {};
}
