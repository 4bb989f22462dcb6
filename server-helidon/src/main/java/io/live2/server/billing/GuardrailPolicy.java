package io.live2.server.billing;

/**
 * Whether a user may start a job now (tier limits, subscription, cost ceiling). The billing module supplies the
 * real policy; until then {@link PermissiveGuardrails} admits every job.
 */
public interface GuardrailPolicy {
    Verdict check(String userId, Estimator.Estimate estimate, String capacity);

    /**
     * @param reason machine-readable (subscription_inactive, parallel_limit, daily_limit, runtime_limit, cost_limit,
     *               capacity_not_allowed); null when allowed
     */
    record Verdict(boolean allowed, String reason, String message) {
        public static final Verdict ALLOW = new Verdict(true, null, null);
    }
}
