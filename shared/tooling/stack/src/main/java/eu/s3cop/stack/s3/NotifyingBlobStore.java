package eu.s3cop.stack.s3;

import java.io.InputStream;
import java.time.Instant;
import java.util.function.Consumer;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * A blob store that reports every object it creates, the way S3 sends ObjectCreated
 * notifications: after the write succeeded, for single puts, copies and completed multipart
 * uploads alike, whichever client wrote it.
 */
final class NotifyingBlobStore extends ForwardingBlobStore {

    /** s3proxy keeps multipart state in objects of its own; they are not uploads. */
    private static final String MULTIPART_STUB = ".s3proxy-mpu-stub-";

    private final Consumer<ObjectCreated> listener;

    NotifyingBlobStore(BlobStore delegate, Consumer<ObjectCreated> listener) {
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

    private void created(String bucket, String key, String eventName) {
        HeadObjectResponse head = blobMetadata(bucket, key);
        long size = head.contentLength() == null ? 0 : head.contentLength();
        listener.accept(new ObjectCreated(bucket, key, size, unquote(head.eTag()), eventName, Instant.now()));
    }

    private static String unquote(String eTag) {
        if (eTag == null) {
            return "";
        }
        return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"") ? eTag.substring(1, eTag.length() - 1) : eTag;
    }
}
