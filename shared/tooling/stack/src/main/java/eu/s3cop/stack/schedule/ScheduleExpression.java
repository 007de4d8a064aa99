package eu.s3cop.stack.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import eu.s3cop.stack.StackException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a schedule fires next. {@code rate(5 minutes)} fires every five minutes from the stack's
 * start; {@code cron(0/15 * * * ? *)} fires as EventBridge would, in UTC. EventBridge's cron is
 * Quartz's without the seconds field, so it is parsed as Quartz with seconds at zero.
 */
public sealed interface ScheduleExpression {

    Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");
    Pattern CRON = Pattern.compile("cron\\((.+)\\)");

    /** The first firing strictly after {@code after}. */
    Instant next(Instant after);

    static ScheduleExpression parse(String expression) {
        String trimmed = expression.trim();
        Matcher rate = RATE.matcher(trimmed.toLowerCase(Locale.ROOT));
        if (rate.matches()) {
            long amount = Long.parseLong(rate.group(1));
            String unit = rate.group(2);
            Duration period = unit.startsWith("minute") ? Duration.ofMinutes(amount)
                    : unit.startsWith("hour") ? Duration.ofHours(amount) : Duration.ofDays(amount);
            if (period.isZero()) {
                throw new StackException("Schedule " + expression + ": a rate must be at least 1");
            }
            return new Rate(period);
        }
        Matcher cron = CRON.matcher(trimmed);
        if (cron.matches()) {
            String[] fields = cron.group(1).trim().split("\\s+");
            if (fields.length != 6) {
                throw new StackException("Schedule " + expression + ": cron takes six fields (minutes hours day-of-month month day-of-week year)");
            }
            try {
                CronParser parser = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
                return new Cron(ExecutionTime.forCron(parser.parse("0 " + cron.group(1).trim())));
            } catch (IllegalArgumentException e) {
                throw new StackException("Schedule " + expression + ": " + e.getMessage(), e);
            }
        }
        throw new StackException("Schedule " + expression + " is neither rate(N minutes|hours|days) nor cron(...)");
    }

    record Rate(Duration period) implements ScheduleExpression {
        @Override
        public Instant next(Instant after) {
            return after.plus(period);
        }
    }

    record Cron(ExecutionTime executions) implements ScheduleExpression {
        @Override
        public Instant next(Instant after) {
            return executions.nextExecution(ZonedDateTime.ofInstant(after, ZoneOffset.UTC))
                    .map(ZonedDateTime::toInstant)
                    .orElse(Instant.MAX);
        }
    }
}
