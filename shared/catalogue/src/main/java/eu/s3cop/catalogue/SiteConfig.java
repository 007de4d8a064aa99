package eu.s3cop.catalogue;

import eu.s3cop.core.SiteAddresses;
import eu.s3cop.core.FunctionEnvironment;
import java.net.URI;
import java.util.List;

/**
 * What the catalogue site is made from and where it goes, as the functions that write it
 * (refresh-catalogue) and serve its dynamic pages (reader-api) read it from their environment.
 *
 * @param workingGroups the groups that have pages, in the order the site lists them
 * @param siteUrl where readers reach the site, absolute and ending in "/", for the feed's links
 *     and the emails'; null where the function is not told
 */
public record SiteConfig(String publicationsTable, String webinarsTable, String siteBucket, List<String> workingGroups, URI siteUrl) {

    public SiteConfig {
        workingGroups = List.copyOf(workingGroups);
    }

    public static SiteConfig from(FunctionEnvironment environment) {
        return new SiteConfig(environment.required("PUBLICATIONS_TABLE"), environment.required("WEBINARS_TABLE"),
                environment.required("SITE_BUCKET"), environment.workingGroups(),
                SiteAddresses.siteUrl(environment).orElse(null));
    }
}
