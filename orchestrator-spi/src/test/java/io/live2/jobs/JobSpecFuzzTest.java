package io.live2.jobs;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz target for the job spec parser, the document a worker receives. In a normal test run it replays its
 * committed corpus (resources JobSpecFuzzTestInputs/parse: a valid spec, its near misses, and the inputs
 * `live drill fuzz` found interesting); with JAZZER_FUZZ=1 it fuzzes. Any exception other than JobRejectedException,
 * or one whose message is blank or spans lines, is a finding.
 */
class JobSpecFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse(FuzzedDataProvider data) {
        String json = data.consumeRemainingAsString();
        try {
            JobSpec spec = JobSpecJson.parse(json);
            // what parses must write back and parse to the same spec (the canonical form's promise)
            if (!JobSpecJson.parse(JobSpecJson.toJson(spec)).equals(spec)) {
                throw new AssertionError("parse(toJson(s)) differs from s for " + json);
            }
        } catch (JobRejectedException e) {
            String m = e.getMessage();
            if (m == null || m.isBlank() || m.contains("\n") || m.contains("\r")) {
                throw new AssertionError("a refusal needs a one-line message, got: " + m, e);
            }
        }
    }
}
