package io.live2.server.http;

/**
 * Every error the API answers with: an HTTP status, a stable machine-readable code, a sentence for people and,
 * when one field of the request is at fault, its path. Rendered as the one error shape by {@link ErrorBodies}.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final String field;
    private final long retryAfterSeconds;
    private final transient java.util.Map<String, Object> details;

    public ApiException(int status, String code, String message, String field, long retryAfterSeconds) {
        this(status, code, message, field, retryAfterSeconds, java.util.Map.of());
    }

    /** @param details the numbers behind the error (a guardrail's limit and current value), rendered as "details" */
    public ApiException(int status, String code, String message, String field, long retryAfterSeconds,
                        java.util.Map<String, Object> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
        this.details = java.util.Map.copyOf(details);
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, null, 0);
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, "invalid_request", message, field, 0);
    }

    public static ApiException validation(String field, String message) {
        return new ApiException(422, "invalid_field", message, field, 0);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what + " not found");
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message);
    }

    public static ApiException tooManyRequests(long retryAfterSeconds) {
        return new ApiException(429, "rate_limited", "too many requests; retry after " + retryAfterSeconds + " s", null,
                retryAfterSeconds);
    }

    public static ApiException unavailable(String message, long retryAfterSeconds) {
        return new ApiException(503, "unavailable", message, null, retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public java.util.Map<String, Object> details() {
        return details;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
