package eu.s3cop.local;

import eu.s3cop.stack.LocalCloud;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Uploads the samples in {@code events/} through the S3 endpoint, as a rapporteur or the
 * secretariat would: {@code events/drafts/**} to {@code drafts/}, {@code events/webinars/**} to
 * {@code webinars/} and {@code events/working-groups/**} to {@code working-groups/} in the
 * uploads bucket. The functions then run on their own.
 */
public final class Seeder {

    static final String UPLOADS = "UploadsBucket";

    private Seeder() {
    }

    public static int seed(LocalCloud stack, Path events, PrintStream out) {
        int uploaded = 0;
        try (S3Client s3 = stack.s3Client()) {
            for (String folder : List.of("working-groups", "drafts", "webinars")) {
                Path root = events.resolve(folder);
                if (!Files.isDirectory(root)) {
                    continue;
                }
                boolean waited = false;
                for (Path file : files(root)) {
                    if (translation(file) && !waited) {
                        // A translation is checked against its published original: the originals first.
                        stack.awaitIdle(java.time.Duration.ofMinutes(2));
                        waited = true;
                    }
                    String key = folder + "/" + root.relativize(file).toString().replace('\\', '/');
                    s3.putObject(put -> put.bucket(stack.bucket(UPLOADS)).key(key), file);
                    out.println("seeded   s3://" + stack.bucket(UPLOADS) + "/" + key);
                    uploaded++;
                }
            }
        }
        if (uploaded == 0) {
            out.println("seed: no samples under " + events.resolve("drafts") + ", " + events.resolve("webinars") + " or "
                    + events.resolve("working-groups"));
        }
        return uploaded;
    }

    private static List<Path> files(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            // Images before drafts, as a rapporteur uploads them: a draft whose image is not there yet is rejected; translations last.
            return walk.filter(Files::isRegularFile)
                    .sorted(java.util.Comparator.comparing((Path path) -> path.toString().endsWith(".md")).thenComparing(Seeder::translation)
                            .thenComparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the samples in " + root, e);
        }
    }

    /** Whether a sample draft translates another, which must be published before it. */
    public static boolean translation(Path file) {
        if (!file.toString().endsWith(".md")) {
            return false;
        }
        try {
            return Files.readAllLines(file).stream().anyMatch(line -> line.startsWith("translation_of:"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
