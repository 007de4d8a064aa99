package eu.s3cop.draft;

import java.util.Arrays;
import java.util.Optional;

/** What kind of publication a draft is; the code is what rapporteurs write in the front matter. */
public enum PublicationType {
    CONCEPT_NOTE("concept-note", "Concept note"),
    INPUT_NOTE("input-note", "Input note"),
    POLICY_BRIEF("policy-brief", "Policy brief"),
    MEETING_SUMMARY("meeting-summary", "Meeting summary");

    private final String code;
    private final String label;

    PublicationType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<PublicationType> fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }

    /** How a type is named to people, from its code; a code no type has is shown as it is. */
    public static String labelOf(String code) {
        return fromCode(code).map(PublicationType::label).orElse(code);
    }

    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(PublicationType::code).toList());
    }
}
