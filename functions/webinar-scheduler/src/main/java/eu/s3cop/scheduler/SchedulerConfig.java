package eu.s3cop.scheduler;

import eu.s3cop.catalogue.SiteConfig;
import eu.s3cop.core.FunctionEnvironment;
import eu.s3cop.webinar.store.RegistrationRetention;
import eu.s3cop.core.ConfigurationException;
import java.time.Duration;

/**
 * What the scheduled run reads from the function's environment.
 *
 * @param senderAddress the verified SES identity emails come from, also the invites' organizer
 * @param site the catalogue site, rewritten after each run; its address, which every email links under, is required here
 * @param retention how long after a webinar ends its registrations are kept
 */
record SchedulerConfig(String webinarsTable, String senderAddress, SiteConfig site, Duration retention) {

    static SchedulerConfig from(FunctionEnvironment environment) {
        SiteConfig site = SiteConfig.from(environment);
        if (site.siteUrl() == null) {
            throw new ConfigurationException("SITE_URL", "", "set the catalogue's absolute address: every email links to a page under it");
        }
        return new SchedulerConfig(environment.required("WEBINARS_TABLE"), environment.required("SENDER_ADDRESS"), site,
                RegistrationRetention.from(environment));
    }
}
