package io.live2.server.admission;

import io.live2.billing.DenyReason;
import io.live2.billing.Usage;
import io.live2.server.limits.RedisClients;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.ScoredEntry;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Admission counts in Redis, shared by every server replica: per user a sorted set of running job ids (scored by
 * the time of their reservation) and a set per UTC day of admitted job ids (kept 48 h), plus each job's day. Each operation is one Lua script, so the check and the
 * take are atomic; sets make every operation idempotent per job id and repairable from the database's truth.
 * Written for a single Redis server (the day set's key is derived inside the release script, which Redis Cluster
 * would not allow).
 */
public final class RedisAdmissionLedger implements AdmissionLedger {
    /** How long a day's admitted set and a job's day are kept: past any day a job can be admitted or canceled on. */
    static final Duration DAY_KEY_TTL = Duration.ofHours(48);
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(1);

    // KEYS: running sorted set, day set, job-day key. ARGV: job id, parallel limit, daily limit, ttl seconds, day, now ms.
    // Returns {granted 0|1, running before, today before, reason 0 none | 1 parallel | 2 daily}.
    private static final String RESERVE = """
            local running = redis.call('ZCARD', KEYS[1])
            local today = redis.call('SCARD', KEYS[2])
            if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 or redis.call('EXISTS', KEYS[3]) == 1 then
              return {1, running, today, 0}
            end
            if running >= tonumber(ARGV[2]) then return {0, running, today, 1} end
            if today >= tonumber(ARGV[3]) then return {0, running, today, 2} end
            redis.call('ZADD', KEYS[1], ARGV[6], ARGV[1])
            redis.call('SADD', KEYS[2], ARGV[1])
            redis.call('EXPIRE', KEYS[2], ARGV[4])
            redis.call('SET', KEYS[3], ARGV[5], 'EX', ARGV[4])
            return {1, running, today, 0}
            """;

    // KEYS: running sorted set, job-day key. ARGV: job id, day-set key prefix (the day is appended).
    private static final String CANCEL = """
            redis.call('ZREM', KEYS[1], ARGV[1])
            local day = redis.call('GET', KEYS[2])
            if day then redis.call('SREM', ARGV[2] .. day, ARGV[1]) end
            redis.call('DEL', KEYS[2])
            return 1
            """;

    // KEYS: running sorted set, day set. Returns {running, today} read together.
    private static final String USAGE = """
            return {redis.call('ZCARD', KEYS[1]), redis.call('SCARD', KEYS[2])}
            """;

    private final RedissonClient redis;
    private final String prefix;
    private final Clock clock;

    /** @param prefix key prefix, e.g. "live:prod:admission:" (tests use one of their own) */
    public RedisAdmissionLedger(RedissonClient redis, String prefix, Clock clock) {
        this.redis = redis;
        this.prefix = prefix;
        this.clock = clock;
    }

    private String running(String userId) {
        return prefix + "run:" + userId;
    }

    private String dayPrefix(String userId) {
        return prefix + "day:" + userId + ":";
    }

    private String jobDay(String jobId) {
        return prefix + "job:" + jobId;
    }

    private List<Long> eval(String script, List<Object> keys, Object... args) {
        return unlessDown(() -> redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, script, RScript.ReturnType.MULTI, keys, args));
    }

    /** Redis not answering becomes {@link LedgerUnavailableException} (503 with Retry-After), not a 500. */
    private static <T> T unlessDown(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (RedisException e) {
            throw new LedgerUnavailableException("admission counts: Redis does not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public Reservation reserve(String userId, String jobId, LocalDate day, int parallelLimit, int dailyLimit) {
        List<Long> r = eval(RESERVE, List.of(running(userId), dayPrefix(userId) + day, jobDay(jobId)),
                jobId, Integer.toString(parallelLimit), Integer.toString(dailyLimit), Long.toString(DAY_KEY_TTL.toSeconds()), day.toString(),
                Long.toString(clock.millis()));
        Usage before = new Usage(r.get(1).intValue(), r.get(2).intValue());
        if (r.get(0) == 1) {
            return new Reservation(true, null, before);
        }
        return new Reservation(false, r.get(3) == 1 ? DenyReason.PARALLEL_LIMIT : DenyReason.DAILY_LIMIT, before);
    }

    @Override
    public void release(String userId, String jobId) {
        unlessDown(() -> redis.getScoredSortedSet(running(userId), StringCodec.INSTANCE).remove(jobId));
    }

    @Override
    public void cancelReservation(String userId, String jobId) {
        unlessDown(() -> redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, CANCEL, RScript.ReturnType.INTEGER,
                List.of(running(userId), jobDay(jobId)), jobId, dayPrefix(userId)));
    }

    @Override
    public Usage usage(String userId, LocalDate day) {
        List<Long> r = eval(USAGE, List.of(running(userId), dayPrefix(userId) + day));
        return new Usage(r.get(0).intValue(), r.get(1).intValue());
    }

    @Override
    public Map<String, Map<String, Long>> running() {
        return unlessDown(this::runningNow);
    }

    private Map<String, Map<String, Long>> runningNow() {
        Map<String, Map<String, Long>> out = new HashMap<>();
        String pattern = prefix + "run:";
        redis.getKeys().getKeysStreamByPattern(pattern + "*").forEach(key -> {
            Map<String, Long> jobs = new HashMap<>();
            for (ScoredEntry<Object> e : redis.<Object>getScoredSortedSet(key, StringCodec.INSTANCE).entryRange(0, -1)) {
                jobs.put(String.valueOf(e.getValue()), e.getScore().longValue());
            }
            if (!jobs.isEmpty()) {
                out.put(key.substring(pattern.length()), jobs);
            }
        });
        return out;
    }

    @Override
    public boolean healthy() {
        return RedisClients.isAnswering(redis, HEALTH_TIMEOUT);
    }
}
