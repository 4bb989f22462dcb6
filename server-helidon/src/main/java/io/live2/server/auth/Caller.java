package io.live2.server.auth;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is calling: the user, how they proved it and what they may do.
 *
 * @param keyId the API key's id, or null for a session token
 */
public record Caller(String userId, Set<Scope> scopes, String keyId) {

    public static Caller session(String userId) {
        return new Caller(userId, EnumSet.allOf(Scope.class), null);
    }

    public boolean may(Scope s) {
        return scopes.contains(s);
    }

    /** The rate-limit bucket: per key, or per user for a session. */
    public String limitKey() {
        return keyId != null ? "key:" + keyId : "user:" + userId;
    }
}
