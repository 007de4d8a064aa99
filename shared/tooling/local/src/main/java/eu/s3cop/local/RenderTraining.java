package eu.s3cop.local;

import eu.s3cop.draft.DraftRules;
import eu.s3cop.render.Priming;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One preview of the built-in priming draft, the way the rapporteur's command runs, with its
 * output dropped: the launcher runs it once to record what a preview loads (its class-data
 * archive, or AOT cache), so that every later preview starts from that record.
 */
public final class RenderTraining {

    private RenderTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Files.createTempDirectory("s3cop-render-training");
        Path draft = Files.write(folder.resolve("priming.md"), Priming.draft(DraftRules.DEFAULT_WORKING_GROUPS.get(0)));
        Path bibliography = Files.write(folder.resolve(Priming.BIBLIOGRAPHY), Priming.bibliography());
        PrintStream out = System.out;
        PrintStream err = System.err;
        int exit;
        try {
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            System.setErr(new PrintStream(OutputStream.nullOutputStream()));
            exit = RenderCommand.run(draft.toString(), "-o", folder.resolve("priming.pdf").toString());
        } finally {
            System.setOut(out);
            System.setErr(err);
            Files.deleteIfExists(folder.resolve("priming.pdf"));
            Files.deleteIfExists(draft);
            Files.deleteIfExists(bibliography);
            Files.deleteIfExists(folder);
        }
        if (exit != 0) {
            throw new IllegalStateException("The built-in priming draft did not render: exit " + exit);
        }
    }
}
