package eu.s3cop.secretariat;

import eu.s3cop.core.FunctionEnvironment;
import java.util.List;

/**
 * What registering the secretariat's files reads from the function's environment.
 *
 * @param workingGroups the groups a webinar or a registry may be for
 */
public record RegistrarConfig(String uploadsBucket, String webinarsTable, List<String> workingGroups) {

    public RegistrarConfig {
        workingGroups = List.copyOf(workingGroups);
    }

    public static RegistrarConfig from(FunctionEnvironment environment) {
        return new RegistrarConfig(environment.required("UPLOADS_BUCKET"), environment.required("WEBINARS_TABLE"), environment.workingGroups());
    }
}
