package eu.s3cop.stack.lambda;

import eu.s3cop.stack.StackException;
import eu.s3cop.stack.template.FunctionResource;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Where a function's classes come from when the local stack runs it. */
@FunctionalInterface
public interface FunctionCode {

    ClassLoader loaderFor(FunctionResource function);

    /** Every function from one class path: the tests' and the local command's own. */
    static FunctionCode classPath(ClassLoader loader) {
        return function -> loader;
    }

    /**
     * The named functions from their deployment packages (their {@code CodeUri}, relative to the
     * template's folder), each alone in a class loader of its own as in a Lambda container: it
     * sees the JDK and the runtime's interfaces ({@code aws-lambda-java-core}) and nothing else,
     * so a class the package lacks fails here as it would in the cloud. The other functions run
     * from {@code others}.
     *
     * <p>Only one packaged function per event type should take events in one JVM: the runtime's
     * event serializer, one per container in the cloud, remembers event classes by name.
     */
    static FunctionCode packages(Path templateDirectory, Set<String> packaged, ClassLoader others) {
        return function -> {
            if (!packaged.contains(function.name())) {
                return others;
            }
            if (function.codeUri().isEmpty()) {
                throw new StackException("Function " + function.name() + " has no CodeUri in the template");
            }
            Path jar = templateDirectory.resolve(function.codeUri()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(jar)) {
                throw new StackException("Function " + function.name() + ": no deployment package at " + jar + "; build it first (mvn package)");
            }
            return RuntimeInterfaces.PACKAGES.computeIfAbsent(jar, path -> {
                try {
                    return new URLClassLoader(function.name(), new URL[] {path.toUri().toURL()}, RuntimeInterfaces.LOADER);
                } catch (MalformedURLException e) {
                    throw new StackException("Function " + function.name() + ": cannot read " + path, e);
                }
            });
        };
    }

    /** What the Lambda Java runtime itself provides to a function: the interfaces of aws-lambda-java-core. */
    final class RuntimeInterfaces extends ClassLoader {

        static final ClassLoader LOADER = new RuntimeInterfaces();
        /**
         * One loader per package for the whole JVM, as one Lambda container has one: the runtime's
         * event serializer caches what it learns of event classes by name.
         */
        static final Map<Path, ClassLoader> PACKAGES = new ConcurrentHashMap<>();
        private static final String CORE = "com.amazonaws.services.lambda.runtime.";
        private final ClassLoader stack = FunctionCode.class.getClassLoader();

        private RuntimeInterfaces() {
            super("lambda-runtime", ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (name.startsWith(CORE)) {
                String rest = name.substring(CORE.length());
                if (rest.indexOf('.') < 0 || rest.startsWith("logging.")) {
                    return stack.loadClass(name);
                }
            }
            throw new ClassNotFoundException(name);
        }
    }
}
