package eu.s3cop.brief;

import eu.s3cop.draft.Draft;
import eu.s3cop.draft.FrontMatter;
import eu.s3cop.draft.LanguageNames;
import eu.s3cop.draft.WorkingGroupNames;
import eu.s3cop.publications.DynamoDbPublicationStore;
import eu.s3cop.publications.Publication;
import eu.s3cop.upload.Problem;
import java.util.List;
import java.util.Optional;

/** Whether a draft that says {@code translation_of} may be published as that translation, read from the index. */
final class TranslationCheck {

    private TranslationCheck() {
    }

    /**
     * What stops a draft from being published as the translation its front matter says it is: the
     * original must be a published original of the same group, in another language, and have no
     * other translation into this draft's language.
     */
    static List<Problem> problems(Draft draft, DynamoDbPublicationStore store) {
        FrontMatter meta = draft.meta();
        if (!meta.translation()) {
            return List.of();
        }
        String slug = meta.translationOf();
        String group = WorkingGroupNames.author(meta.workingGroup());
        Optional<Publication> original = store.publication(meta.workingGroup() + "/" + slug);
        String problem = null;
        if (original.isEmpty()) {
            problem = "'" + slug + "' is not a published publication of the " + group + ": publish the original first,"
                    + " or name it by its file name without .md";
        } else if (original.get().translation()) {
            String itsOriginal = original.get().translationOf().substring(original.get().translationOf().indexOf('/') + 1);
            problem = "'" + slug + "' is itself a translation, of '" + itsOriginal + "': name the original, translation_of: " + itsOriginal;
        } else if (original.get().language().equals(meta.language())) {
            problem = "'" + slug + "' is in " + LanguageNames.of(meta.language()) + " too: a translation is in another language;"
                    + " set language: to this draft's own";
        } else {
            String other = original.get().translations().get(meta.language());
            if (other != null && !other.equals(draft.publicationId())) {
                problem = "'" + slug + "' already has a translation into " + LanguageNames.of(meta.language()) + ", '"
                        + other.substring(other.indexOf('/') + 1) + "': publish a new version of that one instead";
            }
        }
        return problem == null ? List.of() : List.of(Problem.ofField("translation_of", meta.translationOfLine(), problem));
    }
}
