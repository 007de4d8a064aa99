package eu.s3cop.metadata;

import java.util.Map;

/**
 * What each kind of publication is in the vocabularies of harvesters and registries: a COAR
 * resource type (OpenAIRE) and DataCite's general type. A policy brief is a policy report; a
 * concept note or an input note is written to be discussed, a working paper; a meeting summary
 * is a report of another kind.
 */
public final class ResourceTypes {

    /** A COAR resource type: its concept's address and its English label. */
    public record Coar(String uri, String label) {
    }

    private static final Coar POLICY_REPORT = new Coar("http://purl.org/coar/resource_type/c_186u", "policy report");
    private static final Coar WORKING_PAPER = new Coar("http://purl.org/coar/resource_type/c_8042", "working paper");
    private static final Coar OTHER_REPORT = new Coar("http://purl.org/coar/resource_type/c_18wq", "other type of report");
    private static final Map<String, Coar> COAR = Map.of("policy-brief", POLICY_REPORT, "concept-note", WORKING_PAPER,
            "input-note", WORKING_PAPER, "meeting-summary", OTHER_REPORT);

    /** COAR's access right of every publication here: all are open. */
    public static final Coar OPEN_ACCESS = new Coar("http://purl.org/coar/access_right/c_abf2", "open access");
    /** COAR's version of a published brief: the version of record. */
    public static final Coar VERSION_OF_RECORD = new Coar("http://purl.org/coar/version/c_970fb48d4fbd8a85", "VoR");

    private ResourceTypes() {
    }

    public static Coar coar(String type) {
        return COAR.getOrDefault(type, OTHER_REPORT);
    }

    /** DataCite's resourceTypeGeneral: a report for what reports findings, text for notes and summaries. */
    public static String dataCiteGeneral(String type) {
        return "policy-brief".equals(type) || "meeting-summary".equals(type) ? "Report" : "Text";
    }
}
