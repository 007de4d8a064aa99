package eu.s3cop.render;

import eu.s3cop.draft.Draft;
import eu.s3cop.draft.DraftReader;
import eu.s3cop.draft.DraftRules;
import eu.s3cop.upload.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample drafts under the project's events/drafts, read as the publishing function reads them. */
final class Samples {

    private Samples() {
    }

    /** Every sample draft, by its path under events/drafts. */
    static java.util.List<String> all() {
        return java.util.List.of(
                "innovation-diffusion/bottlenecks-to-innovation-diffusion.md",
                "innovation-diffusion/voices-from-the-regions.md",
                "innovation-diffusion/cloud-adoption-in-regions.md",
                "industrial-transition/skills-for-industrial-transition.md",
                "industrial-transition/green-steel-preview.md",
                "interregional-cooperation/partnerships-across-borders.md",
                "secretariat/enabling-condition-lessons.md");
    }

    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No template.yaml above " + Path.of("").toAbsolutePath());
    }

    static Path draftFile(String relative) {
        return root().resolve("events/drafts").resolve(relative);
    }

    /** A draft with the given Markdown under a minimal front matter, read as the function reads it. */
    static Draft withBody(String body) {
        return withBody(body, "");
    }

    /** The same, with more front-matter {@code fields} (whole lines). */
    static Draft withBody(String body, String fields) {
        String text = """
                ---
                title: A test brief
                type: policy-brief
                working_group: innovation-diffusion
                authors: [Test Author]
                date: 2024-05-23
                """ + fields + "---\n\n" + body;
        Outcome<Draft> outcome = new DraftReader(DraftRules.defaults()).read("test.md", text.getBytes(StandardCharsets.UTF_8));
        if (outcome instanceof Outcome.Accepted<Draft> accepted) {
            return accepted.value();
        }
        throw new IllegalStateException("The test draft is rejected: " + ((Outcome.Rejected<Draft>) outcome).problems());
    }

    /** The images a sample draft shows, read from beside it as the publishing function reads them from the bucket. */
    static java.util.Map<String, byte[]> images(String relative) {
        Images.Resolution resolution = Images.resolve(draft(relative), DraftFolder.folder(draftFile(relative).getParent()));
        if (!resolution.problems().isEmpty()) {
            throw new IllegalStateException(relative + "'s images: " + resolution.problems());
        }
        return resolution.images();
    }

    /** A sample draft's citations and reference list, from the bibliography beside it as the publishing function reads it. */
    static References references(String relative) {
        References.Resolution resolution = References.resolve(draft(relative), DraftFolder.folder(draftFile(relative).getParent()));
        if (!resolution.problems().isEmpty()) {
            throw new IllegalStateException(relative + "'s references: " + resolution.problems());
        }
        return resolution.references();
    }

    static Draft draft(String relative) {
        Path file = draftFile(relative);
        try {
            Outcome<Draft> outcome = new DraftReader(DraftRules.defaults()).read(file.getFileName().toString(), Files.readAllBytes(file));
            if (outcome instanceof Outcome.Accepted<Draft> accepted) {
                return accepted.value();
            }
            throw new IllegalStateException(relative + " is rejected: " + ((Outcome.Rejected<Draft>) outcome).problems());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
