package eu.s3cop.core;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * What every function's handler shares with SnapStart: it is registered for the checkpoint,
 * primes itself before the snapshot is taken, and has nothing to renew after a restore, since
 * clients resolve credentials and open connections on first use.
 */
public abstract class PrimedHandler implements Resource {

    protected PrimedHandler() {
        // Only the checkpoint calls back, long after every constructor has finished.
        Core.getGlobalContext().register(this);
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
