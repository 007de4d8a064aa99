package eu.s3cop.scheduler;

import eu.s3cop.catalogue.SiteConfig;
import eu.s3cop.core.FunctionEnvironment;
import eu.s3cop.webinar.store.RegistrationRetention;
import eu.s3cop.core.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * What the scheduled run reads from the function's environment.
 *
 * @param senderAddress the verified SES identity emails come from, also the invites' organizer
 * @param site the catalogue site, rewritten after each run
 * @param retention how long after a webinar ends its registrations are kept
 * @param siteUrl where readers reach the catalogue, under which each registration's page is linked in emails
 */
record SchedulerConfig(String webinarsTable, String senderAddress, SiteConfig site, Duration retention, URI siteUrl) {

    static SchedulerConfig from(FunctionEnvironment environment) {
        return new SchedulerConfig(environment.required("WEBINARS_TABLE"), environment.required("SENDER_ADDRESS"), SiteConfig.from(environment),
                RegistrationRetention.from(environment), siteUrl(environment.required("SITE_URL")));
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
