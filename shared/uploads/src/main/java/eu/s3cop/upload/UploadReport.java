package eu.s3cop.upload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report an uploader finds beside an upload, {@code reports/<upload key>.json}: the same
 * format for every kind of file. It names the upload and says its status first; a rejection
 * lists every problem, each with its field and line when known.
 */
public final class UploadReport {

    private UploadReport() {
    }

    /** Where the report of the upload at {@code uploadKey} is, in the same bucket. */
    public static String key(String uploadKey) {
        return "reports/" + uploadKey + ".json";
    }

    /** A report's first entries; the caller adds what its kind of file produced. */
    public static Map<String, Object> of(String uploadKey, String status) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("upload", uploadKey);
        report.put("status", status);
        return report;
    }

    public static Map<String, Object> rejected(String uploadKey, List<Problem> problems) {
        Map<String, Object> report = of(uploadKey, "REJECTED");
        report.put("problems", entries(problems));
        return report;
    }

    /** Problems (or warnings) as a report lists them. */
    public static List<Map<String, Object>> entries(List<Problem> problems) {
        return problems.stream().map(UploadReport::entry).toList();
    }

    /** The field and line only when known, so readers of the JSON never see a null field or a line 0. */
    private static Map<String, Object> entry(Problem problem) {
        Map<String, Object> entry = new LinkedHashMap<>();
        if (problem.field() != null) {
            entry.put("field", problem.field());
        }
        if (problem.line() > 0) {
            entry.put("line", problem.line());
        }
        entry.put("message", problem.message());
        return entry;
    }
}
