package eu.s3cop.local;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.testing.ProjectFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code s3cop-local} jar as a user does, from the project's folder, and answers what it printed. */
final class LocalJar {

    private LocalJar() {
    }

    /** The command's output, once it has exited with 0 within five minutes. */
    static String run(String... arguments) throws Exception {
        Path jar = Path.of("target/s3cop-local.jar").toAbsolutePath();
        assertThat(jar).as("the packaged local stack (mvn package builds it)").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(ProjectFiles.root().toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
