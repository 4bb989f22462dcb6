package io.live2.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random tokens and identifiers, and the SHA-256 under which API keys and refresh tokens are stored. */
public final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private Secrets() {
    }

    /** URL-safe random text of {@code bytes} random bytes. */
    public static String token(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** An identifier like {@code j_k3v9...} (prefix + 20 random lower-case letters and digits, ~103 bits). */
    public static String id(String prefix) {
        StringBuilder sb = new StringBuilder(prefix).append('_');
        for (int i = 0; i < 20; i++) {
            sb.append(ID_CHARS[RANDOM.nextInt(ID_CHARS.length)]);
        }
        return sb.toString();
    }

    /**
     * An identifier of the same shape as {@link #id} derived from {@code material} (SHA-256): the same material
     * always gives the same id, so concurrent requests for one thing agree on its id before any of them stored it.
     */
    public static String derivedId(String prefix, String material) {
        byte[] h = HexFormat.of().parseHex(sha256Hex(material));
        StringBuilder sb = new StringBuilder(prefix).append('_');
        for (int i = 0; i < 20; i++) {
            sb.append(ID_CHARS[(h[i] & 0xff) % ID_CHARS.length]);
        }
        return sb.toString();
    }

    /** A prototype cloned per use: cloning is far cheaper than the provider lookup of getInstance on every request. */
    private static final MessageDigest SHA256 = sha256();

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    public static String sha256Hex(String text) {
        MessageDigest md;
        try {
            md = (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            md = sha256();
        }
        return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
