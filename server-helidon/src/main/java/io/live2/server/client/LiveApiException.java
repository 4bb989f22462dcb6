package io.live2.server.client;

/**
 * An error answer of the API, parsed from its one error shape.
 *
 * @see <a href="../../../../../../../../docs/server.md">docs/server.md</a>
 */
public final class LiveApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final String field;
    private final String requestId;
    private final long retryAfterSeconds;

    public LiveApiException(int status, String code, String message, String field, String requestId, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
        this.requestId = requestId;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }

    public String requestId() {
        return requestId;
    }

    /** From Retry-After on 429 and 503; 0 otherwise. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
