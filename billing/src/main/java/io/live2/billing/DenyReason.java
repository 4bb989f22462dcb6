package io.live2.billing;

import java.util.Locale;

/** Why a job was refused; the wire names are the API's machine-readable error codes. */
public enum DenyReason {
    SUBSCRIPTION_INACTIVE, PARALLEL_LIMIT, DAILY_LIMIT, RUNTIME_LIMIT, COST_LIMIT, CAPACITY_NOT_ALLOWED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
