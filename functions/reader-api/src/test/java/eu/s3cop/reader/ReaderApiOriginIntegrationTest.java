package eu.s3cop.reader;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import eu.s3cop.stack.LocalCloud;
import eu.s3cop.testing.EventFiles;
import eu.s3cop.testing.LocalAws;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API as it stands behind CloudFront, which sends it a secret with every request: nobody who
 * goes around CloudFront (and its web ACL) gets an answer, and the client counted is the viewer
 * CloudFront saw, not CloudFront's own address, which every request shares. Events are read from
 * {@code events/reader-api/} by the Lambda runtime's serializer.
 */
@LocalAws
class ReaderApiOriginIntegrationTest {

    private static final String SECRET = "the-secret-cloudfront-sends";
    private static ReaderApiHandler handler;

    @BeforeAll
    static void behindCloudFront(LocalCloud stack) {
        Map<String, String> environment = new HashMap<>(stack.environment("reader-api"));
        environment.put("ORIGIN_SECRET", SECRET);
        handler = new ReaderApiHandler(environment);
    }

    @Test
    void requestsThatWentAroundCloudFrontAreRefused() {
        APIGatewayV2HTTPEvent direct = EventFiles.read("reader-api/list-publications.json", APIGatewayV2HTTPEvent.class);
        APIGatewayV2HTTPResponse refused = handler.handleRequest(direct, new TestContext());
        assertThat(refused.getStatusCode()).isEqualTo(403);
        assertThat(refused.getBody()).contains("through the catalogue's own address only");

        direct.getHeaders().put("x-origin-verify", "a-guess");
        assertThat(handler.handleRequest(direct, new TestContext()).getStatusCode()).as("a wrong secret").isEqualTo(403);

        direct.getHeaders().put("x-origin-verify", SECRET);
        assertThat(handler.handleRequest(direct, new TestContext()).getStatusCode()).as("what CloudFront passes on").isEqualTo(200);
    }

    @Test
    void theClientCountedIsTheViewerCloudFrontSaw() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            statuses.add(handler.handleRequest(registration("198.51.100.7:" + (50000 + i)), new TestContext()).getStatusCode());
        }
        assertThat(statuses.subList(0, 10)).as("a webinar this stack does not hold: refused for what it is").containsOnly(404);
        assertThat(statuses.get(10)).as("the viewer's eleventh in a minute, from any port").isEqualTo(429);
        assertThat(handler.handleRequest(registration("203.0.113.9:443"), new TestContext()).getStatusCode())
                .as("another viewer, through the same CloudFront address").isEqualTo(404);

        APIGatewayV2HTTPEvent forged = registration("192.0.2.1:1");
        forged.getHeaders().remove("x-origin-verify");
        assertThat(handler.handleRequest(forged, new TestContext()).getStatusCode()).as("a viewer address without the secret is nobody's").isEqualTo(403);
    }

    private static APIGatewayV2HTTPEvent registration(String viewer) {
        APIGatewayV2HTTPEvent event = EventFiles.read("reader-api/register-through-cloudfront.json", APIGatewayV2HTTPEvent.class);
        event.getHeaders().put("cloudfront-viewer-address", viewer);
        return event;
    }

    /** What Lambda hands a handler, as far as this one reads it: a request id, a name and a logger. */
    private static final class TestContext implements Context {

        @Override
        public String getAwsRequestId() {
            return "origin-test";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/reader-api";
        }

        @Override
        public String getLogStreamName() {
            return "origin-test";
        }

        @Override
        public String getFunctionName() {
            return "reader-api";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:eu-west-1:000000000000:function:reader-api";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 30_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 512;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.out.println(message);
                }

                @Override
                public void log(byte[] message) {
                    System.out.println(new String(message, java.nio.charset.StandardCharsets.UTF_8));
                }
            };
        }
    }
}
