package eu.s3cop.webinar;

import eu.s3cop.catalogue.SiteConfig;
import eu.s3cop.core.FunctionEnvironment;

/**
 * What registering webinar files reads from the function's environment.
 *
 * @param organizer the address invites come from: the SES sender
 * @param site the catalogue site, rewritten after each registration
 */
public record RegistrarConfig(String uploadsBucket, String publicationsBucket, String webinarsTable, String organizer, SiteConfig site) {

    public static RegistrarConfig from(FunctionEnvironment environment) {
        return new RegistrarConfig(environment.required("UPLOADS_BUCKET"), environment.required("PUBLICATIONS_BUCKET"),
                environment.required("WEBINARS_TABLE"), environment.required("SENDER_ADDRESS"), SiteConfig.from(environment));
    }
}
