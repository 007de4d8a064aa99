package eu.s3cop.brief;

import static eu.s3cop.core.S3Reads.ifPresent;

import eu.s3cop.render.DraftFolder;
import java.util.Optional;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The S3 side of publishing: reading uploads and their images, writing PDFs and reports. */
final class S3Objects {

    /** What reading an upload found. */
    sealed interface Read permits Fetched, TooLarge, Gone {
    }

    /** The upload's bytes, as of the version or entity tag the event named. */
    record Fetched(byte[] bytes, String eTag) implements Read {
    }

    /** The upload as the event named it, larger than a draft may be: its bytes were not read. */
    record TooLarge(long size) implements Read {
    }

    /** Replaced or deleted since the event (the later upload has an event of its own). */
    record Gone() implements Read {
    }

    private final S3Client s3;

    S3Objects(S3Client s3) {
        this.s3 = s3;
    }

    /**
     * The upload as the event named it: that version where the bucket keeps versions, else the
     * object if it still has the event's entity tag. One request: the answer's headers say which
     * object it is and how large before any of its body is read, and a body over {@code maxBytes}
     * is never read.
     */
    Read read(Upload upload, long maxBytes) {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(upload.bucket()).key(upload.key());
        if (upload.versionId() != null) {
            request.versionId(upload.versionId());
        }
        try (ResponseInputStream<GetObjectResponse> body = s3.getObject(request.build())) {
            GetObjectResponse response = body.response();
            String eTag = unquote(response.eTag());
            // Compared here rather than sent as If-Match, which not every S3-compatible store implements.
            if (upload.versionId() == null && upload.eTag() != null && !upload.eTag().isEmpty() && !upload.eTag().equals(eTag)) {
                body.abort();
                return new Gone();
            }
            if (response.contentLength() != null && response.contentLength() > maxBytes) {
                body.abort();
                return new TooLarge(response.contentLength());
            }
            return new Fetched(body.readAllBytes(), eTag);
        } catch (NoSuchKeyException e) {
            return new Gone();
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 404) {
                return new Gone();
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + upload.key() + " failed: " + e.getMessage(), e);
        }
    }

    private static String unquote(String eTag) {
        return eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") ? eTag.substring(1, eTag.length() - 1) : eTag;
    }

    void put(String bucket, String key, byte[] bytes, String contentType) {
        s3.putObject(put -> put.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    }

    /** Files next to a draft (images, its bibliography): keys under the draft's folder, read with a size cap. */
    DraftFolder folder(String bucket, String folder) {
        return (path, maxBytes) -> {
            String key = folder.isEmpty() ? path : folder + "/" + path;
            return ifPresent(() -> {
                HeadObjectResponse head = s3.headObject(request -> request.bucket(bucket).key(key));
                // Too large a file is not read: its size alone is enough to reject it.
                return head.contentLength() > maxBytes ? new byte[maxBytes + 1]
                        : s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray();
            });
        };
    }
}
