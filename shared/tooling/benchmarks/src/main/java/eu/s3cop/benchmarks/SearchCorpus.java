package eu.s3cop.benchmarks;

import eu.s3cop.publications.Publication;
import eu.s3cop.search.IndexedBrief;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * A catalogue of generated briefs of realistic length for the search benchmark, the same on every
 * run: each brief's text is sentences drawn from the benchmark's two reference documents (the
 * domain's own words), about 3,000 words long on the median (a six-page brief; a few run to
 * 15,000), with one word in ten drawn from a long tail of 60,000 made-up terms by Zipf's law, as
 * names, places and acronyms make a real catalogue's vocabulary grow. One brief in ten is in
 * German or French. Each brief {@code i} also carries the term {@code marker<i>}, a word only it holds.
 */
final class SearchCorpus {

    static final String[] GROUPS = {"innovation-diffusion", "industrial-transition", "interregional-cooperation"};
    private static final String[] TYPES = {"policy-brief", "concept-note", "input-note", "meeting-summary"};
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final int TAIL = 60_000;

    private final List<String> sentences;
    private final String[] tail;
    private final double[] cumulative;

    SearchCorpus() {
        this.sentences = sentences("policy-brief.md", "long-report.md");
        Random random = new Random(7);
        this.tail = new String[TAIL];
        String letters = "abcdefghijklmnoprstuvz";
        for (int i = 0; i < TAIL; i++) {
            StringBuilder word = new StringBuilder();
            int length = 5 + random.nextInt(6);
            for (int j = 0; j < length; j++) {
                word.append(letters.charAt(random.nextInt(letters.length())));
            }
            tail[i] = word.toString();
        }
        this.cumulative = new double[TAIL];
        double sum = 0;
        for (int i = 0; i < TAIL; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < TAIL; i++) {
            cumulative[i] /= sum;
        }
    }

    /** The {@code count} briefs, newest last. */
    List<IndexedBrief> briefs(int count) {
        Random random = new Random(42);
        List<IndexedBrief> briefs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String group = GROUPS[i % GROUPS.length];
            String language = i % 10 == 3 ? "de" : i % 10 == 7 ? "fr" : "en";
            String date = (2016 + i % 10) + "-" + String.format("%02d", 1 + i % 12) + "-" + String.format("%02d", 1 + i % 28);
            String id = group + "/generated-brief-" + i;
            String text = text(random, i);
            briefs.add(new IndexedBrief(new Publication(id, "Generated brief " + i + " on " + firstWords(text), TYPES[i % TYPES.length], group,
                    List.of("S3 Community of Practice"), date, language, firstWords(text.substring(text.length() / 2)),
                    List.of("smart specialisation", "regions"), 1, 6, 250_000, "briefs/" + id + "/v1.pdf", "", date + "T10:00:00Z"), text));
        }
        return briefs;
    }

    /** A term of the long tail that a few briefs hold: the tail's 2,000th most frequent. */
    String rareTerm() {
        return tail[2_000];
    }

    private String text(Random random, int index) {
        // Log-normal lengths: a median of about 3,000 words, a few reports of 15,000.
        int words = (int) Math.min(15_000, Math.max(600, Math.exp(8.0 + 0.6 * random.nextGaussian())));
        StringBuilder text = new StringBuilder("marker" + index + ". ");
        int written = 0;
        while (written < words) {
            String sentence = sentences.get(random.nextInt(sentences.size()));
            for (String word : sentence.split(" ")) {
                text.append(word).append(' ');
                if (random.nextInt(10) == 0) {
                    text.append(tailTerm(random)).append(' ');
                }
                written++;
            }
            text.append('\n');
        }
        return text.toString();
    }

    private String tailTerm(Random random) {
        double draw = random.nextDouble();
        int low = 0;
        int high = TAIL - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] < draw) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return tail[low];
    }

    private static String firstWords(String text) {
        String[] words = text.strip().split("\\s+", 12);
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(10, words.length)));
    }

    private static List<String> sentences(String... documents) {
        List<String> sentences = new ArrayList<>();
        for (String document : documents) {
            try (InputStream in = SearchCorpus.class.getResourceAsStream(document)) {
                String markdown = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String body = markdown.substring(markdown.indexOf("\n---", 3) + 4);
                for (String line : body.split("\n")) {
                    String plain = line.replaceAll("[#*_|`>\\[\\]()!-]", " ").replaceAll("\\s+", " ").strip();
                    for (String sentence : SENTENCE_END.split(plain)) {
                        if (sentence.split(" ").length >= 5) {
                            sentences.add(sentence);
                        }
                    }
                }
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("The reference document " + document + " is missing from the benchmarks' jar", e);
            }
        }
        return sentences;
    }
}
