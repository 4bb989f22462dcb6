package io.live2.jobs.aws;

import io.live2.jobs.ArtifactStore;
import io.live2.jobs.JobProgress;
import io.live2.jobs.DuplicateJobException;
import io.live2.jobs.JobRejectedException;
import io.live2.jobs.JobSpec;
import io.live2.jobs.JobSpec.Capacity;
import io.live2.jobs.JobState;
import io.live2.jobs.JobStatus;
import io.live2.jobs.Orchestrator;
import io.live2.jobs.UnknownJobException;
import io.live2.model.config.SimulationConfig;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Pattern;

import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.ArrayProperties;
import software.amazon.awssdk.services.batch.model.ContainerOverrides;
import software.amazon.awssdk.services.batch.model.EvaluateOnExit;
import software.amazon.awssdk.services.batch.model.JobDependency;
import software.amazon.awssdk.services.batch.model.JobDetail;
import software.amazon.awssdk.services.batch.model.JobSummary;
import software.amazon.awssdk.services.batch.model.KeyValuePair;
import software.amazon.awssdk.services.batch.model.KeyValuesPair;
import software.amazon.awssdk.services.batch.model.ResourceRequirement;
import software.amazon.awssdk.services.batch.model.ResourceType;
import software.amazon.awssdk.services.batch.model.RetryAction;
import software.amazon.awssdk.services.batch.model.RetryStrategy;
import software.amazon.awssdk.services.batch.model.SubmitJobRequest;

/**
 * Runs jobs on AWS Batch. Submit: the spec is uploaded to the artifact store at {@code {prefix}spec.json}, then
 * SubmitJob on the spot queue (capacity spot: hobby, research) or the on-demand queue (pro) with the job definition,
 * container overrides ({@code worker --spec <uri> --artifacts <uri> [--callback <url>]}, environment, vCPU/memory from
 * the spec's limits), a timeout of the tier's max runtime plus a grace period, and a retry strategy that retries host
 * and spot terminations and the worker's exit code 3 (interrupted) and exits on anything else. Status is DescribeJobs
 * mapped by {@link BatchStates}; cancel is CancelJob while queued and TerminateJob while running.
 *
 * <p>Settings: {@code region}, {@code endpoint} (override, tests only), {@code job_queue_spot},
 * {@code job_queue_on_demand}, {@code job_definition}, {@code artifacts_uri} (s3://bucket/prefix or file:///…),
 * {@code artifacts_endpoint} (S3-compatible server, optional), {@code callback_url} (optional),
 * {@code callback_secret_ref} (the NAME of the API's environment variable holding the master callback secret; the
 * secret itself is never in settings or specs), {@code retry_attempts} (1–10, default 5), {@code timeout_grace_seconds}
 * (default 300), {@code state_dir} (optional: where the job id → Batch id index survives restarts).
 */
public final class BatchOrchestrator implements Orchestrator {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final int DESCRIBE_BATCH = 100;
    static final int MAX_ARRAY = 10_000;

    /**
     * @param spotFallbackQueue    the queue whose spot compute environment falls back to on-demand (capacity
     *                             spot_fallback: the research tier); null: such jobs go to {@code spotQueue}
     * @param callbackMasterSecret null when callbacks are off
     */
    public record Config(String spotQueue, String spotFallbackQueue, String onDemandQueue, String jobDefinition, URI artifactsUri,
                         String artifactsEndpoint, String callbackUrl, byte[] callbackMasterSecret, int retryAttempts,
                         long timeoutGraceSeconds, Path stateDir) {
        /** Without a fallback queue. */
        public Config(String spotQueue, String onDemandQueue, String jobDefinition, URI artifactsUri, String artifactsEndpoint,
                      String callbackUrl, byte[] callbackMasterSecret, int retryAttempts, long timeoutGraceSeconds, Path stateDir) {
            this(spotQueue, null, onDemandQueue, jobDefinition, artifactsUri, artifactsEndpoint, callbackUrl,
                    callbackMasterSecret, retryAttempts, timeoutGraceSeconds, stateDir);
        }

        /** The queue for a capacity: the tier's choice of spot, spot with on-demand fallback, or on-demand. */
        String queueFor(Capacity capacity) {
            return switch (capacity) {
                case ON_DEMAND -> onDemandQueue;
                case SPOT_WITH_FALLBACK -> spotFallbackQueue != null ? spotFallbackQueue : spotQueue;
                case SPOT -> spotQueue;
            };
        }
    }

    private record Entry(String batchId, String userId, Instant submitted) {
    }

    private final Config config;
    private final BatchClient batch;
    private final ArtifactStore store;
    private final Function<JobSpec, String> specJson;
    private final Clock clock;
    private JobCost cost = JobCost.DEFAULT;
    private final Map<String, Entry> index = new LinkedHashMap<>();

    /**
     * @param store    where specs are uploaded (the store at {@code config.artifactsUri()})
     * @param specJson JobSpec → the JSON the worker parses (JobSpecJson::toJson)
     */
    public BatchOrchestrator(Config config, BatchClient batch, ArtifactStore store, Function<JobSpec, String> specJson, Clock clock) {
        this.config = config;
        this.batch = batch;
        this.store = store;
        this.specJson = specJson;
        this.clock = clock;
        loadIndex();
    }

    @Override
    public String name() {
        return "awsbatch";
    }

    public static String jobName(String jobId) {
        String s = ("live-" + jobId).replaceAll("[^A-Za-z0-9_-]", "_");
        return s.length() > 128 ? s.substring(0, 128) : s;
    }

    @Override
    public synchronized JobStatus submit(JobSpec spec) {
        check(spec);
        rejectKnown(spec.jobId());
        String specKey = spec.artifactPrefix() + "spec.json";
        upload(specKey, specJson.apply(spec));
        SubmitJobRequest req = request(spec, jobName(spec.jobId()), uriOf(specKey), Map.of(), 0, null);
        String batchId = batch.submitJob(req).jobId();
        remember(spec.jobId(), new Entry(batchId, spec.userId(), clock.instant()));
        return queued(spec.jobId(), spec.userId(), "submitted to " + req.jobQueue());
    }

    /**
     * An array job per wave: all variants in one array when {@code maxConcurrent <= 0} or it covers them all (cap the
     * concurrency with the queue's compute environment maxvCpus instead); otherwise waves of {@code maxConcurrent}
     * children, each wave depending on the previous one (note: a failed child fails its wave, and Batch then fails the
     * later waves). Variant i's spec is uploaded as {@code {base prefix}spec-i.json}; the worker reads
     * {@code spec-{index}.json} with index = LIVE_ARRAY_INDEX_OFFSET + AWS_BATCH_JOB_ARRAY_INDEX.
     */
    @Override
    public synchronized List<JobStatus> submitSweep(JobSpec base, List<SimulationConfig> variants, int maxConcurrent) {
        check(base);
        int n = variants.size();
        if (n == 0 || n > MAX_ARRAY) {
            throw new JobRejectedException("variants: " + n + " must be within [1, " + MAX_ARRAY + "]");
        }
        List<JobSpec> specs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            JobSpec v = new JobSpec(base.version(), base.jobId() + "-" + i, base.userId(), base.environment(),
                    variants.get(i), base.limits(), base.checkpointEvery());
            check(v);
            if (index.containsKey(v.jobId())) {
                throw new DuplicateJobException("job_id: '" + v.jobId() + "' is already known to AWS Batch");
            }
            specs.add(v);
        }
        // one ListJobs look-up per queue for the sweep's Batch job names, not one per variant
        for (String name : List.of(jobName(base.jobId()), jobName(base.jobId() + "-w0"))) {
            if (!findByName(name).isEmpty()) {
                throw new JobRejectedException("job_id: sweep '" + base.jobId() + "' is already known to AWS Batch (" + name + ")");
            }
        }
        for (int i = 0; i < n; i++) {
            upload(base.artifactPrefix() + "spec-" + i + ".json", specJson.apply(specs.get(i)));
        }
        int wave = maxConcurrent <= 0 || maxConcurrent >= n ? n : maxConcurrent;
        String previous = null;
        List<JobStatus> out = new ArrayList<>();
        for (int offset = 0, w = 0; offset < n; offset += wave, w++) {
            int size = Math.min(wave, n - offset);
            String name = jobName(base.jobId() + (wave == n ? "" : "-w" + w));
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("LIVE_SWEEP_ID", base.jobId());
            extra.put("LIVE_ARRAY_INDEX_OFFSET", String.valueOf(offset));
            SubmitJobRequest req = request(base, name, uriOf(base.artifactPrefix() + "spec-{index}.json"), extra,
                    size >= 2 ? size : 0, previous);
            String batchId = batch.submitJob(req).jobId();
            for (int i = 0; i < size; i++) {
                JobSpec v = specs.get(offset + i);
                remember(v.jobId(), new Entry(size >= 2 ? batchId + ":" + i : batchId, v.userId(), clock.instant()));
                out.add(queued(v.jobId(), v.userId(), "submitted to " + req.jobQueue() + " as " + name));
            }
            previous = batchId;
        }
        return out;
    }

    SubmitJobRequest request(JobSpec spec, String name, String specUri, Map<String, String> extraEnv, int arraySize, String dependsOn) {
        JobSpec.Limits l = spec.limits();
        String queue = config.queueFor(l.capacity());
        List<String> command = new ArrayList<>(List.of("worker", "--spec", specUri, "--artifacts",
                config.artifactsUri().toString()));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LIVE_JOB_ID", spec.jobId());
        env.put("LIVE_USER_ID", spec.userId());
        env.put("LIVE_ENVIRONMENT", spec.environment());
        env.put("LIVE_ARTIFACTS", config.artifactsUri().toString());
        if (config.artifactsEndpoint() != null) {
            env.put("LIVE_ARTIFACTS_ENDPOINT", config.artifactsEndpoint());
        }
        if (config.callbackUrl() != null) {
            command.add("--callback");
            command.add(config.callbackUrl());
            if (config.callbackMasterSecret() != null) {
                // per job: for a sweep, the key of the sweep id; the API derives the same key to verify
                env.put(CallbackSignature.KEY_ENV, CallbackSignature.jobKey(config.callbackMasterSecret(),
                        extraEnv.getOrDefault("LIVE_SWEEP_ID", spec.jobId())));
            }
        }
        env.putAll(extraEnv);
        List<EvaluateOnExit> evaluate = List.of(
                EvaluateOnExit.builder().onStatusReason("Host EC2*").action(RetryAction.RETRY).build(),
                EvaluateOnExit.builder().onExitCode(String.valueOf(BatchStates.EXIT_INTERRUPTED)).action(RetryAction.RETRY).build(),
                EvaluateOnExit.builder().onExitCode("*").action(RetryAction.EXIT).build(),
                EvaluateOnExit.builder().onReason("*").action(RetryAction.EXIT).build());
        var b = SubmitJobRequest.builder()
                .jobName(name)
                .jobQueue(queue)
                .jobDefinition(config.jobDefinition())
                .containerOverrides(ContainerOverrides.builder()
                        .command(command)
                        .environment(env.entrySet().stream().map(e -> KeyValuePair.builder().name(e.getKey()).value(e.getValue()).build()).toList())
                        .resourceRequirements(
                                ResourceRequirement.builder().type(ResourceType.VCPU).value(String.valueOf(l.vcpus())).build(),
                                ResourceRequirement.builder().type(ResourceType.MEMORY).value(String.valueOf(l.memoryMib())).build())
                        .build())
                .retryStrategy(RetryStrategy.builder().attempts(config.retryAttempts()).evaluateOnExit(evaluate).build())
                .timeout(t -> t.attemptDurationSeconds((int) Math.min(Integer.MAX_VALUE, Math.max(60, l.maxRuntimeSeconds() + config.timeoutGraceSeconds()))))
                .propagateTags(true)
                .tags(Map.of("live:job_id", extraEnv.getOrDefault("LIVE_SWEEP_ID", spec.jobId()), "live:user_id", spec.userId(),
                        "live:environment", spec.environment()));
        if (arraySize >= 2) {
            b.arrayProperties(ArrayProperties.builder().size(arraySize).build());
        }
        if (dependsOn != null) {
            b.dependsOn(JobDependency.builder().jobId(dependsOn).build());
        }
        return b.build();
    }

    @Override
    public synchronized JobStatus status(String jobId) {
        Entry e = find(jobId);
        JobDetail d = describe(List.of(e.batchId())).get(e.batchId());
        if (d == null) {
            if (e.batchId().contains(":")) {
                // an array child appears once its parent is PENDING: until then it is queued
                return queued(jobId, e.userId(), "array child not created yet");
            }
            throw new UnknownJobException(jobId);
        }
        return mapWithCost(jobId, e.userId(), d);
    }

    /**
     * Jobs this orchestrator submitted (this process, or earlier ones when state_dir is set), described in batches of
     * 100 and sorted newest first. The API's database is the full record; this is for reconciliation and the CLI.
     */
    @Override
    public synchronized List<JobStatus> list(String userId) {
        List<Map.Entry<String, Entry>> mine = index.entrySet().stream()
                .filter(en -> userId == null || userId.equals(en.getValue().userId())).toList();
        List<String> ids = mine.stream().map(en -> en.getValue().batchId()).toList();
        Map<String, JobDetail> details = describe(ids);
        List<JobStatus> out = new ArrayList<>();
        for (var en : mine) {
            JobDetail d = details.get(en.getValue().batchId());
            out.add(d == null ? queued(en.getKey(), en.getValue().userId(), "not visible yet")
                    : mapWithCost(en.getKey(), en.getValue().userId(), d));
        }
        out.sort(Comparator.comparing((JobStatus s) -> s.createdAt() == null ? Instant.EPOCH : s.createdAt()).reversed()
                .thenComparing(JobStatus::jobId));
        return out;
    }

    private JobStatus mapWithCost(String jobId, String userId, JobDetail d) {
        String queue = d.jobQueue() == null ? "" : d.jobQueue();
        boolean spot = !(queue.equals(config.onDemandQueue()) || queue.endsWith("/" + config.onDemandQueue()));
        return BatchStates.map(jobId, userId, d, cost.estimate(d, spot, clock.instant()));
    }

    /** Prices for the cost estimate (settings price_vcpu_hour_spot / price_vcpu_hour_on_demand). */
    public BatchOrchestrator withCost(JobCost prices) {
        this.cost = prices;
        return this;
    }

    /** CancelJob while SUBMITTED/PENDING/RUNNABLE, TerminateJob while STARTING/RUNNING; terminal: unchanged. */
    @Override
    public synchronized JobStatus cancel(String jobId) {
        Entry e = find(jobId);
        JobDetail d = describe(List.of(e.batchId())).get(e.batchId());
        if (d == null) {
            throw new UnknownJobException(jobId);
        }
        switch (d.status()) {
            case SUBMITTED, PENDING, RUNNABLE -> batch.cancelJob(r -> r.jobId(e.batchId()).reason(BatchStates.CANCEL_REASON));
            case STARTING, RUNNING -> batch.terminateJob(r -> r.jobId(e.batchId()).reason(BatchStates.CANCEL_REASON));
            default -> {
                return mapWithCost(jobId, e.userId(), d);
            }
        }
        return status(jobId);
    }

    /** ListJobs on both queues filtered by job name (all statuses), newest first: finds jobs the index lost. */
    public List<JobSummary> findByName(String name) {
        List<JobSummary> out = new ArrayList<>();
        for (String q : java.util.stream.Stream.of(config.spotQueue(), config.spotFallbackQueue(), config.onDemandQueue())
                .filter(java.util.Objects::nonNull).distinct().toList()) {
            String token = null;
            do {
                String t = token;
                var page = batch.listJobs(r -> r.jobQueue(q).filters(KeyValuesPair.builder().name("JOB_NAME").values(name).build()).nextToken(t));
                out.addAll(page.jobSummaryList());
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
        }
        out.sort(Comparator.comparing((JobSummary s) -> s.createdAt() == null ? 0L : s.createdAt()).reversed());
        return out;
    }

    @Override
    public void close() {
        batch.close();
        if (store instanceof S3ArtifactStore s3) {
            s3.close();
        }
    }

    private Entry find(String jobId) {
        Entry e = index.get(jobId);
        if (e != null) {
            return e;
        }
        if (jobId == null || !ID.matcher(jobId).matches()) {
            throw new UnknownJobException(String.valueOf(jobId));
        }
        List<JobSummary> found = findByName(jobName(jobId));
        if (found.isEmpty()) {
            throw new UnknownJobException(jobId);
        }
        JobDetail d = describe(List.of(found.get(0).jobId())).get(found.get(0).jobId());
        String user = d == null ? null : userFromEnv(d);
        Entry recovered = new Entry(found.get(0).jobId(), user, clock.instant());
        remember(jobId, recovered);
        return recovered;
    }

    private static String userFromEnv(JobDetail d) {
        if (d.container() == null || !d.container().hasEnvironment()) {
            return null;
        }
        return d.container().environment().stream().filter(kv -> "LIVE_USER_ID".equals(kv.name()))
                .map(KeyValuePair::value).findFirst().orElse(null);
    }

    private Map<String, JobDetail> describe(List<String> batchIds) {
        Map<String, JobDetail> out = new LinkedHashMap<>();
        for (int i = 0; i < batchIds.size(); i += DESCRIBE_BATCH) {
            List<String> chunk = batchIds.subList(i, Math.min(batchIds.size(), i + DESCRIBE_BATCH));
            for (JobDetail d : batch.describeJobs(r -> r.jobs(chunk)).jobs()) {
                out.put(d.jobId(), d);
            }
        }
        return out;
    }

    private void rejectKnown(String jobId) {
        if (index.containsKey(jobId) || !findByName(jobName(jobId)).isEmpty()) {
            throw new DuplicateJobException("job_id: '" + jobId + "' is already known to AWS Batch");
        }
    }

    private static void check(JobSpec spec) {
        if (spec.jobId() == null || !ID.matcher(spec.jobId()).matches()) {
            throw new JobRejectedException("job_id: '" + spec.jobId() + "' must match [A-Za-z0-9_-]{1,64}");
        }
        if (spec.userId() == null || !ID.matcher(spec.userId()).matches()) {
            throw new JobRejectedException("user_id: '" + spec.userId() + "' must match [A-Za-z0-9_-]{1,64}");
        }
        if (!List.of("dev", "staging", "prod").contains(spec.environment())) {
            throw new JobRejectedException("environment: '" + spec.environment() + "' must be one of dev, staging, prod");
        }
        JobSpec.Limits l = spec.limits();
        if (l == null || l.capacity() == null || l.vcpus() < 1 || l.memoryMib() < 256 || l.maxRuntimeSeconds() < 1) {
            throw new JobRejectedException("limits: need capacity, vcpus >= 1, memory_mib >= 256, max_runtime_seconds >= 1");
        }
    }

    private JobStatus queued(String jobId, String userId, String reason) {
        Instant now = clock.instant();
        return new JobStatus(jobId, userId, JobState.QUEUED, 1, JobProgress.NONE, now, null, null, now, null, null,
                List.of(new JobStatus.Transition(null, JobState.QUEUED, now, reason)));
    }

    /** The store URI of a key; a string because a sweep's carries the literal placeholder {index}. */
    private String uriOf(String key) {
        String base = config.artifactsUri().toString();
        return base.endsWith("/") ? base + key : base + "/" + key;
    }

    private void upload(String key, String json) {
        try {
            Path tmp = Files.createTempFile("live-spec-", ".json");
            try {
                Files.writeString(tmp, json, StandardCharsets.UTF_8);
                store.put(key, tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("uploading " + key + " to " + store.name(), e);
        }
    }

    private void remember(String jobId, Entry e) {
        index.put(jobId, e);
        if (config.stateDir() == null) {
            return;
        }
        Properties p = new Properties();
        index.forEach((k, v) -> p.setProperty(k, v.batchId() + "|" + (v.userId() == null ? "" : v.userId()) + "|" + v.submitted()));
        try {
            Files.createDirectories(config.stateDir());
            Path tmp = config.stateDir().resolve("awsbatch-index.properties.tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "job id = Batch job id|user id|submitted");
            }
            Files.move(tmp, config.stateDir().resolve("awsbatch-index.properties"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ex) {
            throw new UncheckedIOException("writing the job index in " + config.stateDir(), ex);
        }
    }

    private void loadIndex() {
        if (config.stateDir() == null) {
            return;
        }
        Path f = config.stateDir().resolve("awsbatch-index.properties");
        if (!Files.exists(f)) {
            return;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + f, e);
        }
        for (String k : new java.util.TreeSet<>(p.stringPropertyNames())) {
            String[] parts = p.getProperty(k).split("\\|", -1);
            index.put(k, new Entry(parts[0], parts.length > 1 && !parts[1].isEmpty() ? parts[1] : null,
                    parts.length > 2 ? Instant.parse(parts[2]) : Instant.EPOCH));
        }
    }
}
