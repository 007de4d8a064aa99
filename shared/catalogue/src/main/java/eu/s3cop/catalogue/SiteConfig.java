package eu.s3cop.catalogue;

import eu.s3cop.core.FunctionEnvironment;
import java.util.List;

/**
 * What the catalogue site is made from and where it goes, as every function that rewrites it
 * reads it from its environment.
 *
 * @param workingGroups the groups that have pages, in the order the site lists them
 */
public record SiteConfig(String publicationsTable, String webinarsTable, String siteBucket, List<String> workingGroups) {

    public SiteConfig {
        workingGroups = List.copyOf(workingGroups);
    }

    public static SiteConfig from(FunctionEnvironment environment) {
        return new SiteConfig(environment.required("PUBLICATIONS_TABLE"), environment.required("WEBINARS_TABLE"),
                environment.required("SITE_BUCKET"), environment.workingGroups());
    }
}
