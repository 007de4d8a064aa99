package eu.s3cop.testing;

import eu.s3cop.stack.lambda.FunctionRunner;
import eu.s3cop.stack.lambda.Invocation;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Fails one AWS call of one function in the local stack, once: the Nth call since it was
 * armed (or the Nth call of one operation), either before it is sent (refused: the call never
 * happens), after it succeeded (reset: the work is done but its answer is lost), or throttled
 * by the service (as when the SDK's own retries ran out), so the function fails and Lambda's
 * retry of the event, or the next scheduled run, has to make good.
 *
 * <p>A test module turns it on by listing it in
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} on its test class
 * path; it does nothing until armed, and only for calls made by the armed function.
 */
public final class FaultInjector implements ExecutionInterceptor {

    /** When and how the armed call fails. */
    public enum When {
        /** The connection is refused: the call never happened. */
        BEFORE_SENDING,
        /** The connection is reset after the service did the work: its answer is lost. */
        AFTER_SUCCEEDING,
        /** The service refuses the call for its rate, after the SDK's own retries gave up: nothing was done. */
        THROTTLED
    }

    /**
     * Fails call number {@code call} of the function, or, with an operation, that operation's
     * {@code call}-th call, counting only requests that mention {@code mentioning} when given.
     */
    private record Plan(String function, String operation, String mentioning, int call, When when) {
    }

    private static final ExecutionAttribute<Integer> NUMBER = new ExecutionAttribute<>("s3cop.fault.call");
    private static volatile Plan plan;
    private static final AtomicInteger calls = new AtomicInteger();
    private static final AtomicInteger ofOperation = new AtomicInteger();
    private static final List<String> operations = new CopyOnWriteArrayList<>();

    /** Counts the function's calls from now on, and fails call number {@code call} (1-based) once; 0 only counts. */
    public static void arm(String function, int call, When when) {
        arm(function, null, call, when);
    }

    /** Fails the {@code occurrence}-th call (1-based) of {@code operation}, such as {@code SesV2.SendEmail}, once. */
    public static void arm(String function, String operation, int occurrence, When when) {
        arm(function, operation, null, occurrence, when);
    }

    /**
     * Fails the {@code occurrence}-th call of {@code operation} whose request mentions
     * {@code mentioning} (a webinar's id, say), once.
     */
    public static void arm(String function, String operation, String mentioning, int occurrence, When when) {
        calls.set(0);
        ofOperation.set(0);
        operations.clear();
        plan = new Plan(function, operation, mentioning, occurrence, when);
    }

    /** The operations the armed function called since it was armed, such as {@code S3.PutObject}, in order. */
    public static List<String> operations() {
        return List.copyOf(operations);
    }

    public static void disarm() {
        plan = null;
    }

    /**
     * What went wrong with the deliveries of one upload's event in a fault scenario: the fault
     * never fired, the upload was not delivered exactly once, or its last attempt failed.
     *
     * @param invocations the stack's invocations since the scenario began
     */
    public static List<String> deliveryProblems(String scenario, List<Invocation> invocations, String key) {
        List<String> problems = new ArrayList<>();
        List<Invocation> ofKey = invocations.stream().filter(invocation -> invocation.trigger().endsWith("/" + key)).toList();
        if (ofKey.stream().noneMatch(invocation -> invocation.failure().map(e -> String.valueOf(e.getMessage()).contains("Injected fault")).orElse(false))) {
            problems.add(scenario + ": the fault was not injected");
        }
        long deliveries = ofKey.stream().filter(invocation -> invocation.attempt() == 1).count();
        if (deliveries != 1) {
            problems.add(scenario + ": the upload was delivered " + deliveries + " times, not once");
        }
        if (ofKey.isEmpty() || !ofKey.get(ofKey.size() - 1).succeeded()) {
            problems.add(scenario + ": the retry did not succeed");
        }
        return problems;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Plan current = plan;
        if (current == null || !FunctionRunner.running().map(current.function()::equals).orElse(false)) {
            return;
        }
        String operation = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "." + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        operations.add(operation);
        boolean counted = current.mentioning() == null || String.valueOf(context.request()).contains(current.mentioning());
        int number = !counted ? -1 : current.operation() == null ? calls.incrementAndGet()
                : current.operation().equals(operation) ? ofOperation.incrementAndGet() : -1;
        attributes.putAttribute(NUMBER, number);
        if (number == current.call() && current.when() == When.BEFORE_SENDING) {
            // Refused: the service never saw the call, as a client can tell from the cause.
            throw SdkClientException.builder().message("Injected fault before " + operation + " (call " + number + ")")
                    .cause(new ConnectException("Connection refused (injected)")).build();
        }
        if (number == current.call() && current.when() == When.THROTTLED) {
            throw throttled(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME), operation, number);
        }
    }

    /** What each service answers when it throttles: S3 a 503 SlowDown, the others a 400 with their own code. */
    private static AwsServiceException throttled(String service, String operation, int number) {
        boolean s3 = "S3".equals(service);
        String code = s3 ? "SlowDown" : "DynamoDb".equals(service) ? "ThrottlingException" : "TooManyRequestsException";
        return AwsServiceException.builder()
                .message("Injected fault: " + operation + " (call " + number + ") throttled")
                .statusCode(s3 ? 503 : 400)
                .awsErrorDetails(AwsErrorDetails.builder().serviceName(service).errorCode(code)
                        .errorMessage("Rate exceeded (injected)").build())
                .build();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Plan current = plan;
        Integer number = attributes.getAttribute(NUMBER);
        if (current != null && number != null && number == current.call() && current.when() == When.AFTER_SUCCEEDING) {
            // Reset after the service did the work: the client cannot tell whether it happened.
            throw SdkClientException.builder().message("Injected fault after " + current.function() + "'s call " + number + " succeeded")
                    .cause(new SocketException("Connection reset (injected)")).build();
        }
    }
}
