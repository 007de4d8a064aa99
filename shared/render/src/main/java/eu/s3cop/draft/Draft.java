package eu.s3cop.draft;

/**
 * A draft that passed every check.
 *
 * @param slug the file name without {@code .md}
 * @param markdown the body after the front matter
 * @param bodyLine the 1-based line of the file on which the body starts
 */
public record Draft(String slug, FrontMatter meta, String markdown, int bodyLine) {

    /** The publication's id: {@code <working_group>/<slug>}. */
    public String publicationId() {
        return meta.workingGroup() + "/" + slug;
    }
}
