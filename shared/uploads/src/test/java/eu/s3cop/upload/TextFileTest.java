package eu.s3cop.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextFileTest {

    private final List<Problem> problems = new ArrayList<>();

    @Test
    void utf8TextLosesOnlyItsByteOrderMark() {
        assertThat(TextFile.decode("\uFEFFRégion Île-de-France\n".getBytes(StandardCharsets.UTF_8), "YAML", problems)).contains("Région Île-de-France\n");
        assertThat(problems).isEmpty();
    }

    @Test
    void binaryAndOtherEncodingsAreRefusedWithTheByteAndLine() {
        assertThat(TextFile.decode("a\nb\0".getBytes(StandardCharsets.UTF_8), "Markdown", problems)).isEmpty();
        assertThat(TextFile.decode("a\nb\nRégion".getBytes(StandardCharsets.ISO_8859_1), "Markdown", problems)).isEmpty();
        assertThat(problems).extracting(Problem::line).containsExactly(2, 3);
        assertThat(problems.get(0).message()).contains("binary", "byte 3", "plain-text Markdown");
        assertThat(problems.get(1).message()).contains("not UTF-8", "byte 5");
    }
}
