package eu.s3cop.draft;

import com.vladsch.flexmark.util.ast.Document;
import eu.s3cop.upload.Problem;
import java.util.List;

/**
 * A draft that passed every check.
 *
 * @param slug the file name without {@code .md}
 * @param markdown the body after the front matter
 * @param bodyLine the 1-based line of the file on which the body starts
 * @param body the body's syntax tree, as read when the draft was checked: the renderer lays out
 *     exactly what was checked, without reading the text a second time
 * @param warnings what does not stop the draft but makes it harder to read (a heading that skips
 *     a level, a link text that says nothing, an empty table header), each with its line
 */
public record Draft(String slug, FrontMatter meta, String markdown, int bodyLine, Document body, List<Problem> warnings) {

    public Draft {
        warnings = List.copyOf(warnings);
    }

    /** The publication's id: {@code <working_group>/<slug>}. */
    public String publicationId() {
        return meta.workingGroup() + "/" + slug;
    }
}
