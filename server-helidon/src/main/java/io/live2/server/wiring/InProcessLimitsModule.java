package io.live2.server.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.live2.server.limits.InProcessRateLimiter;
import io.live2.server.limits.RateLimiter;
import io.live2.server.progress.InProcessProgressBus;
import io.live2.server.progress.ProgressBus;

import java.time.Clock;

/** One server, no Redis: rate limits and the live-progress fan-out in this process. */
final class InProcessLimitsModule extends AbstractModule {
    @Provides
    @Singleton
    RateLimiter limiter(Clock clock) {
        return new InProcessRateLimiter(clock);
    }

    @Provides
    @Singleton
    ProgressBus bus() {
        return new InProcessProgressBus();
    }
}
