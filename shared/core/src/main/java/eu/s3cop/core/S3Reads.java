package eu.s3cop.core;

import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Reads from S3 where a missing object is an answer, not a failure. */
public final class S3Reads {

    private S3Reads() {
    }

    /**
     * The call's result, or empty when S3 says there is no such object (HEAD answers a bare 404,
     * which the SDK cannot name NoSuchKey).
     */
    public static <T> Optional<T> ifPresent(Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
