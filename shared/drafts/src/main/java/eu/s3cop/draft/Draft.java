package eu.s3cop.draft;

import com.vladsch.flexmark.util.ast.Document;

/**
 * A draft that passed every check.
 *
 * @param slug the file name without {@code .md}
 * @param markdown the body after the front matter
 * @param bodyLine the 1-based line of the file on which the body starts
 * @param body the body's syntax tree, as read when the draft was checked: the renderer lays out
 *     exactly what was checked, without reading the text a second time
 */
public record Draft(String slug, FrontMatter meta, String markdown, int bodyLine, Document body) {

    /** The publication's id: {@code <working_group>/<slug>}. */
    public String publicationId() {
        return meta.workingGroup() + "/" + slug;
    }
}
