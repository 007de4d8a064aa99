package eu.s3cop.lists;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A list as a spreadsheet would read it, through another CSV library than the one that wrote it:
 * the byte-order mark checked and taken off, then every row, the header first.
 */
final class CsvRows {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private CsvRows() {
    }

    static List<List<String>> of(byte[] file) throws IOException {
        assertThat(Arrays.copyOf(file, 3)).as("UTF-8's byte-order mark").containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        assertThat(text).as("RFC 4180 ends every line with CRLF").endsWith("\r\n").doesNotContainPattern("[^\r]\n");
        try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).readValues(text)) {
            return rows.readAll().stream().map(List::of).toList();
        }
    }
}
