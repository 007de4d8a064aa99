package eu.s3cop.scheduler;

import eu.s3cop.core.ConfigurationException;
import eu.s3cop.core.FunctionEnvironment;
import eu.s3cop.core.SiteAddresses;
import eu.s3cop.webinar.store.RegistrationLimits;
import eu.s3cop.webinar.store.RegistrationRetention;
import java.net.URI;
import java.time.Duration;

/**
 * What the scheduler reads from the function's environment.
 *
 * @param senderAddress the verified SES identity emails come from, also the invites' organizer
 * @param siteUrl the catalogue's address, which every email links under
 * @param retention how long after a webinar ends its registrations are kept
 * @param configurationSet the SES configuration set every email is sent with, whose bounces and
 *     complaints come back as {@link SendingFeedback}; empty for none
 * @param placesPerDomain the cap on one domain's places at one event, by which those held back
 *     join the waiting list when their domain's share has room again; 0 for none
 */
record SchedulerConfig(String webinarsTable, String senderAddress, URI siteUrl, Duration retention, String configurationSet, int placesPerDomain) {

    static SchedulerConfig from(FunctionEnvironment environment) {
        URI siteUrl = SiteAddresses.siteUrl(environment).orElseThrow(() ->
                new ConfigurationException("SITE_URL", "", "set the catalogue's absolute address: every email links to a page under it"));
        return new SchedulerConfig(environment.required("WEBINARS_TABLE"), environment.required("SENDER_ADDRESS"), siteUrl,
                RegistrationRetention.from(environment), environment.optional("SES_CONFIGURATION_SET").orElse(""),
                RegistrationLimits.Caps.from(environment).placesPerDomain());
    }
}
