package eu.s3cop.testing;

import eu.s3cop.stack.LocalCloud;
import eu.s3cop.stack.StackSettings;
import eu.s3cop.stack.lambda.FunctionCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one local stack per test class, on first use, and stops it after the class. Tests in a
 * class share it, so each should use keys of its own.
 */
public final class LocalAwsExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalAwsExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalCloud.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent("stack", key -> new RunningStack(start(classContext)), RunningStack.class)
                .stack();
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static LocalCloud start(ExtensionContext classContext) {
        LocalAws annotation = classContext.getRequiredTestClass().getAnnotation(LocalAws.class);
        Map<String, String> parameters = new LinkedHashMap<>();
        if (annotation != null) {
            for (String assignment : annotation.parameters()) {
                int equals = assignment.indexOf('=');
                if (equals <= 0) {
                    throw new ParameterResolutionException("@LocalAws parameters are Name=Value, got '" + assignment + "'");
                }
                parameters.put(assignment.substring(0, equals), assignment.substring(equals + 1));
            }
        }
        StackSettings settings = StackSettings.ephemeral().withParameters(parameters);
        if (annotation != null && annotation.packaged().length > 0) {
            settings = settings.withCode(FunctionCode.packages(ProjectFiles.root(), Set.of(annotation.packaged()),
                    Thread.currentThread().getContextClassLoader()));
        }
        return LocalCloud.start(ProjectFiles.template(), settings);
    }

    /** Closed by JUnit when the class's store is discarded. */
    private record RunningStack(LocalCloud stack) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stack.close();
        }
    }
}
