package eu.s3cop.testing;

import eu.s3cop.stack.LocalCloud;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Publishes, through the S3 endpoint and the real publish-brief function, the sample drafts,
 * generated briefs across groups, types and years (one by "David Uhlřř", one on "Śląsku"), a
 * brief with a hostile title, a webinar a month ahead, and a second version of generated-0.
 */
public final class PublishedSamples {

    public static final int GENERATED = 23;

    /**
     * What else is listed once {@link #publish} is done: the sample drafts in events/drafts that
     * publish and are listed (the preview does not publish; the translation is listed on its
     * original's entry; the secretariat's document is listed once, on the home page and every
     * group's page) and the draft with a hostile title.
     */
    public static final int LISTED_BESIDE_GENERATED = 7;

    private PublishedSamples() {
    }

    private static boolean translation(Path file) throws IOException {
        return file.toString().endsWith(".md") && Files.readAllLines(file).stream().anyMatch(line -> line.startsWith("translation_of:"));
    }

    public static void publish(LocalCloud stack, int generated) throws IOException {
        try (S3Client s3 = stack.s3Client()) {
            Path drafts = ProjectFiles.root().resolve("events/drafts");
            try (var files = Files.walk(drafts)) {
                // Images first, as a rapporteur uploads them: a draft whose image is not there yet is rejected.
                List<Path> translations = new java.util.ArrayList<>();
                for (Path file : files.filter(Files::isRegularFile)
                        .sorted(java.util.Comparator.comparing((Path path) -> path.toString().endsWith(".md")).thenComparing(Path::toString)).toList()) {
                    if (translation(file)) {
                        translations.add(file);
                    } else {
                        s3.putObject(put -> put.bucket("s3cop-uploads").key("drafts/" + drafts.relativize(file)), RequestBody.fromFile(file));
                    }
                }
                // A translation is checked against its published original: after the originals.
                stack.awaitIdle(Duration.ofMinutes(5));
                translations.forEach(file -> s3.putObject(put -> put.bucket("s3cop-uploads").key("drafts/" + drafts.relativize(file)),
                        RequestBody.fromFile(file)));
            }
            String[] groups = {"innovation-diffusion", "industrial-transition", "interregional-cooperation"};
            String[] types = {"policy-brief", "concept-note", "input-note", "meeting-summary"};
            for (int i = 0; i < generated; i++) {
                int n = i;
                String author = n == 7 ? "David Uhlřř" : "Author " + n;
                String title = n == 11 ? "Transformacja przemysłowa na Śląsku" : "Generated brief number " + n;
                String draft = "---\ntitle: " + title + "\ntype: " + types[n % 4] + "\nworking_group: " + groups[n % 3]
                        + "\nauthors: [" + author + "]\ndate: " + (n % 2 == 0 ? "2023" : "2024") + "-" + String.format("%02d", 1 + n % 12)
                        + "-" + String.format("%02d", 1 + n) + "\nsummary: Summary of brief " + n + ".\n---\n\nText of brief " + n + ".\n";
                s3.putObject(put -> put.bucket("s3cop-uploads").key("drafts/" + groups[n % 3] + "/generated-" + n + ".md"), RequestBody.fromString(draft));
            }
            s3.putObject(put -> put.bucket("s3cop-uploads").key("drafts/innovation-diffusion/hostile-title.md"), RequestBody.fromString(
                    "---\ntitle: \"<script>alert('x')</script> & <b>bold</b>\"\ntype: policy-brief\nworking_group: innovation-diffusion\n"
                            + "authors: [\"<img src=x onerror=alert(1)>\"]\ndate: 2022-01-01\n---\n\nText.\n"));
            // A webinar a month ahead, so that the catalogue lists it as upcoming.
            String starts = java.time.LocalDate.now().plusMonths(1).atTime(10, 0).toString();
            s3.putObject(put -> put.bucket("s3cop-uploads").key("webinars/regions-learning-together.yaml"), RequestBody.fromString(
                    "title: Regions learning together\nworking_group: interregional-cooperation\nstarts: " + starts + "\n"
                            + "timezone: Europe/Brussels\nduration: PT1H\nspeakers:\n  - {name: Élise Lefèvre, role: Rapporteur}\n"
                            + "join_url: https://example.org/join/private-room\n"));
            // A second version of one brief, for the history.
            s3.putObject(put -> put.bucket("s3cop-uploads").key("drafts/innovation-diffusion/generated-0.md"), RequestBody.fromString(
                    "---\ntitle: Generated brief number 0\ntype: policy-brief\nworking_group: innovation-diffusion\nauthors: [Author 0]\n"
                            + "date: 2023-01-01\n---\n\nRevised text of brief 0.\n"));
        }
        stack.awaitIdle(Duration.ofMinutes(5));
    }
}
