package eu.s3cop.search;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The index as S3 holds it: each commit's files under {@code search/v<schema>/files/}, named as
 * Lucene names them (it never writes a file twice under one name), and {@code index.json}, which
 * names the current commit's files and is written last, so a reader never sees a commit whose
 * files are not all there. A commit adds the files its change wrote; the files only the previous
 * commit used stay one commit longer, for a reader still fetching it, and then go.
 */
record IndexFiles(IndexReads reads, IndexFiles.Writes writes) {

    static final String PREFIX = "search/v" + SearchDocuments.SCHEMA + "/";
    private static final String POINTER = PREFIX + "index.json";
    private static final String FILES = PREFIX + "files/";

    /**
     * One commit: its segments file and every file it uses with its size, and the files of the
     * commit before it that are kept a while for readers.
     *
     * @param version the pointer's ETag as read, to tell a newer commit without reading it again
     */
    record Commit(String segments, Map<String, Long> files, List<String> kept, SearchIndexWriter.Backfill backfill, String version) {

        Commit {
            files = Map.copyOf(files);
            kept = List.copyOf(kept);
        }
    }

    /** How the writer stores and removes the index's objects. */
    interface Writes {

        void put(String key, Path file);

        void put(String key, byte[] json);

        void delete(String key);
    }

    /** A file of the commit being fetched was removed: two commits came since its pointer was read. */
    static final class GoneException extends RuntimeException {

        GoneException(String message) {
            super(message);
        }
    }

    /** A folder of the container's own for its copy (Lambda's /tmp; one per stack where several run in one JVM). */
    static Path newFolder() {
        try {
            return Files.createTempDirectory("search-index-");
        } catch (IOException e) {
            throw new UncheckedIOException("No folder for the search index in " + System.getProperty("java.io.tmpdir"), e);
        }
    }

    /** The current commit; empty before the first one. */
    Optional<Commit> current() {
        return newerThan(null);
    }

    /** The current commit when it is not the one the caller holds ({@code version}, its pointer's ETag, or null); else empty. */
    Optional<Commit> newerThan(String version) {
        Optional<IndexReads.Read> read = reads.read(POINTER, version);
        if (read.isEmpty() || read.get().unchanged()) {
            return Optional.empty();
        }
        try (InputStream pointer = read.get().body()) {
            Map<String, Object> fields = JSON.std.mapFrom(pointer);
            Map<String, Long> files = new TreeMap<>();
            ((Map<?, ?>) fields.get("files")).forEach((name, size) -> files.put((String) name, ((Number) size).longValue()));
            List<String> kept = ((List<?>) fields.get("kept")).stream().map(String.class::cast).toList();
            SearchIndexWriter.Backfill backfill = Boolean.TRUE.equals(fields.get("complete")) ? SearchIndexWriter.Backfill.COMPLETE
                    : new SearchIndexWriter.Backfill(false, (String) fields.get("next"));
            return Optional.of(new Commit((String) fields.get("segments"), files, kept, backfill, read.get().etag()));
        } catch (IOException e) {
            throw new UncheckedIOException("The search index's pointer " + POINTER + " does not read", e);
        }
    }

    /**
     * Fetches the commit's files that the directory lacks, its segments file last: a directory
     * opened meanwhile still finds the commit before it complete.
     *
     * @return the bytes fetched
     */
    long fetch(Commit commit, Path directory) {
        long fetched = 0;
        try {
            // Made at initialisation, the folder may not outlive a SnapStart restore.
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("No folder " + directory + " for the search index", e);
        }
        List<String> names = new ArrayList<>(new TreeSet<>(commit.files().keySet()));
        names.remove(commit.segments());
        names.add(commit.segments());
        for (String name : names) {
            Path local = directory.resolve(name);
            long size = commit.files().get(name);
            try {
                if (Files.exists(local) && Files.size(local) == size) {
                    continue;
                }
                Path partial = directory.resolve(name + ".partial");
                IndexReads.Read read = reads.read(FILES + name, null)
                        .orElseThrow(() -> new GoneException("The search index's file " + name + " is gone: a newer commit replaced it"));
                try (InputStream in = read.body()) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(partial, local, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                fetched += size;
            } catch (IOException e) {
                throw new UncheckedIOException("The search index's file " + name + " could not be kept in " + directory, e);
            }
        }
        return fetched;
    }

    /**
     * Stores a new commit: the files the previous commit did not have, then the pointer; then
     * removes what neither commit uses.
     *
     * @return the bytes stored
     */
    long store(Path directory, String segments, Map<String, Long> files, SearchIndexWriter.Backfill backfill, Optional<Commit> previous) {
        Map<String, Long> before = previous.map(Commit::files).orElse(Map.of());
        long stored = 0;
        List<String> names = new ArrayList<>(new TreeSet<>(files.keySet()));
        names.remove(segments);
        names.add(segments);
        for (String name : names) {
            if (before.containsKey(name) && before.get(name).equals(files.get(name))) {
                continue;
            }
            writes.put(FILES + name, directory.resolve(name));
            stored += files.get(name);
        }
        List<String> kept = before.keySet().stream().filter(name -> !files.containsKey(name)).sorted().toList();
        Map<String, Object> pointer = new LinkedHashMap<>();
        pointer.put("segments", segments);
        pointer.put("files", new TreeMap<>(files));
        pointer.put("kept", kept);
        pointer.put("complete", backfill.complete());
        if (backfill.next() != null) {
            pointer.put("next", backfill.next());
        }
        try {
            byte[] json = JSON.std.asBytes(pointer);
            writes.put(POINTER, json);
        } catch (IOException e) {
            throw new UncheckedIOException("The search index's pointer could not be written", e);
        }
        for (String name : previous.map(Commit::kept).orElse(List.of())) {
            if (!files.containsKey(name) && !before.containsKey(name)) {
                writes.delete(FILES + name);
            }
        }
        return stored;
    }
}
