package io.live2.jobs;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/** HMAC-SHA256 helpers shared by signed download URLs and signed callbacks. */
public final class SignedUrls {
    private SignedUrls() {
    }

    /** Hex HMAC-SHA256 of the message under the key. */
    public static String hmacHex(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The string a download URL signs: the key and the expiry (epoch seconds). */
    public static String downloadMessage(String key, long expiresEpochSeconds) {
        return "GET\n" + key + "\n" + expiresEpochSeconds;
    }

    /** Constant-time comparison of two hex signatures. */
    public static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
