package eu.s3cop.render;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.draft.Draft;
import eu.s3cop.draft.DraftReader;
import eu.s3cop.draft.DraftRules;
import eu.s3cop.upload.Outcome;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Every example of the GitHub Flavored Markdown specification and of its extensions, as the body
 * of a draft: each is either rejected with a clean report or renders without an exception, and
 * every word of the text the parser read from it is in the PDF.
 */
class SpecExamplesTest {

    private static final String FENCE = "`".repeat(32);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final String FRONT = "---\ntitle: Spec example\ntype: policy-brief\nworking_group: innovation-diffusion\n"
            + "authors: [Test Author]\ndate: 2024-05-23\n---\n\n";

    record Example(String file, int number, String markdown, String html) {
    }

    @Test
    void everySpecExampleRendersOrIsCleanlyRejectedAndItsWordsSurvive() throws IOException {
        List<Example> examples = new ArrayList<>();
        for (String file : List.of("gfm-spec.txt", "gfm-extensions.txt")) {
            examples.addAll(examples(specs().resolve(file)));
        }
        assertThat(examples).hasSizeGreaterThan(650);
        PdfRenderer renderer = new PdfRenderer();
        DraftReader reader = new DraftReader(DraftRules.defaults());
        List<String> failures = new ArrayList<>();
        int rendered = 0;
        for (Example example : examples) {
            String where = example.file() + " example " + example.number();
            try {
                Outcome<Draft> outcome = reader.read("spec-example.md", (FRONT + example.markdown()).getBytes(StandardCharsets.UTF_8));
                if (outcome instanceof Outcome.Rejected) {
                    continue;
                }
                var draft = ((Outcome.Accepted<Draft>) outcome).value();
                var images = Images.resolve(draft, DraftFolder.NONE);
                // Local images are not there; the words around them still must print.
                byte[] pdf = renderer.render(draft, new RenderSettings(1, Instant.EPOCH), images.images()).bytes();
                rendered++;
                // Emphasis splits text into runs that extraction may space apart: compare without white space.
                String printed = text(pdf).replaceAll("\\s+", "");
                // The words of the text as our parser read it (on a few corner cases Flexmark reads otherwise than the spec).
                String parsed = Jsoup.parse(eu.s3cop.draft.Markdown.html(eu.s3cop.draft.Markdown.parse(draft.markdown()))).text();
                for (String word : words(parsed)) {
                    if (inEuScripts(word) && !printed.contains(word)) {
                        failures.add(where + ": the word '" + word + "' is missing");
                        break;
                    }
                }
            } catch (RuntimeException | StackOverflowError e) {
                failures.add(where + ": " + e);
            }
        }
        assertThat(failures).as("of " + examples.size() + " examples, " + rendered + " rendered").isEmpty();
        // A test of rendering renders: all but a few examples (one, a link reference alone, reads as an empty body).
        assertThat(rendered).as("examples rendered of " + examples.size()).isGreaterThanOrEqualTo(examples.size() - 3);
    }

    static List<Example> examples(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith(FENCE + " example")) {
                continue;
            }
            StringBuilder markdown = new StringBuilder();
            StringBuilder html = new StringBuilder();
            StringBuilder target = markdown;
            for (i++; i < lines.size() && !lines.get(i).equals(FENCE); i++) {
                if (lines.get(i).equals(".") && target == markdown) {
                    target = html;
                    continue;
                }
                target.append(lines.get(i).replace('→', '\t')).append('\n');
            }
            examples.add(new Example(file.getFileName().toString(), examples.size() + 1, markdown.toString(), html.toString()));
        }
        return examples;
    }

    /** Briefs are written in the EU's official languages: Latin, Greek and Cyrillic scripts. */
    private static boolean inEuScripts(String word) {
        return word.codePoints().allMatch(c -> switch (Character.UnicodeScript.of(c)) {
            case LATIN, GREEK, CYRILLIC, COMMON, INHERITED -> true;
            default -> false;
        });
    }

    private static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }

    /** The folder of the specification files, test resources of this module (gfm/). */
    static Path specs() {
        URL spec = SpecExamplesTest.class.getResource("/gfm/gfm-spec.txt");
        assertThat(spec).as("the GFM specification, a test resource (gfm/gfm-spec.txt)").isNotNull();
        try {
            return Path.of(spec.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(spec + " is not a file", e);
        }
    }
}
