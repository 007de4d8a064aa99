package eu.s3cop.local;

import eu.s3cop.stack.LocalCloud;
import eu.s3cop.stack.StackSettings;
import eu.s3cop.stack.lambda.FunctionRunner;
import eu.s3cop.stack.template.BucketResource;
import eu.s3cop.stack.template.TableResource;
import eu.s3cop.stack.template.Trigger;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The start-up summary: endpoints, buckets, tables, functions and their triggers. */
record Summary(LocalCloud stack, Path template) {

    void print(PrintStream out) {
        StackSettings settings = stack.settings();
        String http = stack.httpEndpoint().map(Object::toString).orElse("(off)");
        out.println();
        out.println("S3 CoP publishing pipeline, local stack (" + template + ")");
        out.println();
        out.printf("  S3        %s   access key %s, secret %s, region %s, path-style%n",
                stack.s3Endpoint(), settings.accessKey(), settings.secretKey(), settings.region());
        out.printf("  DynamoDB  %s%n", stack.dynamoDbEndpoint());
        out.printf("  HTTP      %s%n", http);
        out.printf("  Data      %s%n", settings.dataDirectory() == null ? "in memory (--ephemeral)" : settings.dataDirectory());
        out.printf("  Outbox    %s%n", stack.outbox());
        out.println();
        out.println("  Buckets   " + stack.template().buckets().stream().map(BucketResource::localName).collect(Collectors.joining(", ")));
        out.println("  Tables    " + stack.template().tables().stream().map(TableResource::localName).collect(Collectors.joining(", ")));
        out.println();
        out.println("  Functions");
        for (FunctionRunner runner : stack.functions()) {
            List<String> triggers = runner.function().triggers().stream().map(trigger -> describe(runner.function().name(), trigger, http)).toList();
            out.printf("    %-26s %s%n", runner.function().name(), triggers.isEmpty() ? "(no triggers)" : triggers.get(0));
            triggers.stream().skip(1).forEach(line -> out.printf("    %-26s %s%n", "", line));
        }
        out.println();
        // Lambda starts each function in a JVM of its own with the template's options; here they share this one.
        Object options = stack.template().functions().isEmpty() ? null
                : stack.template().functions().get(0).environment().get("JAVA_TOOL_OPTIONS");
        if (options instanceof String lambda && !lambda.equals(System.getenv("JAVA_TOOL_OPTIONS"))) {
            out.println("  JVM       the functions share this one, as started; on Lambda each starts with " + lambda + ".");
            out.println("            Publishing as Lambda runs it: s3cop-local throughput (docs/performance.md).");
            out.println();
        }
        out.printf("  Upload:   aws --endpoint-url %s s3 cp draft.md s3://%s/drafts/<working_group>/%n", stack.s3Endpoint(),
                stack.template().buckets().isEmpty() ? "bucket" : stack.template().buckets().get(0).localName());
        out.println("            (credentials: AWS_ACCESS_KEY_ID=" + settings.accessKey() + " AWS_SECRET_ACCESS_KEY=" + settings.secretKey()
                + " AWS_DEFAULT_REGION=" + settings.region() + ")");
        out.println();
    }

    /** A trigger of {@code function} in words; two functions may have equal triggers (the same schedule, say). */
    private String describe(String function, Trigger trigger, String http) {
        Map<String, String> buckets = stack.template().buckets().stream()
                .collect(Collectors.toMap(BucketResource::logicalId, BucketResource::localName));
        if (trigger instanceof Trigger.S3 s3) {
            return "S3 " + String.join(",", s3.events()) + " on " + buckets.getOrDefault(s3.bucket(), s3.bucket())
                    + "/" + s3.prefix() + "*" + s3.suffix() + (stack.settings().deliverS3Events() ? "" : " (not delivered: --no-s3-events)");
        }
        if (trigger instanceof Trigger.Schedule schedule) {
            String state = stack.settings().runSchedules() && schedule.enabled() ? "" : " (on demand only)";
            return (schedule.scheduler() ? "ScheduleV2 " : "Schedule ") + schedule.expression() + state
                    + "; now: curl -X POST " + http + "/_local/schedules/" + function;
        }
        if (trigger instanceof Trigger.HttpApi route) {
            return "HTTP " + route.method() + " " + http + route.path();
        }
        if (trigger instanceof Trigger.DynamoDb stream) {
            return "DynamoDB stream of " + stack.table(stream.table()) + ", batches of up to " + stream.batchSize()
                    + (stream.filters().isEmpty() ? "" : ", filtered") + (stack.settings().deliverStreams() ? "" : " (not delivered)");
        }
        if (trigger instanceof Trigger.EventBridgeRule) {
            return "EventBridge rule " + trigger.eventId() + " (SES feedback: send to bounce@ or complaint@simulator.amazonses.com)";
        }
        return trigger.eventId() + " (" + ((Trigger.Other) trigger).type() + ", not run locally)";
    }
}
