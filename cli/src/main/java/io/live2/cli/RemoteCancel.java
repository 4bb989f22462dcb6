package io.live2.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.live2.server.client.LiveClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code live remote cancel ID}. */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a queued or running job.")
final class RemoteCancel implements Callable<Integer> {
    @Mixin
    RemoteOptions remote;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
        LiveClient client = remote.client();
        JsonNode j = RemoteErrors.call(() -> client.cancel(id));
        System.out.println("job " + j.path("job_id").asText() + ": " + j.path("status").asText());
        return Main.OK;
    }
}
