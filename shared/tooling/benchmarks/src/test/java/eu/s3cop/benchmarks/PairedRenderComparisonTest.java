package eu.s3cop.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** compare.sh reads this line: both builds' CPU medians and the ratios of their neighbouring renders. */
class PairedRenderComparisonTest {

    @Test
    void rendersBothBuildsInTurnAndPrintsTheirCpuTimesAndRatios() throws Exception {
        // The same build twice, each copy in a class loader of its own.
        String classPath = System.getProperty("java.class.path");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            PairedRenderComparison.main(new String[] {classPath, classPath, "BRIEF", "3", "1"});
        } finally {
            System.setOut(out);
        }
        String line = captured.toString(StandardCharsets.UTF_8).strip();
        Matcher figures = Pattern.compile("BRIEF base=(\\d+\\.\\d) this=(\\d+\\.\\d) cpu-ratio=(\\d+\\.\\d{3}) wall-ratio=(\\d+\\.\\d{3})")
                .matcher(line);
        assertThat(figures.matches()).as(line).isTrue();
        // A six-page brief takes milliseconds of CPU, not microseconds or minutes.
        assertThat(Double.parseDouble(figures.group(1))).as(line).isBetween(1.0, 10_000.0);
        assertThat(Double.parseDouble(figures.group(2))).as(line).isBetween(1.0, 10_000.0);
        assertThat(Double.parseDouble(figures.group(3))).as(line).isPositive();
        assertThat(Double.parseDouble(figures.group(4))).as(line).isPositive();
    }
}
