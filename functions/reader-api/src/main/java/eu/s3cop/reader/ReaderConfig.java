package eu.s3cop.reader;

import eu.s3cop.core.FunctionEnvironment;
import eu.s3cop.webinar.store.RegistrationLimits;
import eu.s3cop.webinar.store.RegistrationRetention;
import java.time.Duration;
import java.util.List;

/**
 * What the reader API reads, from the function's environment.
 *
 * @param uploadsBucket where the secretariat put each event's materials, which readers download from there
 * @param linkExpiry how long a presigned download link works
 * @param senderAddress the organizer of webinar invites (the address webinar emails come from)
 * @param retention how long after a webinar ends its registrations are kept
 * @param siteUrl the site's own absolute address ending in "/", for citations; null when the
 *     stack has none of its own (CloudFront's address cannot reach the API without a cycle)
 * @param caps the bounds on registration requests and link emails
 * @param originSecret what CloudFront sends in {@code X-Origin-Verify} with every request it
 *     passes on; a request without it came around CloudFront and is refused. Empty where no
 *     CloudFront stands in front (the local stack): every request is then a viewer's own.
 * @param dois the DOIs of the stack's DataCite repository, which a version's DataCite record is identified by; empty for none
 */
public record ReaderConfig(String publicationsBucket, String uploadsBucket, String table, String webinarsTable, List<String> workingGroups, Duration linkExpiry,
        String senderAddress, Duration retention, String siteUrl, RegistrationLimits.Caps caps, String originSecret,
        java.util.Optional<eu.s3cop.metadata.Dois> dois) {

    public ReaderConfig {
        workingGroups = List.copyOf(workingGroups);
    }

    public static ReaderConfig from(FunctionEnvironment environment) {
        List<String> groups = environment.workingGroups();
        int minutes = environment.integer("LINK_EXPIRY_MINUTES", 15);
        if (minutes < 1 || minutes > 7 * 24 * 60) {
            throw new eu.s3cop.core.ConfigurationException("LINK_EXPIRY_MINUTES", String.valueOf(minutes),
                    "use 1 to 10080 minutes (presigned links last at most 7 days)");
        }
        return new ReaderConfig(environment.required("PUBLICATIONS_BUCKET"), environment.required("UPLOADS_BUCKET"), environment.required("PUBLICATIONS_TABLE"),
                environment.required("WEBINARS_TABLE"), groups, Duration.ofMinutes(minutes), environment.required("SENDER_ADDRESS"),
                RegistrationRetention.from(environment), environment.optional("SITE_URL").filter(url -> !url.isBlank())
                        .map(url -> url.endsWith("/") ? url : url + "/").orElse(null),
                RegistrationLimits.Caps.from(environment), environment.optional("ORIGIN_SECRET").orElse(""),
                environment.optional("DATACITE_PREFIX").filter(prefix -> !prefix.isBlank()).map(eu.s3cop.metadata.Dois::new));
    }
}
