package eu.s3cop.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvocationLogTest {

    private final List<String> lines = new ArrayList<>();
    private final List<LogLevel> levels = new ArrayList<>();

    @Test
    void anErrorLineCarriesTheSubjectTheRequestAndTheCause() throws Exception {
        InvocationLog log = InvocationLog.of(context(), "S3CoP/test", "key", "drafts/x.md");

        log.error("failed; the event will be retried", new IllegalStateException("throttled"));

        Map<String, Object> line = JSON.std.mapFrom(lines.get(0));
        assertThat(line).containsEntry("level", "ERROR").containsEntry("message", "failed; the event will be retried")
                .containsEntry("AWSRequestId", "req-1").containsEntry("function", "publish-brief").containsEntry("key", "drafts/x.md")
                .containsEntry("errorType", IllegalStateException.class.getName()).containsEntry("errorMessage", "throttled");
        assertThat(String.valueOf(line.get("stackTrace"))).contains("InvocationLogTest");
        assertThat(levels).containsExactly(LogLevel.ERROR);
        assertThat(lines.get(0)).doesNotContain("\n");
    }

    @Test
    void metricsNameTheirNamespaceDimensionAndUnits() throws Exception {
        InvocationLog log = InvocationLog.of(context(), "S3CoP/test", "key", "drafts/x.md");

        log.metrics(Map.of("Publications", 1), Map.of("Publications", "Count"));
        log.metrics(Map.of(), Map.of());

        assertThat(lines).hasSize(1);
        Map<String, Object> document = JSON.std.mapFrom(lines.get(0));
        assertThat(document).containsEntry("Publications", 1).containsEntry("function", "publish-brief");
        Map<?, ?> directive = (Map<?, ?>) ((List<?>) ((Map<?, ?>) document.get("_aws")).get("CloudWatchMetrics")).get(0);
        assertThat(directive.get("Namespace")).isEqualTo("S3CoP/test");
        assertThat(directive.get("Dimensions")).isEqualTo(List.of(List.of("function")));
        assertThat(directive.get("Metrics")).isEqualTo(List.of(Map.of("Name", "Publications", "Unit", "Count")));
    }

    private Context context() {
        LambdaLogger logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                lines.add(message);
            }

            @Override
            public void log(byte[] message) {
                lines.add(new String(message, StandardCharsets.UTF_8));
            }

            @Override
            public void log(byte[] message, LogLevel level) {
                levels.add(level);
                log(message);
            }
        };
        return new Context() {
            public String getAwsRequestId() {
                return "req-1";
            }

            public String getLogGroupName() {
                return "/aws/lambda/publish-brief";
            }

            public String getLogStreamName() {
                return "stream";
            }

            public String getFunctionName() {
                return "publish-brief";
            }

            public String getFunctionVersion() {
                return "1";
            }

            public String getInvokedFunctionArn() {
                return "arn:aws:lambda:eu-west-1:000000000000:function:publish-brief:live";
            }

            public CognitoIdentity getIdentity() {
                return null;
            }

            public ClientContext getClientContext() {
                return null;
            }

            public int getRemainingTimeInMillis() {
                return 1000;
            }

            public int getMemoryLimitInMB() {
                return 1024;
            }

            public LambdaLogger getLogger() {
                return logger;
            }
        };
    }
}
