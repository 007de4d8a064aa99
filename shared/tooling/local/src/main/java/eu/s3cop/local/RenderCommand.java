package eu.s3cop.local;

import eu.s3cop.draft.Draft;
import eu.s3cop.draft.DraftReader;
import eu.s3cop.draft.DraftRules;
import eu.s3cop.upload.Outcome;
import eu.s3cop.upload.Problem;
import eu.s3cop.render.DraftFolder;
import eu.s3cop.render.DraftSources;
import eu.s3cop.render.PdfRenderer;
import eu.s3cop.render.RenderSettings;
import eu.s3cop.render.RenderedPdf;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The rapporteur's preview: the same checks and the same renderer as the publish-brief
 * function, on the rapporteur's own machine, with problems printed as a compiler prints them.
 * With {@code --watch} it stays, and renders again whenever the draft or an image beside it
 * changes, printing the problems each time.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Check a draft and render it to PDF exactly as publishing would; problems print as file:line: message.")
final class RenderCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DRAFT", description = "The Markdown draft, for example bottlenecks.md.")
    Path draft;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the PDF (default: the draft's name with .pdf).")
    Path output;

    @Option(names = "--version-number", paramLabel = "N", description = "The version printed on the cover (default: ${DEFAULT-VALUE}).")
    int version = 1;

    @Option(names = "--working-groups", split = ",", paramLabel = "LIST",
            description = "The working groups drafts may name (default: the template's).")
    List<String> workingGroups = DraftRules.DEFAULT_WORKING_GROUPS;

    @Option(names = {"-w", "--watch"}, description = "Keep watching: render again whenever the draft, an image or its bibliography beside it changes (Ctrl-C stops).")
    boolean watch;

    /** How often the watch looks at the files: changes show within a third of a second, at no measurable cost. */
    static final java.time.Duration POLL = java.time.Duration.ofMillis(300);

    /** Image files in the draft's folder and below, to so many levels: where a draft's images can be. */
    private static final int IMAGE_DEPTH = 4;

    /**
     * Made on another thread while the draft is read and checked: reading and parsing the text
     * fonts, the theme and the colour profile then cost a cold preview no wall time on a second core.
     */
    private java.util.concurrent.CompletableFuture<PdfRenderer> renderer;

    /**
     * The preview alone, as {@code s3cop-local render ...} and the launcher start it: without the
     * other commands' models, and with logging off (the stack's logging configuration is the
     * slowest thing a short run would load, and a preview logs nothing).
     */
    static int run(String... arguments) {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        }
        Optional<RenderCommand> plain = plain(arguments);
        return plain.isPresent() ? plain.get().call() : new picocli.CommandLine(new RenderCommand()).execute(arguments);
    }

    /**
     * The command from arguments of the everyday shape (a draft, then any of {@code -o FILE},
     * {@code --watch}, {@code --version-number N}, {@code --working-groups LIST}), read without
     * picocli; empty for anything else (help, a mistake, an unusual spelling), which picocli
     * then reads, explains and refuses as the command's one definition. Picocli is built for
     * Java 5, so class-data sharing cannot keep its classes: loading and verifying them took a
     * tenth of a second of every preview. {@code RenderCommandTest} holds the two readings equal.
     */
    static Optional<RenderCommand> plain(String... arguments) {
        RenderCommand command = new RenderCommand();
        for (int i = 0; i < arguments.length; i++) {
            String argument = arguments[i];
            String value = i + 1 < arguments.length ? arguments[i + 1] : null;
            switch (argument) {
                case "-o", "--output" -> {
                    if (value == null || value.startsWith("-") || command.output != null) {
                        return Optional.empty();
                    }
                    command.output = Path.of(value);
                    i++;
                }
                case "-w", "--watch" -> command.watch = true;
                case "--version-number" -> {
                    if (value == null || !value.matches("[0-9]{1,9}")) {
                        return Optional.empty();
                    }
                    command.version = Integer.parseInt(value);
                    i++;
                }
                case "--working-groups" -> {
                    if (value == null || value.startsWith("-")) {
                        return Optional.empty();
                    }
                    command.workingGroups = List.of(value.split(","));
                    i++;
                }
                default -> {
                    if (argument.startsWith("-") || command.draft != null) {
                        return Optional.empty();
                    }
                    command.draft = Path.of(argument);
                }
            }
        }
        return command.draft == null ? Optional.empty() : Optional.of(command);
    }

    @Override
    public Integer call() {
        renderer = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            PdfRenderer made = new PdfRenderer();
            made.prepareTextFonts();
            return made;
        });
        int exit = renderOnce();
        if (!watch) {
            return exit;
        }
        System.out.println("watching " + draft + " and the images beside it; Ctrl-C stops");
        List<String> seen = files();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(POLL.toMillis());
                List<String> now = files();
                if (!now.equals(seen)) {
                    seen = now;
                    renderOnce();
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * What the watch compares: the draft and every image and bibliography beside it, each with
     * its size and time of change. The PDFs it writes are neither, so its own output never sets it off again.
     */
    private List<String> files() {
        Path folder = draft.toAbsolutePath().getParent();
        List<String> files = new java.util.ArrayList<>();
        files.add(stamp(draft.toAbsolutePath()));
        try (java.util.stream.Stream<Path> walk = Files.walk(folder, IMAGE_DEPTH)) {
            walk.filter(file -> file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.(png|jpe?g|bib|json)"))
                    .sorted().limit(1000).forEach(file -> files.add(stamp(file)));
        } catch (IOException | java.io.UncheckedIOException e) {
            // A folder that changes while it is read: the next look sees it whole.
        }
        return files;
    }

    private static String stamp(Path file) {
        try {
            return file + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return file + " gone";
        }
    }

    private int renderOnce() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(draft);
        } catch (IOException e) {
            err.println(draft + ": cannot be read: " + e.getMessage());
            return 2;
        }
        Outcome<Draft> outcome = new DraftReader(DraftRules.withWorkingGroups(workingGroups)).read(draft.getFileName().toString(), bytes);
        if (outcome instanceof Outcome.Rejected<Draft> rejected) {
            return fail(rejected.problems(), err);
        }
        Draft accepted = ((Outcome.Accepted<Draft>) outcome).value();
        // Warnings do not stop publishing: said first, as the report lists them.
        accepted.warnings().forEach(warning -> err.println(warning.describe(draft.toString()).replaceFirst(": ", ": warning: ")));
        DraftSources sources = DraftSources.resolve(accepted, DraftFolder.folder(draft.toAbsolutePath().getParent()));
        if (!sources.problems().isEmpty()) {
            return fail(sources.problems(), err);
        }
        RenderedPdf pdf = renderer.join().render(accepted, new RenderSettings(version, Instant.now()), sources.images(), sources.references());
        Path target = output != null ? output : draft.resolveSibling(accepted.slug() + ".pdf");
        try {
            Files.write(target, pdf.bytes());
        } catch (IOException e) {
            err.println(target + ": cannot be written: " + e.getMessage());
            return 2;
        }
        out.println(target + ": " + pdf.pages() + " pages, " + pdf.bytes().length + " bytes"
                + (accepted.meta().preview() ? " (a DRAFT preview: set status: final to publish)" : ""));
        return 0;
    }

    private int fail(List<Problem> problems, PrintStream err) {
        problems.forEach(problem -> err.println(problem.describe(draft.toString())));
        err.println(problems.size() + (problems.size() == 1 ? " problem" : " problems") + ": the draft would be rejected");
        return 1;
    }
}
