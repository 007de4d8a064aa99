package eu.s3cop.stack.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * One cold start, measured from inside a fresh JVM whose class path holds only a function's
 * deployment package, the Lambda runtime's libraries and this class: it does what the Lambda
 * Java runtime does for a first invocation (creates the handler through its no-argument
 * constructor, which reads the process environment; decodes the event with the runtime's
 * serializer; calls the handler), optionally after the handler's SnapStart priming hook, and
 * prints one line of timings in milliseconds and the process's peak resident memory.
 *
 * <p>{@code s3cop-local cold-start} runs it against the local stack; see docs/local-stack.md.
 */
public final class ColdStart {

    /** The line's prefix, which the benchmark reads. */
    public static final String RESULT = "cold-start:";

    private ColdStart() {
    }

    /** Arguments: the handler class, the event file, and {@code --prime} to run the priming hook first. */
    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("usage: ColdStart <handler class> <event.json> [--prime]");
            System.exit(2);
        }
        long started = System.nanoTime();
        Class<?> type = Class.forName(args[0]);
        Object handler = type.getConstructor().newInstance();
        long initialised = System.nanoTime();
        if (args.length > 2 && args[2].equals("--prime")) {
            Method hook = FunctionRunner.primingHook(type);
            if (hook == null) {
                throw new IllegalStateException(type.getName() + " has no priming hook");
            }
            hook.invoke(handler, (Object) null);
        }
        long primed = System.nanoTime();
        Method method = FunctionRunner.handlerMethod(type, "handleRequest", type.getSimpleName());
        PojoSerializer<Object> input = FunctionRunner.serializer(method.getGenericParameterTypes()[0], method.getParameterTypes()[0],
                type.getClassLoader());
        Object event;
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            event = input.fromJson(in);
        }
        String name = System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", type.getSimpleName());
        Context context = new LocalContext(UUID.randomUUID().toString(), name, "arn:aws:lambda:local:000000000000:function:" + name,
                1024, System.currentTimeMillis() + 900_000, printing());
        method.invoke(handler, event, context);
        long invoked = System.nanoTime();
        System.out.printf("%s init=%d prime=%d invoke=%d inside=%d peakRssMb=%d%n", RESULT, millis(started, initialised),
                millis(initialised, primed), millis(primed, invoked), millis(started, invoked), peakRssMb());
    }

    private static LambdaLogger printing() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.out.println(message.stripTrailing());
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** VmHWM from /proc: the most memory the process has held, which sizes the function's MemorySize. */
    private static long peakRssMb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
