package io.live2.server.limits;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The limiter replicas share: each key's count in each window is one Redis counter, so the limit holds for the whole
 * deployment, not per replica.
 *
 * <p>Counting is one Lua script (increment, and on first use set the expiry), which Redis runs atomically: replicas
 * acquiring at once never admit more than the limit, and no counter is ever left without an expiry.
 *
 * <p>The window index comes from this process's clock, not Redis's: every replica with a sane clock agrees on it, tests
 * can move time by passing a clock, and Retry-After comes from the same clock as the index, so the two never disagree.
 * The counter lives until its window ends plus {@link #CLOCK_SKEW_GRACE}, so a replica whose clock runs slightly behind
 * still finds the count instead of starting a fresh one; old windows then vanish on their own, keeping Redis's memory
 * bounded without any sweeping.
 *
 * <p>Keys in Redis are {@code live:rl:<sha-256 of the key>:<window ms>:<window index>}: hashing makes any client-supplied
 * key (unicode, colons, braces, megabytes) a short, safe name.
 *
 * <p>The Redisson client is the caller's: {@link #close()} leaves it open (one client usually serves several users).
 * When Redis does not answer, {@link #acquire} throws Redisson's {@code RedisException} within the client's timeout; the
 * caller chooses whether that admits or refuses the request.
 */
public final class RedisRateLimiter implements RateLimiter {

    /** How long a counter outlives its window, to absorb clock differences between replicas. */
    static final Duration CLOCK_SKEW_GRACE = Duration.ofSeconds(1);

    private static final String KEY_PREFIX = "live:rl:";

    /**
     * KEYS[1] the counter, ARGV[1] its time to live in ms, ARGV[2] how many permits to take, ARGV[3] the limit;
     * returns how many were granted (0 when the window's permits are gone) and the count before this call.
     */
    private static final String LEASE_SCRIPT = """
            local want = tonumber(ARGV[2])
            local count = redis.call('INCRBY', KEYS[1], want)
            if redis.call('PTTL', KEYS[1]) < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
            end
            local before = count - want
            local permits = tonumber(ARGV[3])
            if before >= permits then
              return {0, before}
            end
            return {math.min(want, permits - before), before}
            """;

    /**
     * Permits taken from Redis in one call for a limit of {@code permits} per window: 1 (exact counting) up to 199,
     * then one per 200 of the limit, at most 50. A replica spends a batch locally; permits it leased but did not use
     * when the window ends are lost, so replicas can under-admit by at most a batch each, never over-admit.
     */
    static int batchFor(int permits) {
        return Math.max(1, Math.min(50, permits / 200));
    }

    /** The permits this replica holds for one counter in one window. */
    private static final class Lease {
        long index = Long.MIN_VALUE;
        long available;
        long countAtLease;
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Lease> leases = new java.util.concurrent.ConcurrentHashMap<>();

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(1);

    private final RedissonClient redisson;
    private final Clock clock;

    /** @param redisson the caller's client, left open by {@link #close()}; @param clock decides the window */
    public RedisRateLimiter(RedissonClient redisson, Clock clock) {
        this.redisson = Objects.requireNonNull(redisson, "redisson");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The production limiter: windows by the UTC system clock. */
    public static RedisRateLimiter withSystemClock(RedissonClient redisson) {
        return new RedisRateLimiter(redisson, Clock.systemUTC());
    }

    @Override
    public Decision acquire(String key, Limit limit) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(limit, "limit");
        FixedWindow window = FixedWindow.containing(clock.millis(), limit.window());
        String redisKey = redisKey(key, limit.window(), window.index());
        int batch = batchFor(limit.permits());
        Lease lease = batch == 1 ? null : leases.computeIfAbsent(redisKey, k -> new Lease());
        if (lease != null) {
            synchronized (lease) {
                if (lease.index == window.index() && lease.available > 0) {
                    lease.available--;
                    return new Decision(true, (int) Math.max(0, limit.permits() - lease.countAtLease - (batch - lease.available)), 0);
                }
            }
        }
        long timeToLiveMillis = window.millisLeft() + CLOCK_SKEW_GRACE.toMillis();
        List<Long> r = redisson.getScript(StringCodec.INSTANCE).eval(
                RScript.Mode.READ_WRITE, LEASE_SCRIPT, RScript.ReturnType.MULTI,
                List.of(redisKey), Long.toString(timeToLiveMillis), Integer.toString(batch), Integer.toString(limit.permits()));
        long granted = r.get(0);
        long before = r.get(1);
        if (granted == 0) {
            return new Decision(false, 0, window.retryAfterSeconds());
        }
        if (lease != null) {
            synchronized (lease) {
                if (lease.index == window.index()) {
                    lease.available += granted - 1; // threads that leased at once keep every permit they were granted
                    lease.countAtLease = Math.max(lease.countAtLease, before);
                } else {
                    lease.index = window.index();
                    lease.available = granted - 1;
                    lease.countAtLease = before;
                }
            }
            if (leases.size() > 100_000) {
                leases.entrySet().removeIf(e -> e.getValue().index < window.index());
            }
        }
        return new Decision(true, (int) Math.max(0, limit.permits() - before - 1), 0);
    }

    /** Whether Redis answers within a second; false rather than an exception when it does not. */
    @Override
    public boolean healthy() {
        return RedisClients.isAnswering(redisson, HEALTH_TIMEOUT);
    }

    /** Nothing to release: the Redisson client belongs to the caller, and counters expire by themselves. */
    @Override
    public void close() {
    }

    /** The Redis key of a client key's counter in one window. */
    static String redisKey(String key, Duration window, long windowIndex) {
        return KEY_PREFIX + sha256Hex(key) + ":" + window.toMillis() + ":" + windowIndex;
    }

    /** Hashes the UTF-16 code units themselves, so even strings with unpaired surrogates map to distinct names. */
    private static String sha256Hex(String key) {
        ByteBuffer codeUnits = ByteBuffer.allocate(key.length() * Character.BYTES);
        codeUnits.asCharBuffer().put(key);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(codeUnits.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
