package eu.s3cop.draft;

import java.util.List;

/** What reading a draft gives: a draft to publish, or every problem found in it. */
public sealed interface Outcome permits Outcome.Accepted, Outcome.Rejected {

    record Accepted(Draft draft) implements Outcome {
    }

    record Rejected(List<Problem> problems) implements Outcome {
        public Rejected {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("A rejection names at least one problem");
            }
        }
    }
}
