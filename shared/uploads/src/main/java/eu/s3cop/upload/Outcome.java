package eu.s3cop.upload;

import java.util.List;

/**
 * What reading an uploaded file gives: the thing it describes (a draft, a webinar), or every
 * problem found in it.
 */
public sealed interface Outcome<T> permits Outcome.Accepted, Outcome.Rejected {

    record Accepted<T>(T value) implements Outcome<T> {
    }

    record Rejected<T>(List<Problem> problems) implements Outcome<T> {
        public Rejected {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("A rejection names at least one problem");
            }
        }
    }
}
