package eu.s3cop.brief;

import eu.s3cop.core.ProblemReports;
import eu.s3cop.core.SafeJson;
import eu.s3cop.draft.Problem;
import eu.s3cop.publications.PublishedVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report a rapporteur finds next to the upload, {@code reports/<draft key>.json}, written as
 * {@link SafeJson} so that it is safe to show in a browser.
 */
final class Report {

    private Report() {
    }

    static String key(String draftKey) {
        return "reports/" + draftKey + ".json";
    }

    static byte[] published(String draftKey, PublishedVersion version) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("draft", draftKey);
        report.put("status", "PUBLISHED");
        report.put("publication", version.id());
        report.put("version", version.version());
        report.put("title", version.meta().title());
        report.put("pages", version.pages());
        report.put("pdf", version.pdfKey());
        report.put("publishedAt", version.publishedAt().toString());
        return write(report);
    }

    static byte[] preview(String draftKey, String id, String pdfKey, int pages) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("draft", draftKey);
        report.put("status", "PREVIEW");
        report.put("publication", id);
        report.put("pages", pages);
        report.put("pdf", pdfKey);
        report.put("note", "status: draft gives a watermarked preview that readers never see; set status: final to publish");
        return write(report);
    }

    static byte[] rejected(String draftKey, List<Problem> problems) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("draft", draftKey);
        report.put("status", "REJECTED");
        report.put("problems", problems.stream()
                .map(problem -> ProblemReports.entry(problem.field(), problem.line(), problem.message())).toList());
        return write(report);
    }

    private static byte[] write(Map<String, Object> report) {
        return SafeJson.write(report);
    }

}
