package io.live2.cli;

import io.live2.jobs.ArtifactStore;
import io.live2.jobs.ArtifactStores;
import io.live2.jobs.HttpCallbackListener;
import io.live2.jobs.JobEventListener;
import io.live2.jobs.JobEventListenerProvider;
import io.live2.jobs.JobProgress;
import io.live2.jobs.JobRejectedException;
import io.live2.jobs.JobRunner;
import io.live2.jobs.JobSpec;
import io.live2.jobs.JobSpecJson;
import io.live2.jobs.aws.WorkerSupport;
import io.live2.jobs.JobStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * live worker --spec FILE --artifacts URI [--callback URL]: runs one job (what an AWS Batch container runs).
 * Exit codes: 0 succeeded, 1 failed (including the runtime limit), 2 bad input, 3 interrupted (SIGTERM / spot
 * reclaim: the checkpoint is in the store; run the same command again to resume).
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Run one job from a JobSpec, with artifacts in a store (file:///path or s3://bucket/prefix).",
                "Exit codes: 0 succeeded, 1 failed, 2 bad input, 3 interrupted (checkpointed; run again to resume)."})
final class WorkerCommand implements Callable<Integer> {
    static final int INTERRUPTED = JobRunner.EXIT_INTERRUPTED;
    private static final long GRACE_SECONDS = 120;

    @Option(names = "--spec", required = true, paramLabel = "FILE|URI",
            description = "JobSpec JSON (docs/jobs.md): a file, or a key URI under --artifacts such as "
                    + "s3://bucket/prefix/env/user/job/spec.json ({index} is replaced by an array child's index).")
    String spec;

    @Option(names = "--artifacts", required = true, paramLabel = "URI", description = "Artifact store: file:///path or s3://bucket/prefix.")
    String artifacts;

    @Option(names = "--callback", paramLabel = "URL", description = "POST signed progress and status events here (HMAC key: env LIVE_CALLBACK_SECRET).")
    String callback;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Local run directory (default: a temporary directory).")
    Path workDir;

    @Override
    public Integer call() throws IOException {
        Map<String, String> env = System.getenv();
        String specLocation = WorkerSupport.resolveSpec(spec, env);
        ArtifactStore store = openStore(env);
        JobSpec job = readSpec(specLocation, store);
        JobEventListener remote = callbackListener();
        PrintStream err = System.err;
        JobEventListener listener = new JobEventListener() {
            @Override
            public void onStatus(JobStatus s) {
                err.println("job " + s.jobId() + ": " + s.state().wireName() + " (attempt " + s.attempt() + ")"
                        // a success keeps the cause of an earlier interruption in its status; it is not this line's news
                        + (s.failureCause() != null && !s.state().wireName().equals("running")
                        && !s.state().wireName().equals("succeeded") ? ": " + s.failureCause() : ""));
                remote.onStatus(s);
            }

            @Override
            public void onProgress(JobStatus s) {
                JobProgress p = s.progress();
                err.println(String.format(Locale.ROOT, "progress: step %d/%d (%.1f%%), %.0f steps/s, %d molecules",
                        p.step(), p.totalSteps(), p.percent(), p.stepsPerSecond(), p.species()));
                remote.onProgress(s);
            }
        };
        Path work = workDir != null ? workDir : Files.createTempDirectory("live-worker-" + job.jobId() + "-");
        JobRunner runner = new JobRunner(job, store, work, null, listener, Clock.systemUTC());
        // bad input and local errors stop here, before the job's status is touched: the job is not consumed
        try {
            runner.checkBeforeRun();
        } catch (JobRejectedException e) {
            throw new BadInputException("--spec " + specLocation + ": " + e.getMessage());
        } catch (io.live2.compute.UnavailableBackendException e) {
            throw new BadInputException("--spec " + specLocation + ": simulation.backend: " + e.getMessage());
        } catch (IOException e) {
            if (workDir != null && e.getMessage() != null && e.getMessage().startsWith("work directory")) {
                throw new BadInputException("--work-dir: " + e.getMessage());
            }
            throw e;
        }
        Thread hook = new Thread(() -> {
            runner.interrupt("SIGTERM");
            try {
                runner.awaitFinished(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            JobStatus s = runner.status();
            remote.flush(Duration.ofSeconds(5));
            System.out.flush();
            System.err.flush();
            // the JVM is exiting because of the signal; say "interrupted, resumable" rather than 143
            Runtime.getRuntime().halt(s != null ? JobRunner.exitCode(s.state()) : INTERRUPTED);
        }, "live-worker-checkpoint-on-signal");
        Runtime.getRuntime().addShutdownHook(hook);
        JobStatus end;
        try {
            end = runner.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // a signal arrived: the hook is running and ends the process with the job's exit code
            }
        }
        remote.flush(Duration.ofSeconds(5));
        System.out.println("job " + end.jobId() + " " + end.state().wireName() + " (attempt " + end.attempt() + ", step "
                + end.progress().step() + ")" + (end.failureCause() != null && end.state() != io.live2.jobs.JobState.SUCCEEDED
                ? ": " + end.failureCause() : ""));
        System.out.println("artifacts: " + artifacts + (artifacts.endsWith("/") ? "" : "/") + job.artifactPrefix());
        return JobRunner.exitCode(end.state());
    }

    /** The spec from a local file, or from the store when --spec names a key under --artifacts (how Batch passes it). */
    private JobSpec readSpec(String location, ArtifactStore store) throws IOException {
        String json;
        if (location.contains("://") && !location.startsWith("file:")) {
            String key = WorkerSupport.keyUnder(artifacts, location).orElseThrow(() -> new BadInputException(
                    "--spec: " + location + " is not under --artifacts " + artifacts + "; give a file or a key under the store"));
            try (var in = store.get(key).orElseThrow(() -> new BadInputException("--spec: " + location + " does not exist in the store"))) {
                json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } else {
            Path file = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
            if (!Files.isRegularFile(file)) {
                throw new BadInputException("--spec: " + file + " is not a readable file");
            }
            json = Files.readString(file, StandardCharsets.UTF_8);
        }
        try {
            return JobSpecJson.parse(json);
        } catch (JobRejectedException e) {
            throw new BadInputException("--spec " + location + ": " + e.getMessage());
        }
    }

    private ArtifactStore openStore(Map<String, String> env) {
        URI uri;
        try {
            uri = URI.create(artifacts);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--artifacts: '" + artifacts + "' is not a URI; expected file:///path or s3://bucket/prefix");
        }
        try {
            // an S3-compatible endpoint and the region come from the container environment (docs/jobs-aws.md)
            return ArtifactStores.open(uri, "s3".equals(uri.getScheme()) ? WorkerSupport.storeSettings(env) : Map.of());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--artifacts: " + e.getMessage());
        }
    }

    private JobEventListener callbackListener() {
        if (callback == null) {
            return JobEventListener.NONE;
        }
        URI url;
        try {
            url = URI.create(callback);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--callback: '" + callback + "' is not a URL");
        }
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new BadInputException("--callback: '" + callback + "' must be an http or https URL");
        }
        String secret = System.getenv("LIVE_CALLBACK_SECRET");
        // a signing client needs the key; without it callbacks go out unsigned through the built-in poster
        for (JobEventListenerProvider p : secret == null || secret.isEmpty() ? List.<JobEventListenerProvider>of()
                : ServiceLoader.load(JobEventListenerProvider.class)) {
            if (p.supports(url)) {
                try {
                    return p.open(url, secret);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException("--callback: " + e.getMessage());
                }
            }
        }
        if (secret == null || secret.isEmpty()) {
            System.err.println("live: LIVE_CALLBACK_SECRET is not set: callbacks are sent unsigned");
        }
        return new HttpCallbackListener(url, secret, Clock.systemUTC());
    }
}
