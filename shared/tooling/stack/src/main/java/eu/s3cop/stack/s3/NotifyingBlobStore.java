package eu.s3cop.stack.s3;

import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * A blob store that reports every object it creates or deletes, the way S3 sends ObjectCreated
 * and ObjectRemoved notifications: after the write succeeded, for single puts, copies and
 * completed multipart uploads alike, and for single and multi-object deletes, whichever client
 * made them. Each event carries a sequencer that grows with every change, so that a function can
 * tell which of two events on one key came last, as it can on AWS.
 */
final class NotifyingBlobStore extends ForwardingBlobStore {

    /** s3proxy keeps multipart state in objects of its own; they are not uploads. */
    private static final String MULTIPART_STUB = ".s3proxy-mpu-stub-";

    private final Consumer<ObjectEvent> listener;
    private final AtomicLong lastSequencer = new AtomicLong();

    NotifyingBlobStore(BlobStore delegate, Consumer<ObjectEvent> listener) {
        super(delegate);
        this.listener = listener;
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        PutObjectResponse response = super.putBlob(request, content);
        if (!request.key().contains(MULTIPART_STUB)) {
            created(request.bucket(), request.key(), "ObjectCreated:Put");
        }
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        CopyObjectResponse response = super.copyBlob(request);
        created(request.destinationBucket(), request.destinationKey(), "ObjectCreated:Copy");
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload, CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        created(upload.containerName(), upload.blobName(), "ObjectCreated:CompleteMultipartUpload");
        return response;
    }

    /** Every delete, the multi-object delete's too, comes here; deleting what is not there changes nothing and tells nobody. */
    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        boolean present = !request.key().contains(MULTIPART_STUB) && blobExists(request.bucket(), request.key());
        DeleteObjectResponse response = super.removeBlob(request);
        if (present) {
            Instant now = Instant.now();
            listener.accept(new ObjectRemoved(request.bucket(), request.key(), now, sequencer(now)));
        }
        return response;
    }

    private void created(String bucket, String key, String eventName) {
        HeadObjectResponse head = blobMetadata(bucket, key);
        long size = head.contentLength() == null ? 0 : head.contentLength();
        Instant now = Instant.now();
        listener.accept(new ObjectCreated(bucket, key, size, unquote(head.eTag()), eventName, now, sequencer(now)));
    }

    /** Microseconds since the epoch, or one more than the last one given when two changes share a microsecond. */
    private String sequencer(Instant now) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        return Long.toHexString(lastSequencer.accumulateAndGet(micros, (last, next) -> Math.max(last + 1, next))).toUpperCase();
    }

    private static String unquote(String eTag) {
        if (eTag == null) {
            return "";
        }
        return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"") ? eTag.substring(1, eTag.length() - 1) : eTag;
    }
}
