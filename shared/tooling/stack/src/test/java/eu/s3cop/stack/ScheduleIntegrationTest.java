package eu.s3cop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import eu.s3cop.stack.lambda.Invocation;
import eu.s3cop.stack.template.Template;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A schedule fires on its own expression, with EventBridge's event for that minute. */
class ScheduleIntegrationTest {

    @Test
    void aCronScheduleFiresAtTheNextMatchingMinuteWithoutBeingAsked() throws InterruptedException {
        Template template = Template.read(Path.of("src/test/resources/every-minute-template.yaml"));
        List<Invocation> invocations = new CopyOnWriteArrayList<>();
        Instant started = Instant.now();
        try (LocalCloud stack = LocalCloud.start(template, StackSettings.ephemeral().withRunSchedules(true))) {
            // A start that crosses a minute's turn on a busy machine schedules from the minute after it.
            Instant ready = Instant.now();
            stack.onInvocation(invocations::add);
            long deadline = System.currentTimeMillis() + 75_000;
            while (invocations.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            assertThat(invocations).as("a run within 75 s of a schedule that fires every minute").isNotEmpty();
            Invocation first = invocations.get(0);
            assertThat(first.succeeded()).as(String.valueOf(first.error())).isTrue();
            assertThat(first.trigger()).isEqualTo("schedule cron(* * * * ? *)");

            try (DynamoDbClient dynamoDb = stack.dynamoDbClient()) {
                Map<String, AttributeValue> run = dynamoDb.query(query -> query.tableName("s3cop-runs")
                        .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("run")))).items().get(0);
                Instant scheduledFor = Instant.parse(run.get("sk").s().substring(0, run.get("sk").s().indexOf('#')));
                assertThat(scheduledFor).isBetween(started.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES),
                        ready.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES));
                assertThat(run.get("source").s()).isEqualTo("aws.events");
            }
        }
    }
}
