package eu.s3cop.local;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What a rapporteur without this system does to turn a draft into a PDF, timed as a whole
 * process: pandoc makes a standalone HTML page of the Markdown (front matter, tables,
 * footnotes and citations, from the bibliography beside the draft, included), then headless
 * Chromium prints it to PDF. Both from the machine's own
 * packages (Debian: {@code pandoc}, {@code chromium}); where either is missing there is no
 * reference and the benchmarks say so.
 */
record Reference(Path pandoc, Path chromium) {

    static final String WAY = "pandoc+chromium";

    /** pandoc and a Chromium on the PATH, if both are there. */
    static Optional<Reference> find() {
        Optional<Path> pandoc = onPath("pandoc");
        Optional<Path> chromium = onPath("chromium").or(() -> onPath("chromium-browser")).or(() -> onPath("google-chrome"));
        if (pandoc.isEmpty() || chromium.isEmpty()) {
            System.out.println("reference: pandoc + Chromium not found on the PATH, so no comparison (Debian: apt-get install pandoc chromium)");
            return Optional.empty();
        }
        return Optional.of(new Reference(pandoc.get(), chromium.get()));
    }

    /** Converts the draft in {@code work} (created, then left for the caller to delete) and answers its wall-clock time. */
    Map<String, Long> convert(Path draft, Path work) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path html = work.resolve("draft.html");
        Path pdf = work.resolve("draft.pdf");
        long started = System.nanoTime();
        // In the draft's folder, where pandoc looks for the bibliography its front matter names.
        run(List.of(pandoc.toString(), "--standalone", "--citeproc", "--from", "markdown", "--to", "html5", "--output", html.toString(),
                draft.toAbsolutePath().toString()), draft.toAbsolutePath().getParent());
        // The flags a user needs for a headless print as root in a container: no sandbox, no GPU, a profile of its own.
        run(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer",
                "--user-data-dir=" + work.resolve("profile"), "--print-to-pdf=" + pdf, html.toUri().toString()), work);
        long wall = (System.nanoTime() - started) / 1_000_000;
        if (!Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
            throw new IllegalStateException("pandoc + Chromium made no PDF of " + draft);
        }
        return Map.of("wall", wall);
    }

    private static void run(List<String> command, Path folder) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + new String(output, StandardCharsets.UTF_8));
        }
    }

    private static Optional<Path> onPath(String name) {
        List<Path> candidates = new ArrayList<>();
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!folder.isEmpty()) {
                candidates.add(Path.of(folder, name));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }
}
