package eu.s3cop.webinar.store;

import eu.s3cop.core.ConfigurationException;
import eu.s3cop.core.FunctionEnvironment;
import java.time.Duration;

/**
 * How long after a webinar ends its registrations, names and addresses, are kept: the template's
 * {@code RegistrationRetentionDays}, read the same way by every function that writes them.
 */
public final class RegistrationRetention {

    public static final int DEFAULT_DAYS = 30;

    private RegistrationRetention() {
    }

    public static Duration from(FunctionEnvironment environment) {
        int days = environment.integer("REGISTRATION_RETENTION_DAYS", DEFAULT_DAYS);
        if (days < 1 || days > 365) {
            throw new ConfigurationException("REGISTRATION_RETENTION_DAYS", String.valueOf(days),
                    "use 1 to 365 days after a webinar ends");
        }
        return Duration.ofDays(days);
    }
}
