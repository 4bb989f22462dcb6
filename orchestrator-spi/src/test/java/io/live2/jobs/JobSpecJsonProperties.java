package io.live2.jobs;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Hostile input: whatever the document, parsing either succeeds or throws JobRejectedException with a one-line message. */
class JobSpecJsonProperties {

    @Property(tries = 300)
    void arbitraryTextIsRejectedCleanly(@ForAll("hostile") String json) {
        check(json);
    }

    @Property(tries = 300)
    void mutatedValidSpecsAreRejectedCleanly(@ForAll("mutations") String json) {
        check(json);
    }

    private static void check(String json) {
        try {
            JobSpecJson.parse(json);
        } catch (JobRejectedException e) {
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withChars("{}[]\":,0123456789.-eE truefalsn\\").ofMaxLength(120),
                Arbitraries.of("{", "[", "null", "1", "\"x\"", "{\"version\": 1}", "{\"version\": 1e999}",
                        "{\"version\": 99999999999999999999999}", "[".repeat(5000), "{\"a\":".repeat(3000)));
    }

    @Provide
    Arbitrary<String> mutations() {
        String valid = JobSpecJsonTest.valid();
        Arbitrary<String> tokens = Arbitraries.of("null", "true", "-1", "0", "1e300", "\"\"", "[]", "{}", "1.5",
                "\"spot\"", "99999999999999999999999", "\"\\u0000\"", "{\"preset\": 7}", "{\"steps\": -1}");
        Arbitrary<Integer> positions = Arbitraries.integers().between(0, valid.length());
        return net.jqwik.api.Combinators.combine(positions, positions, tokens).as((a, b, t) -> {
            int from = Math.min(a, b);
            int to = Math.max(a, b);
            return valid.substring(0, from) + t + valid.substring(to);
        });
    }
}
