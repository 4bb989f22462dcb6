package io.live2.server.admission;

/**
 * The shared admission counts (Redis) cannot be reached: a submission answers 503 with Retry-After instead of a 500.
 * Admission fails closed here, unlike the rate limiter, which degrades to in-process counts: a guardrail counted by
 * one replica alone would let a user run more parallel jobs than the tier allows across replicas.
 */
public final class LedgerUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
