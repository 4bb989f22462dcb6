package io.live2.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.live2.server.client.LiveClient;
import io.live2.server.client.ServerEvent;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code live remote watch ID}: follows the job's event stream (a progress bar on a terminal, a plain line per
 * event otherwise) until it ends; exit 0 when it succeeded, 1 when it failed or was canceled.
 */
@Command(name = "watch", mixinStandardHelpOptions = true, description = "Follow a job's progress until it ends.")
final class RemoteWatch implements Callable<Integer> {
    @Mixin
    RemoteOptions remote;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
        return watch(remote.client(), id);
    }

    static int watch(LiveClient client, String id) {
        boolean tty = Boolean.getBoolean("live.tty");
        ProgressBar[] bar = {null};
        JsonNode done;
        try {
            done = RemoteErrors.call(() -> client.waitUntilDone(id, e -> show(e, tty, bar)));
        } finally {
            if (bar[0] != null) {
                bar[0].close();
            }
        }
        String status = done.path("status").asText();
        System.out.println("job " + id + ": " + status + (done.path("failure_cause").isTextual() ? " (" + done.get("failure_cause").asText() + ")" : ""));
        return status.equals("succeeded") ? Main.OK : Main.FAILURE;
    }

    private static void show(ServerEvent e, boolean tty, ProgressBar[] bar) {
        JsonNode d;
        try {
            d = LiveClient.JSON.readTree(e.data());
        } catch (Exception x) {
            return;
        }
        if (e.name().equals("progress")) {
            long total = d.path("total_steps").asLong();
            if (tty) {
                if (bar[0] == null) {
                    bar[0] = new ProgressBarBuilder().setTaskName("steps").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                            .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
                }
                bar[0].stepTo(d.path("step").asLong());
                bar[0].setExtraMessage(String.format(Locale.ROOT, "%.0f steps/s, %d molecules, %.0f K", d.path("steps_per_second").asDouble(),
                        d.path("molecules").asInt(), d.path("temperature").asDouble()));
            } else {
                System.err.println(String.format(Locale.ROOT, "step %d/%d (%.1f%%), %.0f steps/s, %d molecules, %.0f K", d.path("step").asLong(),
                        total, d.path("percent").asDouble(), d.path("steps_per_second").asDouble(), d.path("molecules").asInt(),
                        d.path("temperature").asDouble()));
            }
        } else if (e.name().equals("status") && !tty) {
            System.err.println("status: " + d.path("status").asText());
        }
    }
}
