package io.live2.server.billing;

/** The default until billing is configured: every job is allowed (a single-user embedded server has no tiers). */
public final class PermissiveGuardrails implements GuardrailPolicy {
    @Override
    public Verdict check(String userId, Estimator.Estimate estimate, String capacity) {
        return Verdict.ALLOW;
    }
}
