package eu.s3cop.stack.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import eu.s3cop.stack.StackException;
import eu.s3cop.stack.template.FunctionResource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs one function's handler the way the Lambda Java runtime does.
 *
 * <p>Each concurrent invocation gets a handler instance of its own, as each Lambda container
 * has one; instances are kept and reused, so what a handler builds in its constructor is built
 * once per "container", as in the cloud. The handler is created with the function's
 * environment through its {@code (Map<String, String>)} constructor (Lambda calls the no-argument
 * one, which reads the process environment). Events are decoded by
 * {@code aws-lambda-java-serialization}, the runtime's own serializer. A function with a reserved
 * concurrency runs at most that many invocations at once; the others wait their turn, as Lambda
 * retries what it throttles.
 */
public final class FunctionRunner {

    /** The function whose code runs on this thread, if any: lets diagnostics tell functions apart in one JVM. */
    private static final ThreadLocal<String> RUNNING = new ThreadLocal<>();

    private final FunctionResource function;
    private final Map<String, String> environment;
    private final String functionArn;
    private final FunctionCode code;
    private volatile ClassLoader loader;
    private final ConcurrentLinkedDeque<Object> idle = new ConcurrentLinkedDeque<>();
    private volatile Entry entry;
    /** Turns for a function with a reserved concurrency; null for one without. */
    private final java.util.concurrent.Semaphore turns;

    private enum Shape { EVENT_AND_CONTEXT, EVENT_ONLY, STREAMS }

    /** The handler's class and method, found on first use, so a stack can start with only some functions on its class path. */
    private record Entry(Class<?> handlerClass, Method method, Shape shape, PojoSerializer<Object> input) {
    }

    public FunctionRunner(FunctionResource function, Map<String, String> environment, String functionArn, FunctionCode code) {
        this.function = function;
        this.environment = Map.copyOf(environment);
        this.functionArn = functionArn;
        this.code = code;
        this.turns = function.reservedConcurrency() > 0 ? new java.util.concurrent.Semaphore(function.reservedConcurrency(), true) : null;
    }

    private Entry entry() {
        Entry current = entry;
        if (current == null) {
            synchronized (this) {
                if (entry == null) {
                    loader = code.loaderFor(function);
                    Class<?> handlerClass;
                    try {
                        handlerClass = Class.forName(function.handlerClass(), false, loader);
                    } catch (ClassNotFoundException e) {
                        throw new StackException("Function " + function.name() + ": handler class " + function.handlerClass()
                                + " is not on the class path; build the function module first", e);
                    }
                    Method method = handlerMethod(handlerClass, function.handlerMethod(), function.name());
                    Shape shape = shapeOf(method);
                    PojoSerializer<Object> input = shape == Shape.STREAMS ? null
                            : serializer(method.getGenericParameterTypes()[0], method.getParameterTypes()[0], loader);
                    entry = new Entry(handlerClass, method, shape, input);
                }
                current = entry;
            }
        }
        return current;
    }

    public FunctionResource function() {
        return function;
    }

    /** Whether the handler's class can be loaded: a stack of some functions' class paths runs only those. */
    public boolean present() {
        try {
            entry();
            return true;
        } catch (StackException absent) {
            return false;
        }
    }

    /** The name of the function whose handler (or its constructor) is running on the calling thread. */
    public static Optional<String> running() {
        return Optional.ofNullable(RUNNING.get());
    }

    public Map<String, String> environment() {
        return environment;
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Runs the handler once with an event given as the JSON Lambda would send. */
    public Invocation invoke(String eventJson, String trigger, int attempt) {
        String requestId = UUID.randomUUID().toString();
        long started = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        Object handler = null;
        List<String> logLines = new CopyOnWriteArrayList<>();
        if (turns != null) {
            turns.acquireUninterruptibly();
        }
        try {
            handler = borrow();
            Context context = new LocalContext(requestId, function.name(), functionArn, function.memoryMb(),
                    System.currentTimeMillis() + function.timeoutSeconds() * 1000L, LocalContext.consoleLogger(function.name(), logLines));
            String response = call(handler, eventJson, context);
            return new Invocation(function.name(), trigger, eventJson, requestId, elapsed(started), response, null, attempt, logLines,
                    THREADS.getCurrentThreadCpuTime() - cpu);
        } catch (InvocationTargetException e) {
            return new Invocation(function.name(), trigger, eventJson, requestId, elapsed(started), null, e.getCause(), attempt, logLines,
                    THREADS.getCurrentThreadCpuTime() - cpu);
        } catch (Exception | LinkageError e) {
            return new Invocation(function.name(), trigger, eventJson, requestId, elapsed(started), null, e, attempt, logLines,
                    THREADS.getCurrentThreadCpuTime() - cpu);
        } finally {
            if (handler != null) {
                idle.push(handler);
            }
            if (turns != null) {
                turns.release();
            }
        }
    }

    /**
     * Runs the handler's priming hook, as Lambda does before it takes a SnapStart snapshot: the
     * {@code beforeCheckpoint} of a handler that is an {@code org.crac.Resource}, on an instance
     * that then serves invocations like any other.
     *
     * @return how long priming took in milliseconds, or -1 when the handler has no hook
     */
    public long prime() {
        long started = System.nanoTime();
        Object handler = borrow();
        try {
            Method hook = primingHook(handler.getClass());
            if (hook == null) {
                return -1;
            }
            inFunctionLoader(() -> hook.invoke(handler, (Object) null));
            return elapsed(started);
        } catch (InvocationTargetException e) {
            throw new StackException("Function " + function.name() + " failed to prime: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new StackException("Function " + function.name() + " could not be primed: " + e, e);
        } finally {
            idle.push(handler);
        }
    }

    /** {@code beforeCheckpoint(org.crac.Context)}, found by name: each package carries its own copy of org.crac. */
    static Method primingHook(Class<?> handlerClass) {
        return Arrays.stream(handlerClass.getMethods())
                .filter(method -> method.getName().equals("beforeCheckpoint") && method.getParameterCount() == 1
                        && method.getParameterTypes()[0].getName().equals("org.crac.Context"))
                .findFirst().orElse(null);
    }

    /** Runs {@code work} as in a Lambda container: what the function loads by name, it finds in its own code. */
    private <T> T inFunctionLoader(Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        String outer = RUNNING.get();
        thread.setContextClassLoader(loader);
        RUNNING.set(function.name());
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
            RUNNING.set(outer);
        }
    }

    private String call(Object handler, String eventJson, Context context) throws Exception {
        return inFunctionLoader(() -> callHandler(handler, eventJson, context));
    }

    private String callHandler(Object handler, String eventJson, Context context) throws Exception {
        Entry entry = entry();
        Method method = entry.method();
        byte[] event = eventJson.getBytes(StandardCharsets.UTF_8);
        if (entry.shape() == Shape.STREAMS) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            method.invoke(handler, new ByteArrayInputStream(event), out, context);
            return out.toString(StandardCharsets.UTF_8);
        }
        Object decoded = entry.input().fromJson(new ByteArrayInputStream(event));
        Object result = entry.shape() == Shape.EVENT_AND_CONTEXT ? method.invoke(handler, decoded, context) : method.invoke(handler, decoded);
        if (result == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        PojoSerializer<Object> output = (PojoSerializer<Object>) serializer(result.getClass(), result.getClass(), loader);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        output.toJson(result, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private Object borrow() {
        Object handler = idle.poll();
        return handler != null ? handler : newHandler();
    }

    private Object newHandler() {
        Class<?> handlerClass = entry().handlerClass();
        try {
            Constructor<?> constructor = handlerClass.getConstructor(Map.class);
            return inFunctionLoader(() -> constructor.newInstance(environment));
        } catch (NoSuchMethodException e) {
            throw new StackException("Function " + function.name() + ": " + handlerClass.getName()
                    + " needs a public constructor taking the environment (Map<String, String>) so the local stack can configure it", e);
        } catch (InvocationTargetException e) {
            throw new StackException("Function " + function.name() + " failed to initialise: " + e.getCause(), e.getCause());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StackException("Function " + function.name() + ": cannot create " + handlerClass.getName() + ": " + e, e);
        }
    }

    /** The handler method as the runtime picks it: by name, the event-typed one over an Object-typed bridge. */
    static Method handlerMethod(Class<?> type, String name, String functionName) {
        return Arrays.stream(type.getMethods())
                .filter(candidate -> candidate.getName().equals(name))
                .filter(candidate -> !candidate.isBridge())
                .filter(candidate -> shapeOf(candidate) != null)
                .min(Comparator.comparing(candidate -> candidate.getParameterTypes()[0] == Object.class))
                .orElseThrow(() -> new StackException("Function " + functionName + ": " + type.getName()
                        + " has no public method " + name + "(event, Context) or (InputStream, OutputStream, Context)"));
    }

    private static Shape shapeOf(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        if (parameters.length == 3 && parameters[0] == InputStream.class && parameters[1] == OutputStream.class
                && parameters[2] == Context.class) {
            return Shape.STREAMS;
        }
        if (parameters.length == 2 && parameters[1] == Context.class) {
            return Shape.EVENT_AND_CONTEXT;
        }
        if (parameters.length == 1) {
            return Shape.EVENT_ONLY;
        }
        return null;
    }

    /** The runtime's serializer for a handler's event or result type. */
    @SuppressWarnings("unchecked")
    static PojoSerializer<Object> serializer(Type generic, Class<?> raw, ClassLoader loader) {
        if (LambdaEventSerializers.isLambdaSupportedEvent(raw.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(raw, loader);
        }
        return JacksonFactory.getInstance().getSerializer(generic);
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
