package io.live2.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drill 6's first part in the suite (it takes seconds): another user's ids get 404 on every route, no secret in any file. */
class TenancyDrillTest {
    @Test
    void anotherUsersIdsAre404EverywhereAndNoSecretIsWritten(@TempDir Path tmp) {
        CliHarness.Outcome o = CliHarness.run("drill", "tenancy", "--dir", tmp.toString());
        assertEquals(0, o.exitCode(), o.out() + o.err());
        assertTrue(o.out().contains("verified: every call on another user's job or key answered 404"), o.out());
        Matcher m = Pattern.compile("(\\d+) calls checked").matcher(o.out());
        assertTrue(m.find() && Integer.parseInt(m.group(1)) >= 10, "the drill found too few routes to mean anything: " + o.out());
        assertTrue(o.out().contains("DELETE /keys/{id} as B") && o.out().contains("POST /jobs/{id}/cancel as B"), o.out());
    }

    @Test
    void routesWithIdsComeFromTheOpenApiPathsAndTheirMethods() {
        String yaml = """
                paths:
                  /jobs:
                    get:
                      summary: list
                    post:
                      summary: submit
                  /jobs/{id}:
                    get:
                      summary: one
                  /keys/{id}:
                    delete:
                      summary: revoke
                components:
                  schemas: {}
                """;
        assertEquals(Map.of("/jobs/{id}", List.of("GET"), "/keys/{id}", List.of("DELETE")), TenancyDrill.routesWithIds(yaml));
    }
}
