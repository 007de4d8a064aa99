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
import org.junit.jupiter.api.Test;

/**
 * Every address of the site and of the API routes its pages link to is built by
 * {@code SiteAddresses}: a page, a feed, an email and an API answer never spell one out, so a
 * moved page cannot leave a link behind.
 */
class SiteAddressesOwnershipTest {

    private static final Path OWNER = Path.of("shared/core/src/main/java/eu/s3cop/core/SiteAddresses.java");
    /** The publications bucket's keys, a version's article ({@code vN.html}) among them: never an address of the site. */
    private static final Path BUCKET_KEYS = Path.of("shared/publications/src/main/java/eu/s3cop/publications/BriefFiles.java");
    private static final List<String> ADDRESSES = List.of("\"/publications/", "\"publications/", "\"/webinars/", "\"webinars/\" +",
            "\"/calendar.ics", "\"/feed.xml", "\"feed.xml\"", "\"index.html\"", ".html\"", "/registrations/\" +", "+ \"/registrations");

    @Test
    void noMainSourceButSiteAddressesSpellsOutAnAddressOfTheSite() throws IOException {
        Path root = ProjectFiles.root();
        List<String> found = new ArrayList<>();
        for (String top : List.of("functions", "shared")) {
            try (Stream<Path> files = Files.walk(root.resolve(top))) {
                files.filter(file -> file.toString().endsWith(".java") && file.toString().contains("/src/main/"))
                        .filter(file -> !root.relativize(file).startsWith("shared/tooling") && !root.relativize(file).equals(OWNER)
                                && !root.relativize(file).equals(BUCKET_KEYS))
                        .forEach(file -> {
                            List<String> lines = lines(file);
                            for (int i = 0; i < lines.size(); i++) {
                                for (String address : ADDRESSES) {
                                    if (lines.get(i).contains(address)) {
                                        found.add(root.relativize(file) + ":" + (i + 1) + ": " + address);
                                    }
                                }
                            }
                        });
            }
        }
        assertThat(found).as("addresses of the site outside %s: ask SiteAddresses instead", OWNER).isEmpty();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
