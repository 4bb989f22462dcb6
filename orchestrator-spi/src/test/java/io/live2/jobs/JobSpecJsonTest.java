package io.live2.jobs;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobSpecJsonTest {
    static final String SIM = "{\"preset\": \"miller-urey\", \"particles\": 120, \"steps\": 400, \"seed\": 3}";

    static String spec(String jobId, String sim, long checkpointEvery) {
        return """
                {"version": 1, "job_id": "%s", "user_id": "u-1", "environment": "dev", "simulation": %s,
                 "limits": {"max_runtime_seconds": 3600, "capacity": "spot", "vcpus": 1, "memory_mib": 2048},
                 "checkpoint_every": %d}""".formatted(jobId, sim, checkpointEvery);
    }

    static String valid() {
        return spec("job_1", SIM, 100);
    }

    private static String rejected(String json) {
        JobRejectedException e = assertThrows(JobRejectedException.class, () -> JobSpecJson.parse(json));
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void parsesAValidSpec() {
        JobSpec s = JobSpecJson.parse(valid());
        assertEquals(1, s.version());
        assertEquals("job_1", s.jobId());
        assertEquals("dev/u-1/job_1/", s.artifactPrefix());
        assertEquals(120, s.simulation().particles());
        assertEquals(new JobSpec.Limits(3600, JobSpec.Capacity.SPOT, 1, 2048), s.limits());
        assertEquals(100, s.checkpointEvery());
    }

    @Test
    void toJsonIsCanonicalAndRoundTrips() {
        JobSpec s = JobSpecJson.parse(valid());
        String json = JobSpecJson.toJson(s);
        assertEquals(s, JobSpecJson.parse(json));
        assertEquals(json, JobSpecJson.toJson(JobSpecJson.parse(json)));
        assertTrue(json.startsWith("{\n  \"version\" : 1,\n  \"job_id\" : \"job_1\","), json);
        assertTrue(json.endsWith("\"checkpoint_every\" : 100\n}\n"), json);
        assertEquals(s, JobSpecJson.check(s));
    }

    @Test
    void unknownAndMissingFieldsAreNamed() {
        assertEquals("colour: unknown field; allowed: checkpoint_every, environment, job_id, limits, simulation, user_id, version",
                rejected(valid().replace("{\"version\"", "{\"colour\": 1, \"version\"")));
        assertEquals("job_id: missing required field", rejected(valid().replace("\"job_id\": \"job_1\",", "")));
        assertEquals("limits.gpu: unknown field; allowed: capacity, max_runtime_seconds, memory_mib, vcpus",
                rejected(valid().replace("\"vcpus\": 1", "\"vcpus\": 1, \"gpu\": 1")));
        assertEquals("limits.memory_mib: missing required field", rejected(valid().replace(", \"memory_mib\": 2048", "")));
    }

    @Test
    void rangesAndTypesAreChecked() {
        assertEquals("version: 2 is not supported; allowed 1", rejected(valid().replace("\"version\": 1", "\"version\": 2")));
        assertEquals("job_id: 'a/b' is not allowed; allowed 1 to 64 characters from A-Z a-z 0-9 _ -",
                rejected(spec("a/b", SIM, 100)));
        assertTrue(rejected(spec("x".repeat(65), SIM, 100)).startsWith("job_id: "));
        assertEquals("environment: 'qa' is not allowed; allowed dev, staging, prod",
                rejected(valid().replace("\"dev\"", "\"qa\"")));
        assertEquals("limits.max_runtime_seconds: 0 is out of range; allowed 1..604800",
                rejected(valid().replace("3600", "0")));
        assertEquals("limits.max_runtime_seconds: 604801 is out of range; allowed 1..604800",
                rejected(valid().replace("3600", "604801")));
        assertEquals("limits.capacity: 'cheap' is not allowed; allowed spot, spot_fallback, on_demand",
                rejected(valid().replace("\"spot\"", "\"cheap\"")));
        assertEquals("limits.vcpus: 257 is out of range; allowed 1..256", rejected(valid().replace("\"vcpus\": 1", "\"vcpus\": 257")));
        assertEquals("limits.memory_mib: 255 is out of range; allowed 256..1048576", rejected(valid().replace("2048", "255")));
        assertEquals("checkpoint_every: 0 is out of range; allowed 1..1000000000", rejected(spec("j", SIM, 0)));
        assertEquals("checkpoint_every: expected an integer in 1..1000000000, got number 1.5",
                rejected(valid().replace("\"checkpoint_every\": 100", "\"checkpoint_every\": 1.5")));
        assertEquals("user_id: expected a string, got number 7", rejected(valid().replace("\"u-1\"", "7")));
        assertEquals("limits: expected an object, got array", rejected(valid().replaceAll("\"limits\": \\{[^}]*}", "\"limits\": []")));
    }

    @Test
    void simulationProblemsCarryThePrefix() {
        String m = rejected(spec("j", "{\"preset\": \"miller-urey\", \"particles\": -5}", 100));
        assertTrue(m.startsWith("simulation.particles"), m);
        String u = rejected(spec("j", "{\"preset\": \"miller-urey\", \"flavour\": 1}", 100));
        assertTrue(u.startsWith("simulation.") && u.contains("flavour"), u);
        assertEquals("simulation: expected an object, got string 'x'", rejected(spec("j", "\"x\"", 100)));
    }

    @Test
    void notJsonIsRejected() {
        assertTrue(rejected("{").startsWith("spec: not valid JSON"));
        assertTrue(rejected("").startsWith("spec: "));
        assertTrue(rejected("[]").startsWith("spec: expected an object"));
        assertTrue(rejected(valid() + " {}").startsWith("spec: not valid JSON"));
    }
}
