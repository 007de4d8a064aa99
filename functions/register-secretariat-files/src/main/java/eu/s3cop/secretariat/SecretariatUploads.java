package eu.s3cop.secretariat;

import eu.s3cop.core.S3Reads;
import eu.s3cop.core.SafeJson;
import eu.s3cop.upload.Outcome;
import eu.s3cop.upload.UploadReport;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The files the secretariat uploads (webinar files, working-group registries, events'
 * materials), read as they are now and answered with a report beside them. An upload is never
 * changed.
 */
final class SecretariatUploads {

    /** What became of an upload, or of a removal. */
    enum Result { REGISTERED, UPDATED, UNCHANGED, LISTED, REMOVED, REJECTED, IGNORED, SUPERSEDED }

    /**
     * An upload as S3 keeps it now, without its content.
     *
     * @param eTag without quotes
     * @param versionId empty in a bucket without versions
     */
    record Stored(long size, String eTag, String versionId, Instant lastModified) {
    }

    private final S3Client s3;
    private final String uploadsBucket;

    SecretariatUploads(S3Client s3, String uploadsBucket) {
        this.s3 = s3;
        this.uploadsBucket = uploadsBucket;
    }

    /**
     * An upload read and checked: its value and content's SHA-256 when the reader accepted it;
     * otherwise {@code refused} says why there is nothing to save (a rejection is reported already).
     */
    record Checked<T>(Result refused, T value, String sha256) {

        boolean accepted() {
            return refused == null;
        }
    }

    /**
     * Reads the upload as it is now and checks it with {@code reader}; a rejection gets its report
     * at once, and nothing else is written.
     */
    <T> Checked<T> check(String bucket, String key, String eTag, int maxBytes, Function<byte[], Outcome<T>> reader) {
        Optional<byte[]> content = fetch(bucket, key, eTag, maxBytes);
        if (content.isEmpty()) {
            return new Checked<>(Result.SUPERSEDED, null, null);
        }
        Outcome<T> outcome = reader.apply(content.get());
        if (outcome instanceof Outcome.Rejected<T> rejected) {
            report(key, UploadReport.rejected(key, rejected.problems()));
            return new Checked<>(Result.REJECTED, null, null);
        }
        return new Checked<>(null, ((Outcome.Accepted<T>) outcome).value(), sha256(content.get()));
    }

    /**
     * The file's content if it is still the one the event announced; empty when it is gone or
     * replaced since (its own event will come). A file over {@code maxBytes} is not read: its
     * stand-in of {@code maxBytes + 1} bytes makes the reader reject it for its size.
     */
    private Optional<byte[]> fetch(String bucket, String key, String eTag, int maxBytes) {
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

    /**
     * The upload as it is now, if it is still the one the event announced ({@code eTag}, or any
     * when the event gives none); empty when it is gone or was replaced since.
     */
    Optional<Stored> head(String bucket, String key, String eTag) {
        return S3Reads.ifPresent(() -> s3.headObject(head -> head.bucket(bucket).key(key)))
                .map(head -> new Stored(head.contentLength(), head.eTag() == null ? "" : head.eTag().replace("\"", ""),
                        Objects.requireNonNullElse(head.versionId(), ""), head.lastModified()))
                .filter(stored -> eTag == null || eTag.isEmpty() || eTag.equals(stored.eTag()));
    }

    /**
     * The first {@code bytes} bytes of the upload (all of a smaller one), read only if it is still
     * the object {@code stored} describes; empty when it changed or went in between.
     */
    Optional<byte[]> start(String bucket, String key, Stored stored, int bytes) {
        try {
            return S3Reads.ifPresent(() -> s3.getObjectAsBytes(get -> get.bucket(bucket).key(key).range("bytes=0-" + (bytes - 1))
                    .ifMatch(stored.eTag().isEmpty() ? null : "\"" + stored.eTag() + "\"")).asByteArray());
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                return Optional.empty();
            }
            throw e;
        }
    }

    void report(String key, Map<String, Object> report) {
        s3.putObject(put -> put.bucket(uploadsBucket).key(UploadReport.key(key)).contentType("application/json"),
                RequestBody.fromBytes(SafeJson.write(report)));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
