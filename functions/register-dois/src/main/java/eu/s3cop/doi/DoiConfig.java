package eu.s3cop.doi;

import eu.s3cop.core.FunctionEnvironment;
import eu.s3cop.core.SiteAddresses;
import eu.s3cop.metadata.Dois;
import java.net.URI;
import java.util.Optional;

/**
 * What registering DOIs reads from the function's environment: the DataCite repository the
 * deployer gave (none: the function does nothing), and where the publications and their pages are.
 *
 * @param dois the repository's DOIs, or empty where the stack has no DataCite repository
 * @param site the catalogue's address, under which each DOI's landing page is
 */
record DoiConfig(Optional<Dois> dois, URI api, String repository, String password, String table, URI site) {

    static DoiConfig from(FunctionEnvironment environment) {
        Optional<Dois> dois = environment.optional("DATACITE_PREFIX").filter(prefix -> !prefix.isBlank()).map(Dois::new);
        return new DoiConfig(dois, URI.create(environment.optional("DATACITE_API", "https://api.datacite.org/")),
                environment.optional("DATACITE_REPOSITORY", ""), environment.optional("DATACITE_PASSWORD", ""),
                environment.required("PUBLICATIONS_TABLE"), SiteAddresses.siteUrl(environment).orElse(URI.create("https://localhost/")));
    }
}
