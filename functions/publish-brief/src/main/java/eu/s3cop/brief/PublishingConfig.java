package eu.s3cop.brief;

import eu.s3cop.core.FunctionEnvironment;
import eu.s3cop.draft.DraftRules;
import java.util.List;

/**
 * Where publishing reads and writes, read once from the function's environment.
 *
 * @param uploadsBucket where drafts arrive and reports go
 * @param publicationsBucket where PDFs go (private)
 * @param table the publications index (its stream refreshes the catalogue site, in another function)
 * @param dois the DOIs of the stack's DataCite repository, which each version's PDF names; empty for none
 */
public record PublishingConfig(String uploadsBucket, String publicationsBucket, String table, List<String> workingGroups, DraftRules rules,
        java.util.Optional<eu.s3cop.metadata.Dois> dois) {

    public static PublishingConfig from(FunctionEnvironment environment) {
        List<String> groups = environment.workingGroups();
        return new PublishingConfig(
                environment.required("UPLOADS_BUCKET"),
                environment.required("PUBLICATIONS_BUCKET"),
                environment.required("PUBLICATIONS_TABLE"),
                groups,
                DraftRules.withWorkingGroups(groups),
                environment.optional("DATACITE_PREFIX").filter(prefix -> !prefix.isBlank()).map(eu.s3cop.metadata.Dois::new));
    }
}
