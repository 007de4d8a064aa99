package eu.s3cop.stack.http;

import eu.s3cop.core.S3Reads;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/** A bucket served as a web site: {@code /} is {@code index.html}, a folder its {@code index.html}. */
public final class StaticSite {

    /** One object of the site with its media type. */
    public record Page(byte[] bytes, String contentType) {
    }

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8", "xml", "application/atom+xml; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "png", "image/png", "jpg", "image/jpeg", "svg", "image/svg+xml", "ico", "image/x-icon", "txt", "text/plain; charset=utf-8");

    private final S3Client s3;
    private final String bucket;

    public StaticSite(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    Optional<Page> page(String rawPath) {
        String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (path.contains("..") || path.contains("\\") || path.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        String key = path.startsWith("/") ? path.substring(1) : path;
        if (key.isEmpty() || key.endsWith("/")) {
            key += "index.html";
        }
        String objectKey = key;
        return S3Reads.ifPresent(() -> s3.getObjectAsBytes(get -> get.bucket(bucket).key(objectKey)).asByteArray()).map(bytes -> {
            String extension = objectKey.contains(".") ? objectKey.substring(objectKey.lastIndexOf('.') + 1) : "";
            return new Page(bytes, TYPES.getOrDefault(extension, "application/octet-stream"));
        });
    }
}
