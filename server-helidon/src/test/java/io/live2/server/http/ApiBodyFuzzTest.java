package io.live2.server.http;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.live2.server.auth.Scope;
import io.live2.server.jobs.JobService;

/**
 * Jazzer fuzz target for the API's body parsing in process: the bytes of a request body through JsonBody and the
 * readers of POST /jobs (JobService.parse, which hands "simulation" to the config parser), POST /keys and the
 * credentials of /auth. The only allowed failure is an ApiException with a 4xx status and a one-line message, which
 * the routes render in the error shape. In a normal run it replays its committed corpus (ApiBodyFuzzTestInputs/parse);
 * `live drill fuzz` sends the same kind of bodies over HTTP to every route.
 */
class ApiBodyFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse(FuzzedDataProvider data) {
        int route = data.consumeInt(0, 2);
        byte[] body = data.consumeRemainingAsBytes();
        try {
            JsonBody b = JsonBody.parse(body);
            switch (route) {
                case 0 -> JobService.parse(b);
                case 1 -> {
                    b.text("name", 1, 100);
                    b.optionalStrings("scopes", Scope.WIRE_NAMES);
                    b.done();
                }
                default -> {
                    b.text("email", 3, 254);
                    b.text("password", 10, 200);
                    b.done();
                }
            }
        } catch (ApiException e) {
            String m = e.getMessage();
            if (e.status() < 400 || e.status() > 499 || m == null || m.isBlank() || m.contains("\n")) {
                throw new AssertionError("want a 4xx with a one-line message, got " + e.status() + ": " + m, e);
            }
        }
    }
}
