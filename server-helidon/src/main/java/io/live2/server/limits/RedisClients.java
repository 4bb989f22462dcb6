package io.live2.server.limits;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.redisson.Redisson;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;

/**
 * Makes the one Redisson client a server shares between its Redis rate limiter and progress bus, and checks that
 * Redis answers. The settings favour a quick "no" over waiting: a request that needs Redis while it is down should
 * fail within a few seconds (and readiness should say so), not hang on Redisson's defaults.
 */
public final class RedisClients {

    /** How long to wait for a connection and for each reply. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static final int RETRY_ATTEMPTS = 1;
    private static final Duration RETRY_DELAY = Duration.ofMillis(200);

    private RedisClients() {
    }

    /**
     * A client for a single Redis server. It connects lazily, so it can be made while Redis is down (the server then
     * starts and reports not ready); the caller owns it and shuts it down.
     *
     * @param url {@code redis://host:port} or {@code rediss://host:port} (TLS), optionally with
     *            {@code user:password@} before the host
     */
    public static RedissonClient create(String url) {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
            throw new IllegalArgumentException("url: " + url + " is not a Redis address; allowed redis://host:port or rediss://host:port");
        }
        Config config = new Config();
        config.setLazyInitialization(true);
        // the progress bus relies on Redisson delivering each channel's messages in order (the default; stated here
        // so a later change of default cannot silently reorder a job's events)
        config.setKeepPubSubOrder(true);
        config.useSingleServer()
                .setAddress(url)
                .setConnectTimeout(millis(TIMEOUT))
                .setTimeout(millis(TIMEOUT))
                .setRetryAttempts(RETRY_ATTEMPTS)
                .setRetryDelay(new ConstantDelay(RETRY_DELAY))
                .setConnectionMinimumIdleSize(1)
                .setSubscriptionConnectionMinimumIdleSize(1);
        return Redisson.create(config);
    }

    /**
     * Whether Redis runs a trivial script within the timeout. A script rather than PING because the limiter needs
     * scripting, and because it works the same on a single server, a sentinel set or a cluster. Never throws.
     */
    public static boolean isAnswering(RedissonClient redisson, Duration timeout) {
        CompletableFuture<Long> reply = null;
        try {
            reply = redisson.getScript(StringCodec.INSTANCE)
                    .<Long>evalAsync(RScript.Mode.READ_ONLY, "return 1", RScript.ReturnType.INTEGER)
                    .toCompletableFuture();
            return Long.valueOf(1).equals(reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return false;
        } finally {
            if (reply != null) {
                reply.cancel(false);
            }
        }
    }

    private static int millis(Duration duration) {
        return Math.toIntExact(duration.toMillis());
    }
}
