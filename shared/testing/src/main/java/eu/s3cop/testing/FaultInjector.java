package eu.s3cop.testing;

import eu.s3cop.stack.lambda.FunctionRunner;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Fails one AWS call of one function in the local stack, once: the Nth call since it was
 * armed, either before it is sent (the call never happens) or after it succeeded (the work is
 * done but its answer is lost), as a connection failure the SDK does not retry, so the
 * function fails and Lambda's retry of the event has to make good.
 *
 * <p>A test module turns it on by listing it in
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} on its test class
 * path; it does nothing until armed, and only for calls made by the armed function.
 */
public final class FaultInjector implements ExecutionInterceptor {

    /** When the armed call fails. */
    public enum When { BEFORE_SENDING, AFTER_SUCCEEDING }

    private record Plan(String function, int call, When when) {
    }

    private static final ExecutionAttribute<Integer> NUMBER = new ExecutionAttribute<>("s3cop.fault.call");
    private static volatile Plan plan;
    private static final AtomicInteger calls = new AtomicInteger();
    private static final List<String> operations = new CopyOnWriteArrayList<>();

    /** Counts the function's calls from now on, and fails call number {@code call} (1-based) once; 0 only counts. */
    public static void arm(String function, int call, When when) {
        calls.set(0);
        operations.clear();
        plan = new Plan(function, call, when);
    }

    /** The operations the armed function called since it was armed, such as {@code S3.PutObject}, in order. */
    public static List<String> operations() {
        return List.copyOf(operations);
    }

    public static void disarm() {
        plan = null;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Plan current = plan;
        if (current == null || !FunctionRunner.running().map(current.function()::equals).orElse(false)) {
            return;
        }
        int number = calls.incrementAndGet();
        String operation = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "." + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        operations.add(operation);
        attributes.putAttribute(NUMBER, number);
        if (number == current.call() && current.when() == When.BEFORE_SENDING) {
            throw SdkClientException.create("Injected fault: connection refused before " + operation + " (call " + number + ")");
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Plan current = plan;
        Integer number = attributes.getAttribute(NUMBER);
        if (current != null && number != null && number == current.call() && current.when() == When.AFTER_SUCCEEDING) {
            throw SdkClientException.create("Injected fault: connection reset after " + current.function() + "'s call " + number + " succeeded");
        }
    }
}
