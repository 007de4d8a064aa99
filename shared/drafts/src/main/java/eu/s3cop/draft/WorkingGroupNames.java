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

    /**
     * The secretariat's folder and the "group" of its publications: documents of the community as
     * a whole or of several groups, which it publishes from {@code drafts/secretariat/}.
     */
    public static final String SECRETARIAT = "secretariat";

    private WorkingGroupNames() {
    }

    /** Who publishes a group's briefs, in citations and the records harvesters and DOI registries read. */
    public static String publisher(String workingGroup) {
        return COMMUNITY + " (S3 CoP), " + author(workingGroup);
    }

    /** Whose a publication is, in words: "Innovation Diffusion working group", or "Secretariat" for the secretariat's. */
    public static String author(String workingGroup) {
        return SECRETARIAT.equals(workingGroup) ? "Secretariat" : of(workingGroup) + " working group";
    }

    /** Several groups as a sentence names them: "Innovation Diffusion and Industrial Transition working groups". */
    public static String several(java.util.List<String> groups) {
        java.util.List<String> names = groups.stream().map(WorkingGroupNames::of).toList();
        String joined = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        return joined + (names.size() == 1 ? " working group" : " working groups");
    }

    public static String of(String code) {
        return Arrays.stream(code.split("-"))
                .map(word -> word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .collect(Collectors.joining(" "));
    }
}
