package eu.s3cop.local;

import eu.s3cop.stack.LocalCloud;
import eu.s3cop.stack.template.Template;
import eu.s3cop.stack.template.TemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import picocli.CommandLine.Option;

/** What the benchmark commands share: the template they start a stack from and the draft they publish. */
final class BenchmarkInputs {

    @Option(names = "--draft", description = "The draft to publish (default: the sample policy brief in events/drafts).")
    Path draft;

    @Option(names = "--template", description = "The template (default: template.yaml in this folder or a parent).")
    Path template;

    Path templateFile() {
        return template != null ? template : Template.locate(Path.of("")).orElseThrow(() ->
                new TemplateException("No template.yaml here or in a parent folder: run from the project folder or pass --template FILE"));
    }

    /** The project's folder: the template's. */
    Path root() {
        return templateFile().toAbsolutePath().getParent();
    }

    Path draftFile() {
        return draft != null ? draft : root().resolve("events/drafts/innovation-diffusion/bottlenecks-to-innovation-diffusion.md");
    }

    /**
     * Uploads what the draft shows besides its text (its images and bibliography: every file
     * beside it but drafts) to {@code folderKey}, as a rapporteur uploads them before the draft.
     */
    void uploadBesideFiles(LocalCloud stack, String folderKey) throws IOException {
        Path folder = draftFile().toAbsolutePath().getParent();
        try (S3Client s3 = stack.s3Client(); Stream<Path> files = Files.walk(folder, 3)) {
            for (Path file : files.filter(Files::isRegularFile).filter(file -> !file.toString().endsWith(".md")).toList()) {
                String key = folderKey + "/" + folder.relativize(file).toString().replace('\\', '/');
                s3.putObject(put -> put.bucket(stack.bucket(Seeder.UPLOADS)).key(key), RequestBody.fromFile(file));
            }
        }
    }
}
