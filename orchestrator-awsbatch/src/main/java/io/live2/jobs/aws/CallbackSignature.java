package io.live2.jobs.aws;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The callback signature: {@code X-Live-Signature = hex(HMAC-SHA256(key, timestamp + "." + body))} with
 * {@code X-Live-Timestamp} = Unix seconds. The key is per job: {@link #jobKey} derives it from the API's master secret,
 * so a worker (and anyone who reads its Batch job description) can only sign callbacks for its own job.
 */
public final class CallbackSignature {
    public static final String TIMESTAMP_HEADER = "X-Live-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Live-Signature";
    /** The worker's environment variable holding its per-job callback key (hex; its UTF-8 bytes are the HMAC key), the variable JobEventListenerProvider documents. */
    public static final String KEY_ENV = "LIVE_CALLBACK_SECRET";

    private CallbackSignature() {
    }

    /** hex(HMAC-SHA256(key, timestamp + "." + body)). */
    public static String sign(byte[] key, long timestamp, String body) {
        return HexFormat.of().formatHex(hmac(key, (timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    /** The per-job key: HMAC-SHA256(master, "live-callback-v1:" + jobId), hex. */
    public static String jobKey(byte[] master, String jobId) {
        return HexFormat.of().formatHex(hmac(master, ("live-callback-v1:" + jobId).getBytes(StandardCharsets.UTF_8)));
    }

    /** Constant-time comparison of two hex signatures. */
    public static boolean matches(String expectedHex, String givenHex) {
        if (givenHex == null) {
            return false;
        }
        return MessageDigest.isEqual(expectedHex.getBytes(StandardCharsets.US_ASCII),
                givenHex.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] hmac(byte[] key, byte[] data) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("callback key is empty");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The W3C trace context of a job, derived from its id alone (trace id: the first 16 bytes of SHA-256 of the id;
     * parent id: the next 8), so the API's log lines for the job and every callback of its worker share one trace
     * id without the spec carrying it.
     */
    public static String traceparent(String jobId) {
        try {
            String h = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(jobId.getBytes(StandardCharsets.UTF_8)));
            return "00-" + h.substring(0, 32) + "-" + h.substring(32, 48) + "-01";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
