package eu.s3cop.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The words pages and emails use for the rules' durations. */
class DurationsTest {

    @Test
    void durationsAreSaidAsPeopleSayThem() {
        assertThat(Durations.inWords(Duration.ofDays(1))).isEqualTo("24 hours");
        assertThat(Durations.inWords(Duration.ofHours(1))).isEqualTo("an hour");
        assertThat(Durations.inWords(Duration.ofMinutes(90))).isEqualTo("90 minutes");
        assertThat(Durations.inWords(Duration.ofMinutes(1))).isEqualTo("a minute");
        assertThat(Durations.once(Duration.ofHours(1))).isEqualTo("once an hour");
        assertThat(Durations.once(Duration.ofHours(2))).isEqualTo("once every 2 hours");
    }
}
