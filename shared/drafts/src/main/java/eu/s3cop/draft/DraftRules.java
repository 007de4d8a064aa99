package eu.s3cop.draft;

import java.util.List;
import java.util.Set;

/**
 * What a draft may be.
 *
 * @param workingGroups the working groups a draft may name
 * @param maxBytes the largest file accepted
 * @param maxLineLength the longest line; longer ones are unreadable in print and slow to lay out
 * @param maxNesting how deeply lists and quotes may nest
 * @param maxTableColumns the widest table that still prints legibly
 */
public record DraftRules(Set<String> workingGroups, int maxBytes, int maxLineLength, int maxNesting, int maxTableColumns) {

    public static final List<String> DEFAULT_WORKING_GROUPS =
            List.of("innovation-diffusion", "industrial-transition", "interregional-cooperation");

    public DraftRules {
        workingGroups = Set.copyOf(workingGroups);
        if (workingGroups.isEmpty()) {
            throw new IllegalArgumentException("At least one working group is needed");
        }
    }

    public static DraftRules withWorkingGroups(List<String> workingGroups) {
        return new DraftRules(Set.copyOf(workingGroups), 2 * 1024 * 1024, 10_000, 16, 30);
    }

    public static DraftRules defaults() {
        return withWorkingGroups(DEFAULT_WORKING_GROUPS);
    }
}
