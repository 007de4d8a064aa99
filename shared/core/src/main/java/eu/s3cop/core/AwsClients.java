package eu.s3cop.core;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Builds AWS SDK clients from a function's environment, once per container: each client is
 * made on first use and shared by every service of the function after it.
 *
 * <p>Region comes from {@code AWS_REGION}. Endpoints follow the SDK's own convention,
 * {@code AWS_ENDPOINT_URL_<SERVICE>} then {@code AWS_ENDPOINT_URL}, so the same code talks to
 * AWS in the cloud and to the local stack on one machine. Clients use the URLConnection HTTP
 * client: it starts faster and weighs less than Apache or Netty.
 */
public final class AwsClients {

    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final FunctionEnvironment environment;
    private S3Client s3;
    private DynamoDbClient dynamoDb;

    private AwsClients(FunctionEnvironment environment) {
        this.environment = environment;
        this.region = Region.of(environment.required("AWS_REGION"));
        this.credentials = credentialsFrom(environment);
    }

    public static AwsClients from(FunctionEnvironment environment) {
        return new AwsClients(environment);
    }

    public Region region() {
        return region;
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = newS3();
        }
        return s3;
    }

    private S3Client newS3() {
        S3ClientBuilder builder = configure(S3Client.builder(), "S3");
        if (endpoint("S3").isPresent()) {
            // A local endpoint is an address, not a domain: bucket names cannot go in the host.
            builder.forcePathStyle(true);
            // Over plain HTTP the SDK signs uploads as aws-chunked bodies. s3proxy stores the object
            // and answers before reading the final chunk, then drops the connection; the client sees
            // a write error and sends the PUT again, so one upload becomes two ObjectCreated events.
            // A whole-body signature (checksum in a header) has no final chunk to leave behind.
            builder.serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build());
        }
        return builder.build();
    }

    /** Presigned download links; they need no S3 client, so the functions that only hand out links carry none. */
    public PresignedLinks presignedLinks() {
        return endpoint("S3").map(local -> PresignedLinks.at(region, credentials, local))
                .orElseGet(() -> PresignedLinks.forAws(region, credentials));
    }

    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = configure(DynamoDbClient.builder(), "DYNAMODB").build();
        }
        return dynamoDb;
    }

    /**
     * Applies region, credentials, HTTP client and endpoint to any synchronous client builder,
     * so a function that needs another service (SES, say) adds only that service's module.
     *
     * @param serviceId the SDK's service id in the form of its endpoint variable, for example {@code SESV2}
     */
    public <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> B configure(B builder, String serviceId) {
        builder.region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        endpoint(serviceId).ifPresent(builder::endpointOverride);
        return builder;
    }

    Optional<URI> endpoint(String serviceId) {
        String key = "AWS_ENDPOINT_URL_" + serviceId.toUpperCase(Locale.ROOT);
        return environment.optional(key)
                .or(() -> environment.optional("AWS_ENDPOINT_URL"))
                .map(value -> parseEndpoint(key, value));
    }

    private static URI parseEndpoint(String key, String value) {
        try {
            URI uri = URI.create(value.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(key, value, "use an absolute URL such as http://127.0.0.1:4566", e);
        }
    }

    /**
     * Keys in the environment are used as they are (Lambda puts the execution role's keys there;
     * the local stack puts its own). Without them, for example after a SnapStart restore, the
     * SDK's default chain finds the container's credentials.
     */
    private static AwsCredentialsProvider credentialsFrom(FunctionEnvironment environment) {
        Optional<String> keyId = environment.optional("AWS_ACCESS_KEY_ID");
        Optional<String> secret = environment.optional("AWS_SECRET_ACCESS_KEY");
        if (keyId.isEmpty() || secret.isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(environment.optional("AWS_SESSION_TOKEN")
                .<AwsCredentials>map(
                        token -> AwsSessionCredentials.create(keyId.get(), secret.get(), token))
                .orElseGet(() -> AwsBasicCredentials.create(keyId.get(), secret.get())));
    }
}
