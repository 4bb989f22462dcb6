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

    @Option(names = "--capacity", description = "spot (default) or on_demand")
    String capacity;

    @Option(names = "--idempotency-key", description = "resubmitting with the same key returns the same job")
    String idempotencyKey;

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
        LiveClient.SubmittedJob job = RemoteErrors.call(() -> client.submit(sim, capacity, idempotencyKey));
        System.out.println("job: " + job.jobId() + (job.replayed() ? " (already submitted with this idempotency key)" : ""));
        System.out.println(String.format(Locale.ROOT, "estimate: %.0f s, $%.4f", job.estimateDurationSeconds(), job.estimateCostUsd()));
        if (await) {
            return RemoteWatch.watch(client, job.jobId());
        }
        return Main.OK;
    }
}
