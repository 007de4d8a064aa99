package eu.s3cop.lists;

import eu.s3cop.core.FunctionEnvironment;

/**
 * What keeping the secretariat's lists reads from the function's environment.
 *
 * @param uploadsBucket where the lists and figures are written, beside the secretariat's reports
 */
record ListsConfig(String uploadsBucket, String webinarsTable) {

    static ListsConfig from(FunctionEnvironment environment) {
        return new ListsConfig(environment.required("UPLOADS_BUCKET"), environment.required("WEBINARS_TABLE"));
    }
}
