package io.live2.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.live2.server.client.LiveClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code live remote list}: the caller's jobs, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List your jobs, newest first.")
final class RemoteList implements Callable<Integer> {
    @Mixin
    RemoteOptions remote;

    @Option(names = "--limit", defaultValue = "20", description = "how many (1..100, default ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() {
        if (limit < 1 || limit > 100) {
            throw new BadInputException("--limit: " + limit + " is out of range; allowed 1..100");
        }
        LiveClient client = remote.client();
        LiveClient.Page page = RemoteErrors.call(() -> client.list(limit, null));
        System.out.println(String.format(Locale.ROOT, "%-24s %-12s %-24s %8s", "JOB", "STATUS", "CREATED", "PROGRESS"));
        for (JsonNode j : page.jobs()) {
            System.out.println(String.format(Locale.ROOT, "%-24s %-12s %-24s %7.1f%%", j.path("job_id").asText(), j.path("status").asText(),
                    j.path("created_at").asText(), j.path("progress").path("percent").asDouble()));
        }
        return Main.OK;
    }
}
