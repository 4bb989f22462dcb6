package io.live2.server.db;

/** The idempotency key was used before with a different request body: answered 409. */
public final class IdempotencyConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IdempotencyConflictException() {
        super("idempotency_key: already used with a different request; use a new key for a new job", null, false, false);
    }
}
