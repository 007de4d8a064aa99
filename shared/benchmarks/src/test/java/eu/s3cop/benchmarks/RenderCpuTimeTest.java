package eu.s3cop.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** compare.sh reads this line; its figures must be the renders' CPU time, in milliseconds. */
class RenderCpuTimeTest {

    @Test
    void printsTheMedianAndTenthPercentileOfTheRendersCpuTime() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            RenderCpuTime.main(new String[] {"BRIEF", "3", "1"});
        } finally {
            System.setOut(out);
        }
        String line = captured.toString(StandardCharsets.UTF_8).strip();
        Matcher figures = Pattern.compile("BRIEF median=(\\d+\\.\\d) p10=(\\d+\\.\\d)").matcher(line);
        assertThat(figures.matches()).as(line).isTrue();
        double median = Double.parseDouble(figures.group(1));
        double p10 = Double.parseDouble(figures.group(2));
        // A six-page brief takes milliseconds of CPU, not microseconds or minutes.
        assertThat(p10).isPositive().isLessThanOrEqualTo(median);
        assertThat(median).isBetween(1.0, 10_000.0);
    }
}
