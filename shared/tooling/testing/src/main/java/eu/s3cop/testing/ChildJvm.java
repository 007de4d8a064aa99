package eu.s3cop.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a class's {@code main} in a fresh JVM on the test's class path, with JVM options such as
 * a small heap, and returns what it printed: how tests prove limits that only hold for a whole
 * process.
 */
public final class ChildJvm {

    /** What the child printed (standard output and error together) and how it ended. */
    public record Result(int exitCode, String output) {
    }

    private ChildJvm() {
    }

    public static Result run(Class<?> main, List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!child.waitFor(5, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            return new Result(-1, output + "\n(killed after 5 minutes)");
        }
        return new Result(child.exitValue(), output);
    }
}
