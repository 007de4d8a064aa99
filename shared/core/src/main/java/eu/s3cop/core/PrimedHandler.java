package eu.s3cop.core;

import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * What every function's handler shares: its environment, read once; its AWS clients; its log lines and metrics,
 * which name the namespace the template gives; and SnapStart. It is registered for the
 * checkpoint, primes itself before the snapshot is taken, and has nothing to renew after a
 * restore, since clients resolve credentials and open connections on first use.
 */
public abstract class PrimedHandler implements Resource {

    private final FunctionEnvironment environment;
    private final AwsClients clients;

    /** @param variables the process environment on Lambda, the template's environment locally */
    protected PrimedHandler(Map<String, String> variables) {
        this.environment = FunctionEnvironment.of(variables);
        this.clients = AwsClients.from(environment);
        // Only the checkpoint calls back, long after every constructor has finished.
        Core.getGlobalContext().register(this);
    }

    protected final FunctionEnvironment environment() {
        return environment;
    }

    /** The function's AWS clients, each made on first use and shared by all its services. */
    protected final AwsClients clients() {
        return clients;
    }

    /** The log of one invocation, whose lines all name what it works on, such as {@code key}. */
    protected final InvocationLog log(com.amazonaws.services.lambda.runtime.Context context, String field, String value) {
        return InvocationLog.of(context, environment.metricsNamespace(), field, value);
    }

    /** Loads and runs what a first request would, without reaching AWS or storing anything. */
    protected abstract void prime();

    @Override
    public final void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public final void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew.
    }
}
