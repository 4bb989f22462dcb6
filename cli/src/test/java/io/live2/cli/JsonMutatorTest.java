package io.live2.cli;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fuzz drill's mutator is deterministic by (seed, target, index), varied, bounded; its route list follows OpenAPI. */
class JsonMutatorTest {
    private static final String SEED = "{\"simulation\":{\"preset\":\"miller-urey\",\"particles\":100},\"capacity\":\"spot\",\"tags\":[1,2]}";

    @Test
    void theSameSeedTargetAndIndexGiveTheSameMutant() {
        JsonMutator a = new JsonMutator(SEED, 42, 4096);
        JsonMutator b = new JsonMutator(SEED, 42, 4096);
        for (int i = 0; i < 200; i++) {
            assertArrayEquals(a.mutant(3, i).body(), b.mutant(3, i).body(), "input " + i);
        }
        assertTrue(!Arrays.equals(a.mutant(3, 0).body(), new JsonMutator(SEED, 43, 4096).mutant(3, 0).body())
                || !Arrays.equals(a.mutant(3, 1).body(), new JsonMutator(SEED, 43, 4096).mutant(3, 1).body()), "another seed, other inputs");
    }

    @Test
    void mutantsAreVariedAndWithinTheLimit() {
        JsonMutator m = new JsonMutator(SEED, 1, 4096);
        Set<String> kinds = new HashSet<>();
        Set<String> bodies = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            JsonMutator.Mutant x = m.mutant(0, i);
            assertTrue(x.body().length <= 4096, "input " + i + " is " + x.body().length + " bytes");
            bodies.add(new String(x.body(), java.nio.charset.StandardCharsets.ISO_8859_1));
            for (String op : x.ops().split(",")) {
                kinds.add(op.split(" ")[0].replaceAll("x\\d+$", "").replaceAll("=.*", ""));
            }
        }
        assertTrue(bodies.size() > 1500, bodies.size() + " distinct of 2000");
        for (String k : List.of("add", "drop", "rename", "retype", "duplicate", "truncate", "bitflip", "invalid", "content-type", "empty")) {
            assertTrue(kinds.contains(k), k + " never used; used: " + kinds);
        }
    }

    @Test
    void routesWithBodiesComeFromTheOpenApiDescription() {
        String yaml = """
                openapi: 3.0.3
                paths:
                  /jobs:
                    post:
                      requestBody: {required: true}
                    get:
                      summary: list
                  /keys/{id}:
                    delete:
                      summary: revoke
                  /internal/callbacks:
                    post:
                      servers:
                      - url: /
                components:
                  schemas: {}
                """;
        List<ApiRoutesWithBodies.Route> r = ApiRoutesWithBodies.parse(yaml);
        assertEquals(List.of(new ApiRoutesWithBodies.Route("POST", "/jobs", true, false),
                new ApiRoutesWithBodies.Route("DELETE", "/keys/{id}", false, false),
                new ApiRoutesWithBodies.Route("POST", "/internal/callbacks", false, true)), r);
    }
}
