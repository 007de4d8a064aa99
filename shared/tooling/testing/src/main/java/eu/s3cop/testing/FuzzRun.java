package eu.s3cop.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A fuzz run: inputs drawn for a fixed time from a fixed seed, each tried once and timed.
 * The seed is fixed by default, so a build fails for a change, never for a new draw;
 * {@code -Dfuzz.seed=N} explores other inputs and {@code -Dfuzz.seconds=S} runs longer.
 */
public final class FuzzRun {

    /** What one input came to: an outcome to count, such as "rejected"; a {@link Failure} when it is wrong. */
    @FunctionalInterface
    public interface Trial {
        String attempt(String input);
    }

    /** An input that was handled, but wrongly: the message says how. */
    public static final class Failure extends RuntimeException {
        public Failure(String message) {
            super(message);
        }
    }

    /** What the run tried and found; at most five failures, each with its input. */
    public record Result(long seed, int tried, Map<String, Integer> outcomes, long slowestMillis, List<String> failures) {
    }

    private FuzzRun() {
    }

    /**
     * @param name for the summary line
     * @param seconds how long to run unless {@code fuzz.seconds} says otherwise
     * @param budget the most one input may take
     * @param inputs draws one input from the run's random source
     */
    public static Result run(String name, long seconds, Duration budget, Function<Random, String> inputs, Trial trial) {
        long seed = Long.getLong("fuzz.seed", 20261122L);
        Duration runFor = Duration.ofSeconds(Long.getLong("fuzz.seconds", seconds));
        Random random = new Random(seed);
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int tried = 0;
        long slowest = 0;
        Instant end = Instant.now().plus(runFor);
        while (Instant.now().isBefore(end) && failures.size() < 5) {
            String input = inputs.apply(random);
            tried++;
            long started = System.nanoTime();
            try {
                outcomes.merge(trial.attempt(input), 1, Integer::sum);
            } catch (Failure wrong) {
                failures.add(wrong.getMessage() + " for input:\n" + input);
            } catch (RuntimeException | StackOverflowError e) {
                failures.add("threw " + e + " at " + Arrays.stream(e.getStackTrace()).limit(6).toList() + " for input:\n" + input);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            slowest = Math.max(slowest, millis);
            if (millis > budget.toMillis()) {
                failures.add("took " + millis + " ms for input:\n" + input);
            }
        }
        System.out.printf("%s fuzz (seed %d): %d inputs in %d s, %s, slowest %d ms%n", name, seed, tried, runFor.toSeconds(), outcomes, slowest);
        return new Result(seed, tried, outcomes, slowest, failures);
    }
}
