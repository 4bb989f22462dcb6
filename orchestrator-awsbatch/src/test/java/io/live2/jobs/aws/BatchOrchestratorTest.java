package io.live2.jobs.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.live2.jobs.JobRejectedException;
import io.live2.jobs.JobSpec;
import io.live2.jobs.JobSpec.Capacity;
import io.live2.jobs.JobState;
import io.live2.jobs.JobStatus;
import io.live2.jobs.UnknownJobException;
import io.live2.model.config.ConfigLoader;
import io.live2.model.config.SimulationConfig;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BatchOrchestrator against {@link BatchFake}, a protocol fake of the Batch JSON routes (not AWS): the exact wire
 * fields of SubmitJob/CancelJob/TerminateJob and the mapping of every Batch state.
 */
class BatchOrchestratorTest {
    static final String SECRET = "0123456789abcdef0123456789abcdef-master";
    static final SimulationConfig CONFIG = ConfigLoader.fromPreset("lj-fluid");

    BatchFake fake;
    MemoryStore store;
    BatchOrchestrator orch;
    @TempDir
    Path stateDir;

    Map<String, String> settings() {
        Map<String, String> s = new HashMap<>();
        s.put("region", "eu-central-1");
        s.put("endpoint", fake.endpoint().toString());
        s.put("job_queue_spot", "live-prod-spot");
        s.put("job_queue_on_demand", "live-prod-ondemand");
        s.put("job_definition", "live-worker:7");
        s.put("artifacts_uri", "s3://live-artifacts/v1");
        s.put("callback_url", "https://api.example.org/internal/jobs/callback");
        s.put("callback_secret_ref", "LIVE_CALLBACK_SECRET");
        s.put("state_dir", stateDir.toString());
        s.put("artifacts_endpoint", "http://127.0.0.1:1"); // never the real S3: these tests use the in-memory store
        return s;
    }

    static String specJson(JobSpec s) {
        // by hand: JobSpecJson lives on another branch
        return "{\"version\":1,\"job_id\":\"" + s.jobId() + "\",\"user_id\":\"" + s.userId() + "\",\"environment\":\""
                + s.environment() + "\",\"seed\":" + s.simulation().seed() + "}";
    }

    BatchOrchestrator open(Map<String, String> settings) {
        BatchOrchestrator o = BatchOrchestratorProvider.create(settings, fake.aws(), name -> name.equals("LIVE_CALLBACK_SECRET") ? SECRET : null,
                BatchOrchestratorTest::specJson);
        return o;
    }

    @BeforeEach
    void setUp() throws Exception {
        fake = new BatchFake();
        store = new MemoryStore();
        // the settings of settings(), but the spec store is the in-memory one (the S3 store is tested against S3Mock)
        var aws = fake.aws();
        var batchClient = software.amazon.awssdk.services.batch.BatchClient.builder().region(aws.region())
                .credentialsProvider(aws.credentials()).endpointOverride(fake.endpoint()).httpClient(AwsSettings.httpClient()).build();
        orch = new BatchOrchestrator(new BatchOrchestrator.Config("live-prod-spot", "live-prod-spot-fallback", "live-prod-ondemand", "live-worker:7",
                URI.create("s3://live-artifacts/v1"), null, "https://api.example.org/internal/jobs/callback",
                SECRET.getBytes(StandardCharsets.UTF_8), 5, 300, stateDir), batchClient, store, BatchOrchestratorTest::specJson,
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        orch.close();
        fake.close();
    }

    static JobSpec spec(String jobId, Capacity capacity) {
        return new JobSpec(1, jobId, "user-42", "prod", CONFIG, new JobSpec.Limits(1800, capacity, 4, 8192), 1000);
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static Map<String, String> env(JsonNode submit) {
        Map<String, String> env = new HashMap<>();
        submit.path("containerOverrides").path("environment").forEach(kv -> env.put(kv.path("name").asText(), kv.path("value").asText()));
        return env;
    }

    @Test
    void submitSendsTheExactWireFields() {
        JobStatus st = orch.submit(spec("job-1", Capacity.SPOT));
        assertEquals(JobState.QUEUED, st.state());
        assertEquals(specJson(spec("job-1", Capacity.SPOT)), store.text("prod/user-42/job-1/spec.json"), "spec uploaded before submit");

        List<JsonNode> submits = fake.bodies("/v1/submitjob");
        assertEquals(1, submits.size());
        JsonNode b = submits.get(0);
        assertEquals("live-job-1", b.path("jobName").asText());
        assertEquals("live-prod-spot", b.path("jobQueue").asText());
        assertEquals("live-worker:7", b.path("jobDefinition").asText());
        assertEquals(List.of("worker", "--spec", "s3://live-artifacts/v1/prod/user-42/job-1/spec.json", "--artifacts",
                "s3://live-artifacts/v1", "--callback", "https://api.example.org/internal/jobs/callback"),
                texts(b.path("containerOverrides").path("command")));
        Map<String, String> env = env(b);
        assertEquals("job-1", env.get("LIVE_JOB_ID"));
        assertEquals("user-42", env.get("LIVE_USER_ID"));
        assertEquals("prod", env.get("LIVE_ENVIRONMENT"));
        assertEquals("s3://live-artifacts/v1", env.get("LIVE_ARTIFACTS"));
        assertEquals(CallbackSignature.jobKey(SECRET.getBytes(StandardCharsets.UTF_8), "job-1"), env.get("LIVE_CALLBACK_SECRET"));
        assertFalse(b.toString().contains(SECRET), "the master secret never goes on the wire");
        JsonNode rr = b.path("containerOverrides").path("resourceRequirements");
        assertEquals("[{\"value\":\"4\",\"type\":\"VCPU\"},{\"value\":\"8192\",\"type\":\"MEMORY\"}]", rr.toString());
        assertEquals(5, b.path("retryStrategy").path("attempts").asInt());
        assertEquals("[{\"onStatusReason\":\"Host EC2*\",\"action\":\"RETRY\"},{\"onExitCode\":\"3\",\"action\":\"RETRY\"},"
                + "{\"onExitCode\":\"*\",\"action\":\"EXIT\"},{\"onReason\":\"*\",\"action\":\"EXIT\"}]",
                b.path("retryStrategy").path("evaluateOnExit").toString());
        assertEquals(1800 + 300, b.path("timeout").path("attemptDurationSeconds").asInt());
        assertTrue(b.path("propagateTags").asBoolean());
        assertEquals("user-42", b.path("tags").path("live:user_id").asText());
        assertFalse(b.has("arrayProperties"));
        assertFalse(b.has("dependsOn"));
    }

    @Test
    void proGoesToTheOnDemandQueue() {
        orch.submit(spec("job-pro", Capacity.ON_DEMAND));
        assertEquals("live-prod-ondemand", fake.bodies("/v1/submitjob").get(0).path("jobQueue").asText());
    }

    @Test
    void eachCapacityGoesToItsTiersQueue() {
        orch.submit(spec("job-hobby", Capacity.SPOT));
        orch.submit(spec("job-research", Capacity.SPOT_WITH_FALLBACK));
        orch.submit(spec("job-pro", Capacity.ON_DEMAND));
        List<String> queues = fake.bodies("/v1/submitjob").stream().map(b -> b.path("jobQueue").asText()).toList();
        assertEquals(List.of("live-prod-spot", "live-prod-spot-fallback", "live-prod-ondemand"), queues);
    }

    @Test
    void aKnownJobIdIsRejected() {
        orch.submit(spec("dup", Capacity.SPOT));
        assertThrows(JobRejectedException.class, () -> orch.submit(spec("dup", Capacity.SPOT)));
        // also when only Batch knows it (a fresh orchestrator without the index finds it with ListJobs by name)
        var fresh = open(new HashMap<>(settings()) {{ remove("state_dir"); }});
        assertThrows(JobRejectedException.class, () -> fresh.submit(spec("dup", Capacity.SPOT)));
        JsonNode list = fake.bodies("/v1/listjobs").get(fake.bodies("/v1/listjobs").size() - 1);
        assertEquals("[{\"name\":\"JOB_NAME\",\"values\":[\"live-dup\"]}]", list.path("filters").toString());
        assertEquals(1, fake.bodies("/v1/submitjob").size());
        fresh.close();
    }

    String batchId(int n) {
        return String.format("b%04d-fake", n);
    }

    @Test
    void everyBatchStateIsMapped() {
        orch.submit(spec("s", Capacity.SPOT));
        String id = batchId(1);
        Map<String, JobState> expected = Map.of("SUBMITTED", JobState.QUEUED, "PENDING", JobState.QUEUED,
                "RUNNABLE", JobState.QUEUED, "STARTING", JobState.RUNNING, "RUNNING", JobState.RUNNING,
                "SUCCEEDED", JobState.SUCCEEDED, "FAILED", JobState.FAILED);
        for (String batchState : List.of("SUBMITTED", "PENDING", "RUNNABLE", "STARTING", "RUNNING", "SUCCEEDED", "FAILED")) {
            fake.script(id, batchState, batchState.equals("FAILED") ? "Essential container in task exited" : null);
            JobStatus st = orch.status("s");
            assertEquals(expected.get(batchState), st.state(), batchState);
            assertEquals(1, st.attempt(), batchState);
            fake.jobs.get(id).remove("startedAt");
            fake.jobs.get(id).remove("stoppedAt");
        }
        fake.script(id, "FAILED", "Essential container in task exited");
        assertEquals("Essential container in task exited", orch.status("s").failureCause());
        assertEquals(Instant.ofEpochMilli(fake.now + 1), orch.status("s").createdAt());
        assertEquals(7 + 2, fake.bodies("/v1/describejobs").size());
        assertEquals(List.of(id), texts(fake.bodies("/v1/describejobs").get(0).path("jobs")));
    }

    @Test
    void statusReasonsAndAttempts() {
        orch.submit(spec("a", Capacity.SPOT));
        String id = batchId(1);
        // application error: exit 1 → failed, not retried
        fake.attempt(id, 1, null, "Essential container in task exited");
        fake.script(id, "FAILED", "Essential container in task exited");
        JobStatus failed = orch.status("a");
        assertEquals(JobState.FAILED, failed.state());
        assertEquals("Essential container in task exited (exit code 1)", failed.failureCause());
        assertEquals(Instant.ofEpochMilli(fake.now + 5000), failed.endedAt());

        // a spot reclaim, then Batch retried: queued again, attempt 2, history has the interruption
        orch.submit(spec("b", Capacity.SPOT));
        String b = batchId(2);
        fake.attempt(b, null, null, "Host EC2 (instance i-0abc) terminated.");
        fake.script(b, "RUNNABLE", null);
        JobStatus retrying = orch.status("b");
        assertEquals(JobState.QUEUED, retrying.state());
        assertEquals(2, retrying.attempt());
        assertEquals("spot interruption: Host EC2 (instance i-0abc) terminated.", retrying.failureCause());
        assertEquals(List.of(JobState.QUEUED, JobState.RUNNING, JobState.INTERRUPTED, JobState.QUEUED),
                retrying.history().stream().map(JobStatus.Transition::to).toList());
        retrying.history().stream().filter(t -> t.from() != null).forEach(t -> assertTrue(t.from().canMoveTo(t.to()), t.toString()));
        fake.script(b, "RUNNING", null);
        assertEquals(JobState.RUNNING, orch.status("b").state());
        assertEquals(2, orch.status("b").attempt());
        // ... and succeeded on the second attempt
        fake.attempt(b, 0, null, "Essential container in task exited");
        fake.script(b, "SUCCEEDED", "Essential container in task exited");
        JobStatus ok = orch.status("b");
        assertEquals(JobState.SUCCEEDED, ok.state());
        assertEquals(2, ok.attempt());
        assertNull(ok.failureCause());

        // interrupted (exit 3) on the last allowed attempt: Batch gave up → interrupted (resumable from the checkpoint)
        orch.submit(spec("c", Capacity.SPOT));
        String c = batchId(3);
        for (int i = 0; i < 5; i++) {
            fake.attempt(c, 3, null, "Essential container in task exited");
        }
        fake.script(c, "FAILED", "Essential container in task exited");
        JobStatus interrupted = orch.status("c");
        assertEquals(JobState.INTERRUPTED, interrupted.state());
        assertEquals(5, interrupted.attempt());

        // the attempt timed out: failed with cause "runtime limit"
        orch.submit(spec("d", Capacity.SPOT));
        String d = batchId(4);
        fake.attempt(d, 137, "OutOfTime", "Job attempt duration exceeded timeout");
        fake.script(d, "FAILED", "Job attempt duration exceeded timeout");
        assertEquals("runtime limit", orch.status("d").failureCause());
        assertEquals(JobState.FAILED, orch.status("d").state());
        fake.jobs.get(d).remove("attempts");
        assertEquals("runtime limit", orch.status("d").failureCause());
    }

    @Test
    void cancelWhileQueuedTerminateWhileRunning() {
        orch.submit(spec("q", Capacity.SPOT));
        fake.script(batchId(1), "RUNNABLE", null);
        JobStatus canceled = orch.cancel("q");
        assertEquals(JobState.CANCELED, canceled.state());
        JsonNode cancel = fake.bodies("/v1/canceljob").get(0);
        assertEquals(batchId(1), cancel.path("jobId").asText());
        assertEquals(BatchStates.CANCEL_REASON, cancel.path("reason").asText());
        assertTrue(fake.bodies("/v1/terminatejob").isEmpty());

        orch.submit(spec("r", Capacity.SPOT));
        fake.script(batchId(2), "RUNNING", null);
        assertEquals(JobState.CANCELED, orch.cancel("r").state());
        JsonNode terminate = fake.bodies("/v1/terminatejob").get(0);
        assertEquals(batchId(2), terminate.path("jobId").asText());
        assertEquals(BatchStates.CANCEL_REASON, terminate.path("reason").asText());
        assertEquals(1, fake.bodies("/v1/canceljob").size());

        // a finished job is left alone
        assertEquals(JobState.CANCELED, orch.cancel("r").state());
        assertEquals(1, fake.bodies("/v1/terminatejob").size());
        assertThrows(UnknownJobException.class, () -> orch.cancel("nope"));
    }

    @Test
    void sweepIsOneArrayJob() {
        List<SimulationConfig> variants = List.of(CONFIG, CONFIG, CONFIG, CONFIG, CONFIG);
        List<JobStatus> st = orch.submitSweep(spec("sw", Capacity.SPOT), variants, 0);
        assertEquals(List.of("sw-0", "sw-1", "sw-2", "sw-3", "sw-4"), st.stream().map(JobStatus::jobId).toList());
        JsonNode b = fake.bodies("/v1/submitjob").get(0);
        assertEquals(1, fake.bodies("/v1/submitjob").size());
        assertEquals(5, b.path("arrayProperties").path("size").asInt());
        assertEquals("live-sw", b.path("jobName").asText());
        assertEquals("s3://live-artifacts/v1/prod/user-42/sw/spec-{index}.json", texts(b.path("containerOverrides").path("command")).get(2));
        assertEquals("0", env(b).get("LIVE_ARRAY_INDEX_OFFSET"));
        assertEquals("sw", env(b).get("LIVE_SWEEP_ID"));
        for (int i = 0; i < 5; i++) {
            assertTrue(store.text("prod/user-42/sw/spec-" + i + ".json").contains("\"job_id\":\"sw-" + i + "\""));
        }
        assertEquals(6, fake.bodies("/v1/listjobs").size(), "2 names (live-sw, live-sw-w0) x 3 queues (spot, spot fallback, on-demand), not one per variant");
        var again = assertThrows(JobRejectedException.class, () -> orch.submitSweep(spec("sw", Capacity.SPOT), variants, 0));
        assertTrue(again.getMessage().contains("sw-0"), again.getMessage());
        fake.script(batchId(1) + ":3", "RUNNING", null);
        assertEquals(JobState.RUNNING, orch.status("sw-3").state());
        assertEquals(JobState.QUEUED, orch.status("sw-2").state());
        assertEquals(List.of(batchId(1) + ":3"), texts(fake.bodies("/v1/describejobs").get(0).path("jobs")));
        var fresh = open(new HashMap<>(settings()) {{ remove("state_dir"); }}); // no index: Batch knows the sweep's name
        var e = assertThrows(JobRejectedException.class, () -> fresh.submitSweep(spec("sw", Capacity.SPOT), variants, 0));
        assertTrue(e.getMessage().contains("live-sw"), e.getMessage());
        fresh.close();
    }

    @Test
    void sweepWithAConcurrencyCapGoesInDependentWaves() {
        List<SimulationConfig> variants = List.of(CONFIG, CONFIG, CONFIG, CONFIG, CONFIG);
        orch.submitSweep(spec("wv", Capacity.ON_DEMAND), variants, 2);
        List<JsonNode> subs = fake.bodies("/v1/submitjob");
        assertEquals(3, subs.size());
        assertEquals(2, subs.get(0).path("arrayProperties").path("size").asInt());
        assertEquals(2, subs.get(1).path("arrayProperties").path("size").asInt());
        assertFalse(subs.get(2).has("arrayProperties"), "a wave of one is a plain job (Batch arrays need size >= 2)");
        assertFalse(subs.get(0).has("dependsOn"));
        assertEquals("[{\"jobId\":\"" + batchId(1) + "\"}]", subs.get(1).path("dependsOn").toString());
        assertEquals("[{\"jobId\":\"" + batchId(2) + "\"}]", subs.get(2).path("dependsOn").toString());
        assertEquals(List.of("0", "2", "4"), subs.stream().map(s -> env(s).get("LIVE_ARRAY_INDEX_OFFSET")).toList());
        assertEquals(List.of("live-wv-w0", "live-wv-w1", "live-wv-w2"), subs.stream().map(s -> s.path("jobName").asText()).toList());
        subs.forEach(s -> assertEquals("live-prod-ondemand", s.path("jobQueue").asText()));
        fake.script(batchId(3), "SUCCEEDED", null);
        assertEquals(JobState.SUCCEEDED, orch.status("wv-4").state());
        fake.script(batchId(2) + ":1", "RUNNING", null);
        assertEquals(JobState.RUNNING, orch.status("wv-3").state());
    }

    @Test
    void listAndTheIndexSurviveARestart() {
        orch.submit(spec("l1", Capacity.SPOT));
        orch.submit(new JobSpec(1, "l2", "other", "prod", CONFIG, new JobSpec.Limits(60, Capacity.SPOT, 1, 512), 100));
        orch.submit(spec("l3", Capacity.SPOT));
        assertEquals(List.of("l3", "l1"), orch.list("user-42").stream().map(JobStatus::jobId).toList());
        assertEquals(3, orch.list(null).size());
        var again = open(settings()); // same state_dir
        assertEquals(List.of("l3", "l1"), again.list("user-42").stream().map(JobStatus::jobId).toList());
        again.close();
    }

    @Test
    void providerIsFoundAndChecksSettings() {
        var provider = ServiceLoader.load(io.live2.jobs.OrchestratorProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("awsbatch")).findFirst().orElseThrow();
        var bad = new HashMap<>(settings());
        bad.remove("job_queue_spot");
        var e = assertThrows(IllegalArgumentException.class, () -> provider.create(bad));
        assertTrue(e.getMessage().startsWith("job_queue_spot"), e.getMessage());
        var secretInline = new HashMap<>(settings());
        secretInline.put("callback_secret_ref", "s3cr3t value!");
        e = assertThrows(IllegalArgumentException.class, () -> open(secretInline));
        assertTrue(e.getMessage().startsWith("callback_secret_ref"), e.getMessage());
        var unset = new HashMap<>(settings());
        unset.put("callback_secret_ref", "NOT_SET_ANYWHERE");
        e = assertThrows(IllegalArgumentException.class, () -> open(unset));
        assertTrue(e.getMessage().contains("NOT_SET_ANYWHERE"), e.getMessage());
    }
}
