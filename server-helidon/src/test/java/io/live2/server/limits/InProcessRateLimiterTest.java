package io.live2.server.limits;

import java.time.Clock;

class InProcessRateLimiterTest extends RateLimiterContract {
    @Override
    RateLimiter create(Clock clock) {
        return new InProcessRateLimiter(clock);
    }
}
