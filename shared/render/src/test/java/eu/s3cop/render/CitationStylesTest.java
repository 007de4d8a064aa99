package eu.s3cop.render;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.draft.CitationStyles;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The styles a draft may name are the styles the renderer ships (the build unpacks them), and no others. */
class CitationStylesTest {

    @Test
    void theRendererShipsExactlyTheStylesADraftMayName() throws IOException, URISyntaxException {
        Path root = Path.of(References.class.getResource("/" + CitationStyles.DEFAULT + ".csl").toURI()).getParent();
        try (Stream<Path> files = Files.list(root)) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".csl")))
                    .containsExactlyInAnyOrderElementsOf(CitationStyles.SHIPPED.stream().map(style -> style + ".csl").toList());
        }
    }
}
