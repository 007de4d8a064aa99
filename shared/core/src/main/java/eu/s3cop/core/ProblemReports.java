package eu.s3cop.core;

import java.util.LinkedHashMap;
import java.util.Map;

/** How every rejection report (drafts, webinar files) writes one problem. */
public final class ProblemReports {

    private ProblemReports() {
    }

    /**
     * One problem as a report entry: the field and line only when known, so readers of the JSON
     * never see a null field or a line 0.
     */
    public static Map<String, Object> entry(String field, int line, String message) {
        Map<String, Object> entry = new LinkedHashMap<>();
        if (field != null) {
            entry.put("field", field);
        }
        if (line > 0) {
            entry.put("line", line);
        }
        entry.put("message", message);
        return entry;
    }
}
