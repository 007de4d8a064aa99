package eu.s3cop.stack.s3;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.core.AwsClients;
import eu.s3cop.core.FunctionEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class LocalS3IntegrationTest {

    /**
     * One back-to-back PUT in twenty used to reach the endpoint twice (the client repeating a
     * PUT whose connection s3proxy dropped after storing it), so tests could not count uploads.
     * Sequential PUTs on one kept-alive connection showed it most often.
     */
    @Test
    void eachPutFromAFunctionsClientCreatesTheObjectOnce() {
        List<String> created = new CopyOnWriteArrayList<>();
        try (LocalS3 s3 = LocalS3.start(0, null, "test", "test", object -> created.add(object.key()));
                S3Client client = AwsClients.from(FunctionEnvironment.of(Map.of(
                        "AWS_REGION", "eu-west-1",
                        "AWS_ACCESS_KEY_ID", "test",
                        "AWS_SECRET_ACCESS_KEY", "test",
                        "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + s3.endpoint().getPort()))).s3()) {
            s3.createBucket("s3cop-counted");
            byte[] body = new byte[2_000];
            List<String> keys = IntStream.range(0, 400).mapToObj(i -> "drafts/" + i + ".md").toList();
            for (String key : keys) {
                client.putObject(put -> put.bucket("s3cop-counted").key(key), RequestBody.fromBytes(body));
            }

            assertThat(created).containsExactlyElementsOf(keys);
        }
    }
}
