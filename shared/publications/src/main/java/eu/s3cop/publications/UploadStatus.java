package eu.s3cop.publications;

/**
 * What became of an upload, for the secretariat and for support.
 *
 * @param status PUBLISHED, UNCHANGED, PREVIEW or REJECTED
 * @param publication the publication it became, or null
 * @param version the version it became, or 0
 * @param problems how many problems rejected it, or 0
 */
public record UploadStatus(String status, String publication, int version, int problems) {

    public static UploadStatus published(String publication, int version) {
        return new UploadStatus("PUBLISHED", publication, version, 0);
    }

    public static UploadStatus unchanged(String publication, int version) {
        return new UploadStatus("UNCHANGED", publication, version, 0);
    }

    public static UploadStatus preview(String publication) {
        return new UploadStatus("PREVIEW", publication, 0, 0);
    }

    public static UploadStatus rejected(int problems) {
        return new UploadStatus("REJECTED", null, 0, problems);
    }
}
