package io.live2.server.wiring;

import io.live2.server.admission.AdmissionLedger;
import io.live2.server.admission.RedisAdmissionLedger;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.live2.server.limits.DegradingRateLimiter;
import io.live2.server.limits.InProcessRateLimiter;
import io.live2.server.limits.RateLimiter;
import io.live2.server.limits.RedisClients;
import io.live2.server.limits.RedisRateLimiter;
import io.live2.server.progress.ProgressBus;
import io.live2.server.progress.RedisProgressBus;
import io.live2.server.settings.ServerSettings;
import org.redisson.api.RedissonClient;

import java.time.Clock;

/** Production: rate limits and the live-progress fan-out shared by every replica through Redis (Redisson). */
final class RedisModule extends AbstractModule {
    @Provides
    @Singleton
    RedissonClient redisson(ServerSettings s) {
        return RedisClients.create(s.redisUrl());
    }

    @Provides
    @Singleton
    RateLimiter limiter(RedissonClient redis, Clock clock) {
        return new DegradingRateLimiter(new RedisRateLimiter(redis, clock), new InProcessRateLimiter(clock));
    }

    @Provides
    @Singleton
    ProgressBus bus(RedissonClient redis) {
        return new RedisProgressBus(redis);
    }

    /** Admission counts in Redis, atomic by Lua script and shared by every replica. */
    @Provides
    @Singleton
    AdmissionLedger ledger(RedissonClient redis, ServerSettings s, Clock clock) {
        return new RedisAdmissionLedger(redis, "live:" + s.environment() + ":admission:", clock);
    }
}
