package io.live2.server.jobs;

import io.live2.server.http.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque pagination cursor of GET /jobs: the (created_at, id) of the last job of a page, base64url-encoded.
 * Keyset pagination stays correct while new jobs arrive and costs one index range scan per page.
 */
record Cursor(long createdAt, String id) {
    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((createdAt + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String s) {
        try {
            String t = new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8);
            int c = t.indexOf(':');
            String id = t.substring(c + 1);
            if (c < 1 || !id.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new IllegalArgumentException();
            }
            return new Cursor(Long.parseLong(t.substring(0, c)), id);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("cursor", "cursor: not a cursor this server issued; pass next_cursor from the previous page");
        }
    }
}
