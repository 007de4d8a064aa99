package eu.s3cop.local;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.testing.ProjectFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RenderCommandTest {

    @Test
    void rendersASampleDraftToTheNamedFile(@TempDir Path folder) throws Exception {
        Path draft = ProjectFiles.root().resolve("events/drafts/interregional-cooperation/partnerships-across-borders.md");
        Path pdf = folder.resolve("out.pdf");

        Run run = run("render", draft.toString(), "-o", pdf.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains(pdf + ": ").contains(" pages, ");
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void printsProblemsLikeACompilerAndExitsNonZero(@TempDir Path folder) throws Exception {
        Path draft = folder.resolve("broken.md");
        Files.writeString(draft, "---\ntitle: A brief\ntype: white-paper\nworking_group: innovation-diffusion\nauthors: [A]\n"
                + "date: 2024-13-01\n---\n\n![chart](missing.png)\n");

        Run run = run("render", draft.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(draft + ":3: type: 'white-paper' is not one of:")
                .contains(draft + ":6: date: '2024-13-01' is not a real calendar date")
                .contains("2 problems: the draft would be rejected");
        assertThat(folder.resolve("broken.pdf")).doesNotExist();
    }

    @Test
    void readsImagesFromTheDraftsFolderAndReportsMissingOnes(@TempDir Path folder) throws Exception {
        Path draft = folder.resolve("with-image.md");
        Files.writeString(draft, "---\ntitle: A brief\ntype: policy-brief\nworking_group: innovation-diffusion\nauthors: [A]\n"
                + "date: 2024-05-01\n---\n\n![chart](figures/chart.png)\n");

        Run missing = run("render", draft.toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains(draft + ":9: the image 'figures/chart.png' was not found");

        Files.createDirectories(folder.resolve("figures"));
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(10, 10, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(image, "png", folder.resolve("figures/chart.png").toFile());
        Run found = run("render", draft.toString());
        assertThat(found.exit()).as(found.err()).isZero();
        assertThat(folder.resolve("with-image.pdf")).isRegularFile();
    }

    @Test
    void watchingRendersAgainWhenTheDraftOrAnImageChangesAndPrintsTheProblemsEachTime(@TempDir Path folder) throws Exception {
        Path draft = folder.resolve("watched.md");
        Path pdf = folder.resolve("watched.pdf");
        String front = "---\ntitle: Watched\ntype: policy-brief\nworking_group: innovation-diffusion\nauthors: [Alison Hunter]\ndate: 2024-05-23\n---\n\n";
        Files.writeString(draft, front + "# Findings\n\nFirst text.\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int[] exit = {-1};
        Thread watching = new Thread(() -> exit[0] = new CommandLine(new Main()).execute("render", draft.toString(), "-o", pdf.toString(), "--watch"));
        try {
            watching.start();
            await(out, "watching", 1);
            assertThat(count(out, " pages, ")).isEqualTo(1);

            Files.writeString(draft, front + "# Findings\n\n![](chart.png)\n\n#### Too deep\n");
            await(err, "no alt text", 1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("watched.md:11: ", "the draft would be rejected");

            Files.writeString(draft, front + "# Findings\n\n![Adoption by region](chart.png)\n\n#### Too deep\n");
            await(err, "chart.png", 2);
            Files.write(folder.resolve("chart.png"), png());
            await(out, " pages, ", 2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("watched.md:13: warning: the heading 'Too deep'");

            // An image changed alone renders again too.
            Files.write(folder.resolve("chart.png"), png(), java.nio.file.StandardOpenOption.APPEND);
            await(out, " pages, ", 3);
        } finally {
            watching.interrupt();
            watching.join(10_000);
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        assertThat(watching.isAlive()).isFalse();
        assertThat(exit[0]).isZero();
    }

    private static void await(ByteArrayOutputStream stream, String text, int times) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (count(stream, text) < times) {
            assertThat(System.nanoTime()).as("'%s' %d times in: %s", text, times, stream.toString(StandardCharsets.UTF_8)).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static int count(ByteArrayOutputStream stream, String text) {
        String all = stream.toString(StandardCharsets.UTF_8);
        int count = 0;
        for (int at = all.indexOf(text); at >= 0; at = all.indexOf(text, at + 1)) {
            count++;
        }
        return count;
    }

    private static byte[] png() throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(60, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /** The everyday arguments read without picocli mean what picocli makes of them; anything else is left to picocli. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "brief.md", "brief.md -o out.pdf", "-o out.pdf brief.md", "brief.md --output out.pdf --watch", "-w brief.md",
        "brief.md --version-number 3", "brief.md --working-groups a,b -o x.pdf", "brief.md --version-number 12 --watch -o y.pdf"})
    void everydayArgumentsAreReadAsPicocliReadsThem(String line) {
        String[] arguments = line.split(" ");
        RenderCommand quick = RenderCommand.plain(arguments).orElseThrow();
        RenderCommand picocli = new RenderCommand();
        new CommandLine(picocli).parseArgs(arguments);
        assertThat(List.of(quick.draft, String.valueOf(quick.output), quick.watch, quick.version, quick.workingGroups))
                .isEqualTo(List.of(picocli.draft, String.valueOf(picocli.output), picocli.watch, picocli.version, picocli.workingGroups));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "", "--help", "-h", "brief.md --unknown", "brief.md other.md", "brief.md -o", "brief.md --version-number x",
        "brief.md -o a.pdf -o b.pdf", "brief.md --output=out.pdf", "-V"})
    void anythingElseIsLeftToPicocli(String line) {
        assertThat(RenderCommand.plain(line.isEmpty() ? new String[0] : line.split(" "))).isEmpty();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new Main()).execute(arguments);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
