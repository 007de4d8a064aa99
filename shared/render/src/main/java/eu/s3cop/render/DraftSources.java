package eu.s3cop.render;

import eu.s3cop.draft.Draft;
import eu.s3cop.upload.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a draft shows besides its text, read from its folder as publishing and the preview both
 * read it: its images and its formatted references, or every problem either has, at once.
 *
 * @param images the local images by the path the draft gives ({@link Images#resolve})
 * @param references the citations and reference list ({@link References#resolve})
 */
public record DraftSources(Map<String, byte[]> images, References references, List<Problem> problems) {

    public DraftSources {
        images = Map.copyOf(images);
        problems = List.copyOf(problems);
    }

    public static DraftSources resolve(Draft draft, DraftFolder folder) {
        Images.Resolution images = Images.resolve(draft, folder);
        References.Resolution references = References.resolve(draft, folder);
        List<Problem> problems = new ArrayList<>(images.problems());
        problems.addAll(references.problems());
        return new DraftSources(images.images(), references.references(), problems);
    }
}
