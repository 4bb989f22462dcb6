package io.live2.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Limits answer 429 with Retry-After, per key and per login address; run on both limiter implementations. */
abstract class RateLimitContract {
    abstract TestServer.Kind kind();

    @Test
    void aKeyOverItsLimitGets429WithRetryAfterAndOtherKeysDoNot(@TempDir Path data) {
        try (TestServer srv = TestServer.start(kind(), data, Map.of(),
                "{\"limits\": {\"key_per_minute\": 5, \"login_per_minute\": 3, \"ip_per_minute\": 1000}}")) {
            String a = srv.newUserKey("rl-a-" + UUID.randomUUID() + "@example.org");
            String b = srv.newUserKey("rl-b-" + UUID.randomUUID() + "@example.org");
            int ok = 0;
            TestServer.Response last = null;
            // 11 requests cross at most one window boundary, so at most 10 of them can pass
            for (int i = 0; i < 11; i++) {
                last = srv.get("/api/v1/jobs", a);
                if (last.status() == 200) {
                    ok++;
                } else {
                    break;
                }
            }
            assertTrue(ok >= 5 && ok <= 10, "the limit passes, then no more: " + ok);
            ApiContract.assertErrorShape(last, 429);
            long retry = Long.parseLong(last.header("Retry-After"));
            assertTrue(retry >= 1 && retry <= 60, "Retry-After within the window: " + retry);
            assertEquals(200, srv.get("/api/v1/jobs", b).status(), "another key has its own budget");

            String email = "rl-c-" + UUID.randomUUID() + "@example.org";
            srv.post("/api/v1/auth/register", null, "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}");
            int denied = 0;
            // 8 attempts at 3 a minute: even if they straddle a window boundary at most 6 pass, so at least 2 are refused
            for (int i = 0; i < 8; i++) {
                TestServer.Response r = srv.post("/api/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"wrong password!!\"}");
                if (r.status() == 429) {
                    denied++;
                    assertTrue(r.header("Retry-After") != null);
                } else {
                    assertEquals(401, r.status());
                }
            }
            assertTrue(denied >= 2, "login attempts are throttled per email: " + denied);
        }
    }
}
