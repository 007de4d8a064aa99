package eu.s3cop.catalogue;

import eu.s3cop.core.ConfigurationException;
import eu.s3cop.core.FunctionEnvironment;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * What the catalogue site is made from and where it goes, as every function that rewrites it
 * reads it from its environment.
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
                environment.optional("SITE_URL").filter(url -> !url.isBlank()).map(SiteConfig::siteUrl).orElse(null));
    }

    /** An absolute http(s) address ending in a slash, so that pages resolve under it. */
    private static URI siteUrl(String value) {
        try {
            URI uri = new URI(value.endsWith("/") ? value : value + "/");
            if (uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Reported below, with what to write instead.
        }
        throw new ConfigurationException("SITE_URL", value, "use the catalogue's absolute address, such as https://s3cop.example.org/");
    }
}
