package eu.s3cop.webinar.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kind of organisation a participant comes from, in the categories EU programmes report
 * participation by. The code is what forms post, the table keeps and the figures count.
 */
public enum OrganisationKind {
    PUBLIC_AUTHORITY("public-authority", "Public authority"),
    RESEARCH("university-research", "University or research"),
    BUSINESS("business", "Business"),
    CIVIL_SOCIETY("civil-society", "Civil society"),
    OTHER("other", "Other");

    private final String code;
    private final String label;

    OrganisationKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** The kind as forms and the secretariat's list name it. */
    public String label() {
        return label;
    }

    public static Optional<OrganisationKind> of(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
}
