package eu.s3cop.lists;

/**
 * Where a webinar's list and figures lie in the uploads bucket: under {@code reports/webinars/<id>/},
 * which only the secretariat's policy reads, and outside every prefix that triggers a function.
 */
final class ListKeys {

    private static final String FOLDER = "reports/webinars/";

    private ListKeys() {
    }

    /** The list of the webinar's registrations, with names and addresses. */
    static String registrations(String webinarId) {
        return file(webinarId, "registrations.csv");
    }

    /** The webinar's participation figures, with no name or address. */
    static String figures(String webinarId) {
        return file(webinarId, "figures.json");
    }

    private static String file(String webinarId, String name) {
        return FOLDER + webinarId + "/" + name;
    }
}
