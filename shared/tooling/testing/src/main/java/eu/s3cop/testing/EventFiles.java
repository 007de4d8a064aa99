package eu.s3cop.testing;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Event samples from {@code events/} (the same files {@code sam local invoke -e} takes), read as
 * text for the local stack's runner, or decoded by the Lambda runtime's serializer.
 */
public final class EventFiles {

    private EventFiles() {
    }

    public static String json(String relativePath) {
        try {
            return Files.readString(ProjectFiles.event(relativePath), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read events/" + relativePath, e);
        }
    }

    /** The event decoded exactly as the Lambda Java runtime decodes it for a handler taking {@code type}. */
    public static <T> T read(String relativePath, Class<T> type) {
        Path file = ProjectFiles.event(relativePath);
        try (InputStream in = Files.newInputStream(file)) {
            return LambdaEventSerializers.serializerFor(type, EventFiles.class.getClassLoader()).fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read events/" + relativePath, e);
        }
    }
}
