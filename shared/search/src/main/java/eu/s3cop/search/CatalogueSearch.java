package eu.s3cop.search;

import eu.s3cop.core.PresignedLinks;
import eu.s3cop.publications.Publication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The catalogue's search, for the reader API: the index is fetched once per container into a
 * folder of its own and opened from there (memory-mapped, so the operating system keeps what is
 * read often); at most every {@link #CHECK_EVERY} a search asks S3 whether a newer commit exists
 * (a GET that S3 answers 304 when nothing changed) and, when one does, fetches only the files it
 * lacks and reopens.
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

    /** Reads the index through presigned links and keeps its copy in a new folder of the container's temporary space. */
    public CatalogueSearch(PresignedLinks links, String bucket, Clock clock) {
        this(IndexReads.of(links, bucket), IndexFiles.newFolder(), clock);
    }

    /**
     * @param directory where this container keeps its copy: a folder of its own, created when missing
     */
    public CatalogueSearch(IndexReads reads, Path directory, Clock clock) {
        this.files = new IndexFiles(reads, null);
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Indexes and searches one built-in brief in memory, storing nothing: run before a SnapStart
     * snapshot, it leaves Lucene's analysers, codecs, facets and highlighter loaded.
     *
     * @return the matches found, one
     */
    public static long prime() {
        Publication brief = new Publication("innovation-diffusion/priming", "Priming the search", "policy-brief", "innovation-diffusion",
                List.of("S3 Community of Practice"), "2024-05-23", "en", "Smart specialisation strategies in regions.", List.of("regions"),
                1, 1, 1, "briefs/innovation-diffusion/priming/v1.pdf", "", "2024-05-23T00:00:00Z");
        try (Directory memory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(memory, SearchIndexWriter.config())) {
                writer.addDocument(SearchDocuments.of(new IndexedBrief(brief, "Regions share what they learn about smart specialisation.")));
            }
            try (DirectoryReader reader = DirectoryReader.open(memory)) {
                return new OpenIndex(reader).search(new SearchQuery("\"smart specialisation\" region", null, null, null, null, false, 0, 10)).total();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The search could not be primed", e);
        }
    }

    /**
     * The page of results; empty while no index has been written yet. Lambda gives a container
     * one request at a time; the local stack may give it several, which take their turn here,
     * so that no search reads a copy another is replacing.
     */
    public synchronized Optional<SearchResults> search(SearchQuery query) {
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
        Optional<IndexFiles.Commit> newer = files.newerThan(version);
        checked = now;
        if (newer.isEmpty()) {
            return;
        }
        IndexFiles.Commit commit = newer.get();
        try {
            files.fetch(commit, directory);
        } catch (IndexFiles.GoneException gone) {
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
