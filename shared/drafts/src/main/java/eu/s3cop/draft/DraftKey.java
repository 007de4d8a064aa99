package eu.s3cop.draft;

import eu.s3cop.upload.Problem;
import eu.s3cop.upload.UserText;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a draft is uploaded, which is what gives it authority: a working group publishes from its
 * own folder, {@code drafts/<working_group>/<slug>.md}, and from nowhere else; the secretariat
 * from {@code drafts/secretariat/}. The bucket's access policies grant each group's rapporteurs
 * that folder alone, and the secretariat's folder to the secretariat alone, so the folder, not
 * the front matter, says whose brief an upload is.
 *
 * @param key the upload's key
 * @param group the working group whose folder holds the draft ({@link WorkingGroupNames#SECRETARIAT} for
 *     the secretariat's), or null when it is in none
 * @param fileName the key's last part, which gives the slug
 */
public record DraftKey(String key, String group, String fileName) {

    /** The folder that every draft is under. */
    public static final String PREFIX = "drafts/";
    private static final String SUFFIX = ".md";

    /** The draft at this key, or empty when the key is not a draft's (not under drafts/, or not a .md file). */
    public static Optional<DraftKey> of(String key, Set<String> workingGroups) {
        if (!key.startsWith(PREFIX) || !key.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        String fileName = key.substring(key.lastIndexOf('/') + 1);
        if (fileName.length() <= SUFFIX.length()) {
            return Optional.empty();
        }
        String[] parts = key.substring(PREFIX.length()).split("/", -1);
        String group = parts.length == 2 && (workingGroups.contains(parts[0]) || WorkingGroupNames.SECRETARIAT.equals(parts[0]))
                ? parts[0] : null;
        return Optional.of(new DraftKey(key, group, fileName));
    }

    /** The key a group's draft of this name belongs at. */
    public static String keyFor(String workingGroup, String fileName) {
        return PREFIX + workingGroup + "/" + fileName;
    }

    /** Why a draft naming {@code named} may not be published from here, or null when it may. */
    String misplaced(String named) {
        if (named.equals(group)) {
            return null;
        }
        String home = keyFor(named, UserText.quote(fileName));
        if (group == null) {
            return "names '" + named + "', but the draft is at '" + UserText.quote(key) + "', outside " + named
                    + "'s folder: a group's briefs are published only from its own folder, so upload it as " + home;
        }
        return "names '" + named + "', but the draft is in " + group + "'s folder (" + PREFIX + group + "/): a group's briefs are"
                + " published only from its own folder, so upload it as " + home + " if it is " + named
                + "'s, or set working_group: " + group;
    }

    /**
     * Adds, for an uploaded draft in no group's folder, where drafts go: for when its front matter
     * cannot say which group it is, so that the rapporteur learns the place in the same report.
     *
     * @param key the upload, or null for a file read outside the bucket
     */
    static void noteIfOutside(DraftKey key, Set<String> workingGroups, List<Problem> problems) {
        if (key != null && key.group() == null) {
            problems.add(Problem.ofFile("the draft is at '" + UserText.quote(key.key()) + "', not in a working group's folder: drafts"
                    + " are published from " + PREFIX + "<working_group>/<slug>.md, where <working_group> is one of: "
                    + String.join(", ", workingGroups.stream().sorted().toList()) + " (the secretariat's from " + PREFIX
                    + WorkingGroupNames.SECRETARIAT + "/)"));
        }
    }
}
