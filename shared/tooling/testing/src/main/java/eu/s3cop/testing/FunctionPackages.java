package eu.s3cop.testing;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.stack.LocalCloud;
import eu.s3cop.stack.lambda.FunctionRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** A function's deployment package as {@code mvn package} leaves it: {@code functions/<name>/target/<name>.jar}. */
public final class FunctionPackages {

    /** Packages must not carry what only the tests and the local stack use. */
    private static final List<String> NEVER_PACKAGED = List.of(
            "eu/s3cop/stack/", "eu/s3cop/testing/", "org/gaul/s3proxy/", "com/amazonaws/services/dynamodbv2/local/",
            "org/junit/", "org/assertj/", "software/amazon/awssdk/http/apache/", "software/amazon/awssdk/http/nio/netty/",
            "io/netty/", "org/apache/http/");

    private FunctionPackages() {
    }

    public static Path path(String function) {
        return ProjectFiles.root().resolve("functions").resolve(function).resolve("target").resolve(function + ".jar");
    }

    /**
     * Fails when the package is larger than its budget (in megabytes of 1,000,000 bytes, as
     * Lambda counts them) or carries test, local-stack or heavyweight HTTP-client classes.
     *
     * @return the package's size in bytes
     */
    public static long assertWithinBudget(String function, int megabytes) {
        Path jar = path(function);
        assertThat(jar).as("the deployment package of " + function + " (mvn package builds it)").isRegularFile();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> unwanted = zip.stream().map(ZipEntry::getName)
                    .filter(name -> NEVER_PACKAGED.stream().anyMatch(name::startsWith)).limit(10).toList();
            assertThat(unwanted).as(function + " carries classes it never uses").isEmpty();
            long size = Files.size(jar);
            System.out.printf("%s: %.2f MB zipped (budget %d MB), %d entries%n", function, size / 1e6, megabytes, zip.size());
            assertThat(size).as(function + " package size in bytes (budget " + megabytes + " MB)").isLessThanOrEqualTo(megabytes * 1_000_000L);
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the function's SnapStart priming hook in the stack (from its package, when the stack
     * runs it packaged) and fails when it has none or the hook fails.
     *
     * @return how long priming took in milliseconds
     */
    public static long assertPrimes(LocalCloud stack, String function) {
        FunctionRunner runner = stack.functions().stream().filter(candidate -> candidate.function().name().equals(function))
                .findFirst().orElseThrow(() -> new AssertionError("no function " + function + " in the stack"));
        long millis = runner.prime();
        assertThat(millis).as(function + " has a priming hook (org.crac Resource.beforeCheckpoint)").isNotNegative();
        System.out.printf("%s: primed in %d ms%n", function, millis);
        return millis;
    }

    /** Whether the package holds any class under the given package path, such as {@code org/apache/pdfbox/}. */
    public static boolean contains(String function, String prefix) {
        try (ZipFile zip = new ZipFile(path(function).toFile())) {
            return zip.stream().anyMatch(entry -> entry.getName().startsWith(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
