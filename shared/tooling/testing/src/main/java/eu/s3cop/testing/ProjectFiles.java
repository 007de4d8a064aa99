package eu.s3cop.testing;

import eu.s3cop.stack.template.Template;
import java.nio.file.Path;

/** The project's own files, found from wherever a module's tests run: template.yaml and events/. */
public final class ProjectFiles {

    private ProjectFiles() {
    }

    public static Path templateFile() {
        return Template.locate(Path.of("")).orElseThrow(() -> new IllegalStateException(
                "No template.yaml in " + Path.of("").toAbsolutePath() + " or its parents; run the tests inside the project"));
    }

    public static Template template() {
        return Template.read(templateFile());
    }

    /** The project's root: the folder of template.yaml. */
    public static Path root() {
        return templateFile().getParent();
    }

    /** A file under {@code events/}, for example {@code events/publish-brief/draft-uploaded.json}. */
    public static Path event(String relativePath) {
        return root().resolve("events").resolve(relativePath);
    }
}
