package eu.s3cop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Links made without an S3 client must be the links S3Presigner makes; S3 itself (the local
 * endpoint, with signatures checked) accepts them in the reader API's integration tests.
 */
class PresignedLinksTest {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));

    @Test
    void addressesQueryAndScopeMatchThoseOfS3Presigner() {
        for (Region region : new Region[] {Region.EU_WEST_1, Region.CN_NORTH_1}) {
            for (String key : new String[] {"briefs/innovation-diffusion/bottlenecks/v2.pdf", "odd keys/ä b+c=d&e?.pdf", "a//b/./c"}) {
                URI ours = PresignedLinks.forAws(region, CREDENTIALS).get("s3cop-publications", key, Duration.ofMinutes(15),
                        Map.of("response-content-disposition", "attachment; filename=\"bottlenecks-v2.pdf\""));
                URI theirs;
                try (S3Presigner presigner = S3Presigner.builder().region(region).credentialsProvider(CREDENTIALS).build()) {
                    theirs = URI.create(presigner.presignGetObject(presign -> presign.signatureDuration(Duration.ofMinutes(15))
                            .getObjectRequest(get -> get.bucket("s3cop-publications").key(key)
                                    .responseContentDisposition("attachment; filename=\"bottlenecks-v2.pdf\""))).url().toString());
                }
                assertThat(ours.getHost()).as(key).isEqualTo(theirs.getHost());
                assertThat(ours.getRawPath()).as(key).isEqualTo(theirs.getRawPath());
                assertThat(withoutTime(ours)).as(key).isEqualTo(withoutTime(theirs));
            }
        }
    }

    @Test
    void aLocalEndpointIsAddressedByPath() {
        URI link = PresignedLinks.at(Region.EU_WEST_1, CREDENTIALS, URI.create("http://127.0.0.1:4566"))
                .get("s3cop-publications", "briefs/x/v1.pdf", Duration.ofMinutes(1), Map.of());
        assertThat(link.toString()).startsWith("http://127.0.0.1:4566/s3cop-publications/briefs/x/v1.pdf?");
        assertThat(link.getRawQuery()).contains("X-Amz-Expires=60", "X-Amz-SignedHeaders=host");
    }

    @Test
    void expiryOutsideWhatS3AcceptsIsRefused() {
        PresignedLinks links = PresignedLinks.forAws(Region.EU_WEST_1, CREDENTIALS);
        assertThatThrownBy(() -> links.get("b", "k", Duration.ofDays(8), Map.of())).hasMessageContaining("7 days");
        assertThatThrownBy(() -> links.get("b", "k", Duration.ZERO, Map.of())).hasMessageContaining("one second");
    }

    /** The query without what depends on the clock: the date and the signature over it. */
    private static Map<String, String> withoutTime(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .filter(pair -> !pair[0].equals("X-Amz-Date") && !pair[0].equals("X-Amz-Signature"))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[0].equals("X-Amz-Credential") ? pair[1].replaceAll("%2F\\d{8}%2F", "%2FDATE%2F") : pair[1],
                        (a, b) -> a, TreeMap::new));
    }
}
