package eu.s3cop.benchmarks;

import static eu.s3cop.benchmarks.ApiAnswers.answer;
import static eu.s3cop.benchmarks.ApiAnswers.expect;

import eu.s3cop.search.IndexedBrief;
import eu.s3cop.search.SearchIndexWriter;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.stack.StackSettings;
import eu.s3cop.testing.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Search at catalogue scale: 10,000 generated briefs of realistic length ({@link SearchCorpus}),
 * indexed by the site's writer into S3 (s3proxy) a hundred at a time, as a catalogue older than
 * its index is put in, then searched warm through the reader API as Lambda runs it (the event
 * read by the Lambda serializer, the handler, the answer written back), its copy of the index
 * fetched through presigned links. The set-up prints what the index weighs, how long it took to
 * build and how long the first search of a new container takes (fetching and opening the index).
 * Run from the project's folder; {@code -Dbriefs=N} changes the catalogue's size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dsqlite4java.library.path=shared/tooling/benchmarks/target/native-libs"})
public class SearchBenchmark {

    private static final int BRIEFS = Integer.getInteger("briefs", 10_000);
    private static final int BATCH = 100;

    private LocalCloud stack;
    private String common;
    private String phrase;
    private String rare;
    private String narrowed;
    private String page;

    @Setup(Level.Trial)
    public void indexCatalogue() {
        stack = LocalCloud.start(ProjectFiles.template(), StackSettings.ephemeral().withPorts(0, 0, -1).withRunSchedules(false));
        SearchCorpus corpus = new SearchCorpus();
        String bucket = stack.environment("reader-api").get("PUBLICATIONS_BUCKET");
        Path built = Path.of("shared/tooling/benchmarks/target/search-index-" + BRIEFS);
        if (Files.isDirectory(built)) {
            // Each benchmark runs in a fork of its own: the index the first fork built is stored again as it was.
            restore(built, bucket);
        } else {
            build(corpus.briefs(BRIEFS), bucket);
            keep(bucket, built);
        }

        common = event("regions", "");
        phrase = event("\"smart specialisation\"", "");
        rare = event(corpus.rareTerm(), "");
        narrowed = event("innovation diffusion", "&working_group=industrial-transition&sort=date");
        page = event("regions", "").replace("\"accept\": \"application/json\"", "\"accept\": \"text/html\"");
        long first = System.nanoTime();
        String answer = answer(stack.invoke("reader-api", common));
        System.out.printf(Locale.ROOT, "the first search of a new container (index fetched and opened): %.0f ms%n", (System.nanoTime() - first) / 1e6);
        expect(answer, "\"statusCode\":200", "total", "match");
        expect(answer(stack.invoke("reader-api", rare)), "\"statusCode\":200", "match");
        expect(answer(stack.invoke("reader-api", event("marker" + BRIEFS / 2, ""))), "generated-brief-" + BRIEFS / 2, "total\\\":1");
        String html = answer(stack.invoke("reader-api", page));
        System.out.printf(Locale.ROOT, "the search page for \"regions\": %.1f KB%n", html.length() / 1024.0);
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "heap in use after a collection, with the stack's own servers: %.0f MB%n",
                (runtime.totalMemory() - runtime.freeMemory()) / 1e6);
    }

    private void build(List<IndexedBrief> briefs, String bucket) {
        long words = briefs.stream().mapToLong(brief -> brief.text().split("\\s+").length).sum();
        SearchIndexWriter writer = new SearchIndexWriter(stack.s3Client(), bucket);
        long started = System.nanoTime();
        SearchIndexWriter.Written written = null;
        for (int from = 0; from < briefs.size(); from += BATCH) {
            boolean last = from + BATCH >= briefs.size();
            written = writer.write(briefs.subList(from, Math.min(briefs.size(), from + BATCH)),
                    last ? SearchIndexWriter.Backfill.COMPLETE : new SearchIndexWriter.Backfill(false, "benchmark"));
        }
        long buildMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(Locale.ROOT, "%n%d briefs, %d words (median brief %d words); index %.1f MB, built in %d batches of %d in %.1f s;"
                        + " the last batch stored %.1f MB%n", BRIEFS, words, medianWords(briefs), written.indexBytes() / 1e6,
                (BRIEFS + BATCH - 1) / BATCH, BATCH, buildMillis / 1000.0, written.bytesStored() / 1e6);
    }

    private void keep(String bucket, Path folder) {
        try {
            Files.createDirectories(folder);
            for (S3Object object : stack.s3Client().listObjectsV2Paginator(list -> list.bucket(bucket).prefix("search/")).contents()) {
                Path file = folder.resolve(object.key().replace('/', '!'));
                stack.s3Client().getObject(get -> get.bucket(bucket).key(object.key()), file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void restore(Path folder, String bucket) {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                stack.s3Client().putObject(put -> put.bucket(bucket).key(file.getFileName().toString().replace('!', '/')), RequestBody.fromFile(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        stack.close();
    }

    /** A word most briefs hold: every match is scored, counted in the facets, and the top 20 highlighted. */
    @Benchmark
    public String commonWord() {
        return answer(stack.invoke("reader-api", common));
    }

    @Benchmark
    public String phrase() {
        return answer(stack.invoke("reader-api", phrase));
    }

    /** A term of the vocabulary's long tail, which a few dozen briefs hold. */
    @Benchmark
    public String rareWord() {
        return answer(stack.invoke("reader-api", rare));
    }

    /** Two words within one working group, newest first. */
    @Benchmark
    public String narrowedByGroupNewestFirst() {
        return answer(stack.invoke("reader-api", narrowed));
    }

    /** The HTML page a browser gets for the common word. */
    @Benchmark
    public String searchPage() {
        return answer(stack.invoke("reader-api", page));
    }

    private static String event(String words, String more) {
        String query = "q=" + URLEncoder.encode(words, StandardCharsets.UTF_8) + more;
        StringBuilder parameters = new StringBuilder();
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.append(parameters.isEmpty() ? "" : ", ").append('"').append(parts[0]).append("\": \"")
                    .append(java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return """
                {"version": "2.0", "routeKey": "GET /publications", "rawPath": "/publications", "rawQueryString": "%s",
                 "headers": {"accept": "application/json", "host": "127.0.0.1:3000"},
                 "queryStringParameters": {%s},
                 "requestContext": {"accountId": "000000000000", "apiId": "local", "domainName": "127.0.0.1:3000",
                   "http": {"method": "GET", "path": "/publications", "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1", "userAgent": "benchmark"},
                   "requestId": "benchmark", "routeKey": "GET /publications", "stage": "$default", "timeEpoch": 1716372000000},
                 "isBase64Encoded": false}
                """.formatted(query, parameters);
    }

    private static long medianWords(List<IndexedBrief> briefs) {
        long[] counts = briefs.stream().mapToLong(brief -> brief.text().split("\\s+").length).sorted().toArray();
        return counts[counts.length / 2];
    }
}
