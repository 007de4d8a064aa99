package eu.s3cop.local;

import eu.s3cop.stack.template.Template;
import eu.s3cop.stack.template.TemplateException;
import java.nio.file.Path;
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
}
