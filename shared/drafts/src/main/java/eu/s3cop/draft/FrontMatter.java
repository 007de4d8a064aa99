package eu.s3cop.draft;

import java.time.LocalDate;
import java.util.List;

/**
 * The metadata at the top of a draft, checked.
 *
 * @param language an EU official language code, {@code en} when the draft names none
 * @param summary one paragraph for the catalogue, or empty
 * @param preview true for {@code status: draft}: a watermarked preview, never listed to readers
 * @param translationOf the slug of the publication of the same group that this draft translates,
 *     or empty; publishing checks that it is published, in another language
 * @param translationOfLine the line that names it, for a problem publishing finds with it; 0 when none
 * @param references the bibliography the draft cites from and the style it cites in, {@link References#NONE} when it cites nothing
 * @param licence what readers may do with the publication, {@link Licence#DEFAULT} unless the draft names another
 * @param workingGroups for the secretariat's documents, the groups they speak for (each group's page lists them);
 *     empty for the whole community, and for every group's own brief
 */
public record FrontMatter(
        String title,
        PublicationType type,
        String workingGroup,
        List<String> authors,
        LocalDate date,
        String language,
        String summary,
        List<String> keywords,
        boolean preview,
        String translationOf,
        int translationOfLine,
        References references,
        Licence licence,
        List<String> workingGroups) {

    /**
     * Where a draft's sources are: a file beside it, read when it is published, and the lines
     * that name the file and the style, for the problems found then.
     *
     * @param file the bibliography's path in the draft's folder ({@code sources.bib}), or empty when the draft cites nothing
     * @param style one of {@link CitationStyles#SHIPPED}
     */
    public record References(String file, int fileLine, String style, int styleLine) {

        public static final References NONE = new References("", 0, CitationStyles.DEFAULT, 0);

        public boolean named() {
            return !file.isEmpty();
        }
    }

    public FrontMatter {
        authors = List.copyOf(authors);
        keywords = List.copyOf(keywords);
        translationOf = translationOf == null ? "" : translationOf;
        references = references == null ? References.NONE : references;
        licence = licence == null ? Licence.DEFAULT : licence;
        workingGroups = workingGroups == null ? List.of() : List.copyOf(workingGroups);
    }

    public boolean translation() {
        return !translationOf.isEmpty();
    }
}
