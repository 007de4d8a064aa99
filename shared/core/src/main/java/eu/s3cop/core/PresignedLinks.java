package eu.s3cop.core;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Presigned S3 GET links, made with the SDK's SigV4 signer alone.
 *
 * <p>A function that only hands out links needs no S3 client: the S3 module and its model
 * weigh more than the rest of the reader API's package together. The link is the one
 * {@code S3Presigner} makes: query-string authentication over an unsigned payload, the key
 * encoded once and never normalised (S3 keys may hold {@code ./} and double slashes).
 */
public final class PresignedLinks {

    /** S3's own limit for a SigV4 presigned URL. */
    public static final Duration MAX_EXPIRY = Duration.ofDays(7);

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final Region region;
    private final AwsCredentialsProvider credentials;
    /** Where S3 answers for a local or compatible store (then addressed by path); null for AWS. */
    private final URI endpoint;
    /** The endpoint's own path, without trailing slashes, that bucket and key follow. */
    private final String endpointPath;

    private PresignedLinks(Region region, AwsCredentialsProvider credentials, URI endpoint) {
        this.region = region;
        this.credentials = credentials;
        this.endpoint = endpoint;
        this.endpointPath = endpoint == null ? "" : endpoint.getRawPath().replaceAll("/+$", "");
    }

    /** Links to AWS's own S3, where buckets are addressed by host name. */
    public static PresignedLinks forAws(Region region, AwsCredentialsProvider credentials) {
        return new PresignedLinks(region, credentials, null);
    }

    /** Links to a local or compatible store at {@code endpoint}, where buckets are addressed by path. */
    public static PresignedLinks at(Region region, AwsCredentialsProvider credentials, URI endpoint) {
        return new PresignedLinks(region, credentials, endpoint);
    }

    /**
     * A link that fetches one object until it expires.
     *
     * @param responseHeaders S3's response overrides by parameter name, for example
     *     {@code response-content-disposition}
     */
    public URI get(String bucket, String key, Duration expiry, Map<String, String> responseHeaders) {
        if (expiry.isNegative() || expiry.isZero() || expiry.compareTo(MAX_EXPIRY) > 0) {
            throw new IllegalArgumentException("A presigned link lasts from one second to 7 days, not " + expiry);
        }
        SdkHttpRequest.Builder request = address(bucket, key).method(SdkHttpMethod.GET);
        responseHeaders.forEach(request::putRawQueryParameter);
        var identity = credentials.resolveIdentity().join();
        return signer.sign(sign -> sign.identity(identity)
                        .request(request.build())
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region.id())
                        .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expiry)
                        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                        .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                        .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false))
                .request().getUri();
    }

    private SdkHttpRequest.Builder address(String bucket, String key) {
        String encodedKey = "/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key);
        if (endpoint != null) {
            return SdkHttpRequest.builder().uri(endpoint).encodedPath(endpointPath + "/" + bucket + encodedKey);
        }
        // Names with dots do not match S3's wildcard certificate as host names: they go in the path.
        String s3Host = "s3." + region.id() + "." + PartitionMetadata.of(region).dnsSuffix();
        return bucket.contains(".")
                ? SdkHttpRequest.builder().protocol("https").host(s3Host).encodedPath("/" + bucket + encodedKey)
                : SdkHttpRequest.builder().protocol("https").host(bucket + "." + s3Host).encodedPath(encodedKey);
    }
}
