package eu.s3cop.draft;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a working group is named to people: its code's words capitalised ("innovation-diffusion"
 * is "Innovation Diffusion"), the same on a brief's cover, a page, a feed and an email.
 */
public final class WorkingGroupNames {

    /** The community's name, as every output gives it. */
    public static final String COMMUNITY = "European Smart Specialisation Community of Practice";

    private WorkingGroupNames() {
    }

    /** Who publishes a group's briefs, in citations and the records harvesters and DOI registries read. */
    public static String publisher(String workingGroup) {
        return COMMUNITY + " (S3 CoP), " + of(workingGroup) + " working group";
    }

    public static String of(String code) {
        return Arrays.stream(code.split("-"))
                .map(word -> word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .collect(Collectors.joining(" "));
    }
}
