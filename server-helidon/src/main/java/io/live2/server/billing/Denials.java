package io.live2.server.billing;

import io.live2.billing.Verdict;
import io.live2.server.http.ApiException;

/**
 * A guardrail's "no" as the API answers it: 402 without an active subscription (payment would change it), 429
 * with Retry-After for the parallel and daily limits (time will), 422 for runtime, cost and capacity (only a
 * different job or tier will). The body carries the reason code and the numbers behind it.
 */
public final class Denials {
    private Denials() {
    }

    public static ApiException of(Verdict v) {
        int status = switch (v.reason()) {
            case SUBSCRIPTION_INACTIVE -> 402;
            case PARALLEL_LIMIT, DAILY_LIMIT -> 429;
            case RUNTIME_LIMIT, COST_LIMIT, CAPACITY_NOT_ALLOWED -> 422;
        };
        long retry = status == 429 ? Math.max(1, v.retryAfterSeconds()) : 0;
        return new ApiException(status, v.reason().code(), v.message(), null, retry, v.details());
    }
}
