package eu.s3cop.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import eu.s3cop.core.S3Reads;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The index's only writer, in the function that writes the site (which runs one invocation at a
 * time): each batch of listed briefs replaces their documents and commits, and only the files the
 * commit wrote go to S3, so a change costs what it changed, plus Lucene's occasional merge of small
 * segments. A warm container keeps its copy on disk between batches; a new one fetches the commit.
 */
public final class SearchIndexWriter {

    /**
     * Where putting every listed brief in the index stands, which a deployment whose catalogue
     * predates its index does over several runs: complete, or the listing's page to go on from
     * (null for its first).
     */
    public record Backfill(boolean complete, String next) {

        public static final Backfill START = new Backfill(false, null);
        public static final Backfill COMPLETE = new Backfill(true, null);
    }

    /** What one batch wrote. */
    public record Written(int briefs, long bytesStored, long bytesFetched, long indexBytes) {
    }

    private final IndexFiles files;
    private final Path directory;
    /** The commit the local copy holds, or null when it holds none yet. */
    private String local;

    /** Keeps its copy in a new folder of the container's temporary space. */
    public SearchIndexWriter(S3Client s3, String bucket) {
        this(s3, bucket, IndexFiles.newFolder());
    }

    /**
     * @param directory where this container keeps its copy: a folder of its own, created when missing
     */
    public SearchIndexWriter(S3Client s3, String bucket, Path directory) {
        this.files = new IndexFiles(reads(s3, bucket), new IndexFiles.Writes() {
            @Override
            public void put(String key, Path file) {
                s3.putObject(put -> put.bucket(bucket).key(key).contentType("application/octet-stream"), RequestBody.fromFile(file));
            }

            @Override
            public void put(String key, byte[] json) {
                s3.putObject(put -> put.bucket(bucket).key(key).contentType("application/json").cacheControl("no-store"), RequestBody.fromBytes(json));
            }

            @Override
            public void delete(String key) {
                s3.deleteObject(delete -> delete.bucket(bucket).key(key));
            }
        });
        this.directory = directory;
    }

    /** The index read with the S3 client, as its writer reads it. */
    public static IndexReads reads(S3Client s3, String bucket) {
        return (key, known) -> {
            try {
                return S3Reads.ifPresent(() -> {
                    var object = s3.getObject(get -> get.bucket(bucket).key(key).ifNoneMatch(known));
                    return new IndexReads.Read(object, object.response().eTag());
                });
            } catch (S3Exception e) {
                if (e.statusCode() == 304) {
                    return Optional.of(new IndexReads.Read(null, known));
                }
                throw e;
            }
        };
    }

    /** How far the index holds every listed brief, read from the current commit's pointer alone. */
    public Backfill backfill() {
        return files.current().map(IndexFiles.Commit::backfill).orElse(Backfill.START);
    }

    /**
     * Puts each brief's current version in the index, in place of what it held of the brief, and
     * records how far the backfill has come with them.
     */
    public Written write(Collection<IndexedBrief> briefs, Backfill backfill) {
        try {
            Optional<IndexFiles.Commit> current = files.current();
            long fetched = 0;
            if (current.isEmpty() || !current.get().segments().equals(local)) {
                // Another container wrote since, or this one is new: start from what S3 holds.
                clear();
                if (current.isPresent()) {
                    fetched = files.fetch(current.get(), directory);
                }
            }
            try (FSDirectory index = FSDirectory.open(directory); IndexWriter writer = new IndexWriter(index, config())) {
                for (IndexedBrief brief : briefs) {
                    writer.updateDocument(SearchDocuments.id(brief.publication().id()), SearchDocuments.of(brief));
                }
                writer.commit();
                SegmentInfos commit = SegmentInfos.readLatestCommit(index);
                Map<String, Long> sizes = new TreeMap<>();
                for (String name : commit.files(true)) {
                    sizes.put(name, index.fileLength(name));
                }
                long stored = files.store(directory, commit.getSegmentsFileName(), sizes, backfill, current);
                local = commit.getSegmentsFileName();
                return new Written(briefs.size(), stored, fetched, sizes.values().stream().mapToLong(Long::longValue).sum());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The search index could not be written in " + directory, e);
        }
    }

    static IndexWriterConfig config() {
        IndexWriterConfig config = new IndexWriterConfig(LanguageAnalyzers.byField());
        // Lucene's default codec, whose stored fields decompress fast (LZ4): a page of results reads
        // twenty briefs' texts for their snippets. DEFLATE (BEST_COMPRESSION) saved a tenth of
        // the index but took 6 ms a page of the 20 ms a search may take (docs/performance.md).
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        return config;
    }

    private void clear() throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> found = Files.walk(directory)) {
                for (Path path : found.sorted(Comparator.reverseOrder()).toList()) {
                    if (!path.equals(directory)) {
                        Files.delete(path);
                    }
                }
            }
        }
        Files.createDirectories(directory);
        local = null;
    }
}
