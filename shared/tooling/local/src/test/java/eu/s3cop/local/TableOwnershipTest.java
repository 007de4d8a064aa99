package eu.s3cop.local;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.testing.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each table's keys and attribute names are written in its store module alone: every other
 * piece of code, tests included, asks the store. A key typed elsewhere is a second owner of the
 * table's layout, and the two drift apart.
 */
class TableOwnershipTest {

    /** A table's owning folder, and what only that folder may spell out. */
    private record Table(String name, List<Path> owners, List<String> keys) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Path PUBLICATIONS = Path.of("shared/publications/src/main");
    private static final Path WEBINARS = Path.of("shared/webinar/src/main/java/eu/s3cop/webinar/store");
    private static final Path REGISTRIES = Path.of("shared/groups/src/main/java/eu/s3cop/groups/store");

    static Stream<Table> tables() {
        return Stream.of(
                new Table("publications", List.of(PUBLICATIONS),
                        List.of("\"PUB#", "\"V#", "\"HASH#", "\"PREVIEW#", "\"UPLOAD#", "\"WG#", "\"TYPE#", "gsi2pk", "gsi2sk",
                                "gsi3pk", "gsi3sk", "\"by-working-group\"", "\"by-type\"", "\"by-date\"", "\"latestVersion\"",
                                "\"latestClaimed\"", "\"pdfSha256\"", "\"draftSha256\"")),
                new Table("webinars", List.of(WEBINARS),
                        List.of("\"WEBINAR#", "\"REG#", "\"TOKEN#", "\"RATE#", "\"WEBINARS\"", "\"by-start\"", "\"sent_", "\"failed_")),
                // The working groups' registries share the webinars table, the secretariat's, under keys of their own.
                new Table("registries in the webinars", List.of(REGISTRIES), List.of("\"GROUP#", "\"REGISTRY\"")),
                // Both tables lay out their items alike: these names belong to the two stores.
                new Table("publications and webinars", List.of(PUBLICATIONS, WEBINARS),
                        List.of("\"META\"", "gsi1pk", "gsi1sk", "\"expiresAt\"")));
    }

    @ParameterizedTest(name = "the {0} table")
    @MethodSource("tables")
    void noJavaFileOutsideTheStoreModuleSpellsOutTheTablesKeys(Table table) throws IOException {
        Path root = ProjectFiles.root();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> table.owners().stream().noneMatch(root.relativize(file)::startsWith))
                    .filter(file -> !file.toString().contains("/target/") && !file.equals(self(root)))
                    .forEach(file -> {
                        List<String> lines = lines(file);
                        for (int i = 0; i < lines.size(); i++) {
                            for (String key : table.keys()) {
                                if (lines.get(i).contains(key)) {
                                    found.add(root.relativize(file) + ":" + (i + 1) + ": " + key);
                                }
                            }
                        }
                    });
        }
        assertThat(found).as("keys of the %s table outside %s: ask its store instead", table.name(), table.owners()).isEmpty();
    }

    private static Path self(Path root) {
        return root.resolve("shared/tooling/local/src/test/java/eu/s3cop/local/TableOwnershipTest.java");
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
