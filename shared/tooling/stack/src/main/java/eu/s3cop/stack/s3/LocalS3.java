package eu.s3cop.stack.s3;

import eu.s3cop.stack.Ports;
import eu.s3cop.stack.StackException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * A real S3 protocol endpoint on 127.0.0.1: s3proxy with SigV4 authentication on, so unsigned,
 * tampered and expired requests are refused as S3 would refuse them.
 */
public final class LocalS3 implements AutoCloseable {

    private final S3Proxy proxy;
    private final BlobStore store;
    private final URI endpoint;

    private LocalS3(S3Proxy proxy, BlobStore store, URI endpoint) {
        this.proxy = proxy;
        this.store = store;
        this.endpoint = endpoint;
    }

    /**
     * Starts the endpoint.
     *
     * @param port the port, or 0 for any free one
     * @param directory where objects persist, or null to keep them in memory
     * @param listener told of every object created or deleted
     */
    public static LocalS3 start(int port, Path directory, String accessKey, String secretKey, Consumer<ObjectEvent> listener) {
        Ports.requireFree(port, "S3 endpoint");
        BlobStore backing;
        if (directory == null) {
            backing = new TransientNio2BlobStore();
        } else {
            try {
                Files.createDirectories(directory);
            } catch (java.io.IOException e) {
                throw new StackException("Cannot create the S3 data folder " + directory + ": " + e.getMessage(), e);
            }
            backing = new FilesystemNio2BlobStore(directory.toAbsolutePath().toString());
        }
        BlobStore store = new NotifyingBlobStore(backing, listener);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        try {
            proxy.start();
            while (!"STARTED".equals(proxy.getState())) {
                Thread.sleep(5);
            }
        } catch (Exception e) {
            throw new StackException("The S3 endpoint did not start on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        return new LocalS3(proxy, store, URI.create("http://127.0.0.1:" + proxy.getPort()));
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Creates the bucket unless it exists (a persisted data folder keeps its buckets). */
    public void createBucket(String name) {
        if (!store.containerExists(name)) {
            store.createContainer(name);
        }
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new StackException("The S3 endpoint did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
