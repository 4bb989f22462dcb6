package io.live2.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.live2.server.client.LiveClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code live remote status ID}. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show one job: state, attempt, progress, times.")
final class RemoteStatus implements Callable<Integer> {
    @Mixin
    RemoteOptions remote;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
        LiveClient client = remote.client();
        JsonNode j = RemoteErrors.call(() -> client.job(id));
        JsonNode p = j.path("progress");
        System.out.println("job:      " + j.path("job_id").asText());
        System.out.println("status:   " + j.path("status").asText() + " (attempt " + j.path("attempt").asInt() + ")");
        System.out.println(String.format(Locale.ROOT, "progress: step %d of %d (%.1f%%), %.0f steps/s, %d molecules", p.path("step").asLong(),
                p.path("total_steps").asLong(), p.path("percent").asDouble(), p.path("steps_per_second").asDouble(), p.path("species").asInt()));
        System.out.println("created:  " + j.path("created_at").asText());
        System.out.println("started:  " + j.path("started_at").asText("-"));
        System.out.println("ended:    " + j.path("ended_at").asText("-"));
        if (j.path("failure_cause").isTextual()) {
            System.out.println("cause:    " + j.path("failure_cause").asText());
        }
        System.out.println(String.format(Locale.ROOT, "estimate: %.0f s, $%.4f", j.path("estimate").path("duration_seconds").asDouble(),
                j.path("estimate").path("cost_usd").asDouble()));
        return Main.OK;
    }
}
