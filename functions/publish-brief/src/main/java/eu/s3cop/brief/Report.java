package eu.s3cop.brief;

import eu.s3cop.core.SafeJson;
import eu.s3cop.upload.Problem;
import eu.s3cop.upload.UploadReport;
import eu.s3cop.publications.PublishedVersion;
import java.util.List;
import java.util.Map;

/**
 * The report a rapporteur finds next to the upload, in the format of every {@link UploadReport},
 * written as {@link SafeJson} so that it is safe to show in a browser.
 */
final class Report {

    private Report() {
    }

    static String key(String draftKey) {
        return UploadReport.key(draftKey);
    }

    /** @param warnings what would make the brief more accessible, each with its line; listed only when there are some */
    static byte[] published(Upload upload, PublishedVersion version, List<Problem> warnings) {
        Map<String, Object> report = of(upload, "PUBLISHED");
        report.put("publication", version.id());
        report.put("version", version.version());
        report.put("title", version.meta().title());
        report.put("pages", version.pages());
        report.put("pdf", version.pdfKey());
        report.put("publishedAt", version.publishedAt().toString());
        warnings(report, warnings);
        return write(report);
    }

    static byte[] preview(Upload upload, String id, String pdfKey, int pages, List<Problem> warnings) {
        Map<String, Object> report = of(upload, "PREVIEW");
        report.put("publication", id);
        report.put("pages", pages);
        report.put("pdf", pdfKey);
        report.put("note", "status: draft gives a watermarked preview that readers never see; set status: final to publish");
        warnings(report, warnings);
        return write(report);
    }

    static byte[] rejected(Upload upload, List<Problem> problems) {
        Map<String, Object> report = UploadReport.rejected(upload.key(), problems);
        uploader(report, upload);
        return write(report);
    }

    private static Map<String, Object> of(Upload upload, String status) {
        Map<String, Object> report = UploadReport.of(upload.key(), status);
        uploader(report, upload);
        return report;
    }

    /** Who wrote this upload, so that "who replaced this brief?" has an answer next to it. */
    private static void uploader(Map<String, Object> report, Upload upload) {
        if (!upload.uploader().isEmpty()) {
            report.put("uploadedBy", upload.uploader());
        }
    }

    private static void warnings(Map<String, Object> report, List<Problem> warnings) {
        if (!warnings.isEmpty()) {
            report.put("warnings", UploadReport.entries(warnings));
        }
    }

    private static byte[] write(Map<String, Object> report) {
        return SafeJson.write(report);
    }

}
