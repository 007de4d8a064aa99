package eu.s3cop.stack.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.s3cop.stack.StackException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleExpressionTest {

    @ParameterizedTest
    @CsvSource({
            "rate(5 minutes),        2024-05-23T10:00:00Z, 2024-05-23T10:05:00Z",
            "rate(1 hour),           2024-05-23T10:00:00Z, 2024-05-23T11:00:00Z",
            "rate(2 days),           2024-05-23T10:00:00Z, 2024-05-25T10:00:00Z",
            "cron(0/15 * * * ? *),   2024-05-23T10:07:00Z, 2024-05-23T10:15:00Z",
            "cron(0 10 * * ? *),     2024-05-23T10:00:00Z, 2024-05-24T10:00:00Z",
            "cron(0 18 ? * MON-FRI *), 2024-05-24T19:00:00Z, 2024-05-27T18:00:00Z",
            "cron(0 8 1 * ? *),      2024-05-23T10:00:00Z, 2024-06-01T08:00:00Z"
    })
    void nextFiringFollowsEventBridgeRules(String expression, Instant after, Instant next) {
        assertThat(ScheduleExpression.parse(expression).next(after)).isEqualTo(next);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rate(0 minutes)", "rate(5 weeks)", "cron(0 10 * * ?)", "every five minutes", "cron(99 10 * * ? *)"})
    void invalidExpressionsAreRejectedWithTheExpression(String expression) {
        assertThatThrownBy(() -> ScheduleExpression.parse(expression))
                .isInstanceOf(StackException.class)
                .hasMessageContaining(expression);
    }
}
