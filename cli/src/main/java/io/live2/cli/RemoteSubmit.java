package io.live2.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.live2.model.config.ConfigLoader;
import io.live2.server.client.LiveClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code live remote submit CONFIG.json}: validates the config locally, submits it, prints the job id and estimate. */
@Command(name = "submit", mixinStandardHelpOptions = true, description = "Submit a simulation config (the JSON live run --config reads).")
final class RemoteSubmit implements Callable<Integer> {
    @Mixin
    RemoteOptions remote;

    @Parameters(index = "0", paramLabel = "CONFIG.json")
    Path config;

    @Option(names = "--capacity", description = "spot or on_demand (default: on_demand where the tier offers it, else spot)")
    String capacity;

    @Option(names = "--idempotency-key", description = "resubmitting with the same key returns the same job")
    String idempotencyKey;

    @Option(names = "--dry-run", description = "show the estimate (duration, cost) and whether the tier's guardrails admit the job; submit nothing")
    boolean dryRun;

    @Option(names = "--wait", description = "then watch it to the end, like live remote watch")
    boolean await;

    @Override
    public Integer call() throws java.io.IOException {
        if (capacity != null && !capacity.equals("spot") && !capacity.equals("on_demand")) {
            throw new BadInputException("--capacity: '" + capacity + "' is not allowed; allowed spot, on_demand");
        }
        String text = ConfigFile.read(config);
        ConfigLoader.fromJson(text); // the same checks the server makes, with the same messages, before any upload
        LiveClient client = remote.client();
        JsonNode sim = RemoteErrors.call(() -> LiveClient.JSON.readTree(text));
        if (dryRun) {
            return dryRun(RemoteErrors.call(() -> client.estimate(sim, capacity)));
        }
        LiveClient.SubmittedJob job = RemoteErrors.call(() -> client.submit(sim, capacity, idempotencyKey));
        System.out.println("job: " + job.jobId() + (job.replayed() ? " (already submitted with this idempotency key)" : ""));
        System.out.println(String.format(Locale.ROOT, "estimate: %.0f s, $%.4f", job.estimateDurationSeconds(), job.estimateCostUsd()));
        if (await) {
            return RemoteWatch.watch(client, job.jobId());
        }
        return Main.OK;
    }

    /** Prints the dry run; exit 0 when the job would be admitted, 1 when a guardrail would refuse it. */
    private static int dryRun(JsonNode d) {
        JsonNode e = d.path("estimate");
        System.out.println(String.format(Locale.ROOT, "estimate: %.0f s, $%.4f on %s (%s, tier %s)", e.path("duration_seconds").asDouble(),
                e.path("cost_usd").asDouble(), e.path("instance_type").asText(), d.path("runs_on").asText(), d.path("tier").asText()));
        System.out.println("basis: " + e.path("basis").asText());
        JsonNode v = d.path("verdict");
        if (v.path("allowed").asBoolean()) {
            System.out.println("verdict: allowed (nothing submitted: --dry-run)");
            return Main.OK;
        }
        System.out.println("verdict: refused, " + v.path("reason").asText() + ": " + v.path("message").asText());
        return Main.FAILURE;
    }
}
