package eu.s3cop.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Nu Html Checker (vnu-jar, installed by the build from npm), run once over a set of saved
 * pages in a JVM of its own, as its command line is meant to be used.
 */
final class HtmlChecker {

    private static final Path VNU = Path.of("target/browser-tools/node_modules/vnu-jar/build/dist/vnu.jar");

    private HtmlChecker() {
    }

    /**
     * The checker's errors, each as "which page, line: message".
     *
     * @param pages what each page is, and the file it was saved to
     */
    static List<String> errors(Map<String, String> pages) throws IOException, InterruptedException {
        assertThat(VNU).as("vnu-jar, installed by the build from npm").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", VNU.toString(),
                "--format", "json", "--stdout", "--exit-zero-always"));
        command.addAll(pages.values());
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the checker finished").isTrue();
        List<String> errors = new ArrayList<>();
        for (Object entry : (List<?>) JSON.std.mapFrom(output).get("messages")) {
            Map<?, ?> message = (Map<?, ?>) entry;
            if (!"info".equals(message.get("type"))) {
                String url = String.valueOf(message.get("url"));
                String page = pages.entrySet().stream().filter(named -> url.endsWith(Path.of(named.getValue()).getFileName().toString()))
                        .map(Map.Entry::getKey).findFirst().orElse(url);
                errors.add(page + ", line " + message.get("lastLine") + ": " + message.get("message"));
            }
        }
        return errors;
    }
}
