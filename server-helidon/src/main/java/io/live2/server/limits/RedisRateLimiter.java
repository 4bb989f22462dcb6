package io.live2.server.limits;

import io.live2.server.auth.Secrets;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.time.Clock;
import java.util.List;

/**
 * The fixed-window limiter shared by every server replica through Redis. One Lua script counts and reads the
 * count atomically (INCR, PEXPIRE on the first hit of a window, PTTL), so concurrent replicas never admit more than
 * the limit. Keys are {@code live:rl:<sha256 of the bucket>:<window index>}: any user-supplied bucket text is safe
 * and every replica derives the same key from the same clock second. The window index comes from the server's
 * clock (replicas are assumed NTP-synchronised; a skew of s seconds shifts a window boundary by s).
 */
public final class RedisRateLimiter implements RateLimiter {
    private static final String SCRIPT = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return {n, redis.call('PTTL', KEYS[1])}
            """;
    private final RedissonClient redis;
    private final Clock clock;

    public RedisRateLimiter(RedissonClient redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public Decision acquire(String key, Limit limit) {
        long w = limit.window().toMillis();
        long now = clock.millis();
        long index = now / w;
        long untilEnd = (index + 1) * w - now;
        String redisKey = "live:rl:" + Secrets.sha256Hex(key) + ":" + index;
        List<Long> r = redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, SCRIPT, RScript.ReturnType.MULTI,
                List.of(redisKey), Long.toString(untilEnd + 1000));
        long count = r.get(0);
        if (count <= limit.permits()) {
            return new Decision(true, (int) (limit.permits() - count), 0);
        }
        return new Decision(false, 0, Math.max(1, (untilEnd + 999) / 1000));
    }

    @Override
    public boolean healthy() {
        return RedisClients.ping(redis);
    }

    @Override
    public void close() {
        // the client belongs to whoever created it (the server closes it once for the limiter and the bus)
    }
}
