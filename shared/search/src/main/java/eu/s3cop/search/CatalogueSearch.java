package eu.s3cop.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The catalogue's search, for the reader API: the index is fetched once per container into a
 * folder of its own and opened from there (memory-mapped, so the operating system keeps what is
 * read often); at most every {@link #CHECK_EVERY} a search asks S3 whether a newer commit exists
 * (a HEAD request) and, when one does, fetches only the files it lacks and reopens. A Lambda
 * container serves one request at a time; the class expects the same of its callers.
 */
public final class CatalogueSearch {

    /** How stale a container's copy may be: with the fetch, a new brief is searchable within a minute. */
    public static final Duration CHECK_EVERY = Duration.ofSeconds(30);

    private final IndexFiles files;
    private final Path directory;
    private final Clock clock;
    private Directory opened;
    private OpenIndex index;
    private String version;
    private Instant checked = Instant.MIN;

    /** Keeps its copy in a new folder of the container's temporary space. */
    public CatalogueSearch(S3Client s3, String bucket, Clock clock) {
        this(s3, bucket, IndexFiles.newFolder(), clock);
    }

    /**
     * @param directory where this container keeps its copy: a folder of its own, created when missing
     */
    public CatalogueSearch(S3Client s3, String bucket, Path directory, Clock clock) {
        this.files = new IndexFiles(s3, bucket);
        this.directory = directory;
        this.clock = clock;
    }

    /** The page of results; empty while no index has been written yet. */
    public Optional<SearchResults> search(SearchQuery query) {
        try {
            refresh();
            return index == null ? Optional.empty() : Optional.of(index.search(query));
        } catch (IOException e) {
            throw new UncheckedIOException("The search index in " + directory + " could not be read", e);
        }
    }

    private void refresh() throws IOException {
        Instant now = clock.instant();
        if (index != null && now.isBefore(checked.plus(CHECK_EVERY))) {
            return;
        }
        Optional<String> current = files.currentVersion();
        checked = now;
        if (current.isEmpty() || current.get().equals(version)) {
            return;
        }
        IndexFiles.Commit commit;
        try {
            commit = files.current().orElseThrow();
            files.fetch(commit, directory);
        } catch (NoSuchKeyException gone) {
            // The writer committed twice while this copy was being fetched: what it fetched from is gone; fetch the newest.
            commit = files.current().orElseThrow();
            files.fetch(commit, directory);
        }
        open(commit);
    }

    private void open(IndexFiles.Commit commit) throws IOException {
        if (opened == null) {
            Files.createDirectories(directory);
            opened = FSDirectory.open(directory);
        }
        // The commit just fetched is the newest in the folder: its segments file came last.
        DirectoryReader reader = DirectoryReader.open(opened);
        OpenIndex previous = index;
        index = new OpenIndex(reader);
        version = commit.version();
        if (previous != null) {
            previous.reader().close();
        }
        removeAllBut(commit);
    }

    /** Removes the files of earlier commits from the disk, so the copy takes the size of one commit. */
    private void removeAllBut(IndexFiles.Commit commit) throws IOException {
        Set<String> used = new HashSet<>(commit.files().keySet());
        try (Stream<Path> found = Files.list(directory)) {
            for (Path file : found.toList()) {
                if (!used.contains(file.getFileName().toString()) && !file.getFileName().toString().equals("write.lock")) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
