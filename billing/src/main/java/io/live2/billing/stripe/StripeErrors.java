package io.live2.billing.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;

import java.util.regex.Pattern;

/** Turns stripe-java's checked exceptions into this package's unchecked ones, with the secret key kept out. */
final class StripeErrors {

    /** Anything shaped like a Stripe secret or restricted key, masked or not (Stripe echoes keys in 401 messages). */
    private static final Pattern KEY_LIKE = Pattern.compile("\\b(sk|rk)_(test|live)_[A-Za-z0-9*_]*");
    private static final int MAX_DETAIL = 200;

    private StripeErrors() {
    }

    static StripeGatewayException translate(String operation, StripeException e, String secretKey) {
        int status = e.getStatusCode() == null ? 0 : e.getStatusCode();
        String message = "Stripe " + operation + " failed: " + describe(e, status) + detail(e, secretKey)
                + (e.getRequestId() == null ? "" : " (request " + e.getRequestId() + ")");
        if (isUnavailable(e, status)) {
            return new StripeUnavailableException(message, status, e.getCode());
        }
        return new StripeRequestRejectedException(message, status, e.getCode());
    }

    private static boolean isUnavailable(StripeException e, int status) {
        return e instanceof ApiConnectionException || e instanceof AuthenticationException
                || e instanceof PermissionException || e instanceof RateLimitException
                || status == 0 || status >= 500;
    }

    private static String describe(StripeException e, int status) {
        if (e instanceof ApiConnectionException) {
            return "no answer (network error or timeout)";
        }
        return "HTTP " + status + (e.getCode() == null ? "" : " " + e.getCode());
    }

    /** Stripe's own explanation ("No such price: 'price_x'"), first line only, keys masked, length capped. */
    private static String detail(StripeException e, String secretKey) {
        String text = e.getStripeError() != null && e.getStripeError().getMessage() != null
                ? e.getStripeError().getMessage() : null;
        if (text == null || text.isBlank() || e instanceof ApiConnectionException) {
            return "";
        }
        String line = text.lines().findFirst().orElse("").strip();
        if (secretKey != null && !secretKey.isEmpty()) {
            line = line.replace(secretKey, "[secret key]");
        }
        line = KEY_LIKE.matcher(line).replaceAll("[secret key]");
        if (line.length() > MAX_DETAIL) {
            line = line.substring(0, MAX_DETAIL) + "…";
        }
        return line.isEmpty() ? "" : " — " + line;
    }
}
