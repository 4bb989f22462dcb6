package io.live2.server.limits;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The documented choice when Redis fails: degrade, not fail closed. A request whose shared (Redis) count cannot be
 * taken is counted by this replica's in-process limiter with the same limits, so one replica still enforces its
 * share and the API stays up; readiness reports Redis down meanwhile, and the switch back is automatic.
 */
public final class DegradingRateLimiter implements RateLimiter {
    private static final Logger LOG = Logger.getLogger(DegradingRateLimiter.class.getName());
    private final RateLimiter shared;
    private final RateLimiter local;
    private final AtomicBoolean degraded = new AtomicBoolean();

    public DegradingRateLimiter(RateLimiter shared, RateLimiter local) {
        this.shared = shared;
        this.local = local;
    }

    @Override
    public Decision acquire(String key, Limit limit) {
        try {
            Decision d = shared.acquire(key, limit);
            if (degraded.compareAndSet(true, false)) {
                LOG.warning("rate limits are shared through Redis again");
            }
            return d;
        } catch (RuntimeException e) {
            if (degraded.compareAndSet(false, true)) {
                LOG.warning("Redis does not answer (" + e + "): rate limits are counted in this process until it does");
            }
            return local.acquire(key, limit);
        }
    }

    @Override
    public boolean healthy() {
        return shared.healthy();
    }

    @Override
    public void close() {
        shared.close();
        local.close();
    }
}
