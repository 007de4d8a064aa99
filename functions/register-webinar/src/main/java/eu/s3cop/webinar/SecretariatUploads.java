package eu.s3cop.webinar;

import eu.s3cop.core.S3Reads;
import eu.s3cop.core.SafeJson;
import eu.s3cop.upload.UploadReport;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The files the secretariat uploads (webinar files, working-group registries), read as they are
 * now and answered with a report beside them. An upload is never changed.
 */
final class SecretariatUploads {

    /** What became of an upload. */
    enum Result { REGISTERED, UPDATED, UNCHANGED, REJECTED, IGNORED, SUPERSEDED }

    private final S3Client s3;
    private final String uploadsBucket;

    SecretariatUploads(S3Client s3, String uploadsBucket) {
        this.s3 = s3;
        this.uploadsBucket = uploadsBucket;
    }

    /**
     * The file's content if it is still the one the event announced; empty when it is gone or
     * replaced since (its own event will come). A file over {@code maxBytes} is not read: its
     * stand-in of {@code maxBytes + 1} bytes makes the reader reject it for its size.
     */
    Optional<byte[]> fetch(String bucket, String key, String eTag, int maxBytes) {
        Optional<Long> size = S3Reads.ifPresent(() -> s3.headObject(head -> head.bucket(bucket).key(key)).contentLength());
        if (size.isPresent() && size.get() > maxBytes) {
            return Optional.of(new byte[maxBytes + 1]);
        }
        return size.flatMap(present -> S3Reads.ifPresent(() -> s3.getObjectAsBytes(get -> get.bucket(bucket).key(key))))
                .filter(object -> {
                    String stored = object.response().eTag() == null ? "" : object.response().eTag().replace("\"", "");
                    return eTag == null || eTag.isEmpty() || eTag.equals(stored);
                })
                .map(object -> object.asByteArray());
    }

    void report(String key, Map<String, Object> report) {
        s3.putObject(put -> put.bucket(uploadsBucket).key(UploadReport.key(key)).contentType("application/json"),
                RequestBody.fromBytes(SafeJson.write(report)));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
