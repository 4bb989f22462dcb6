package io.live2.cli;

import io.live2.server.client.LiveClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code live remote download ID DIR}: every artifact, each checked against its listed size and SHA-256. */
@Command(name = "download", mixinStandardHelpOptions = true, description = "Download all artifacts of a job (checksums verified).")
final class RemoteDownload implements Callable<Integer> {
    @Mixin
    RemoteOptions remote;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Parameters(index = "1", paramLabel = "DIR")
    Path dir;

    @Override
    public Integer call() {
        LiveClient client = remote.client();
        LiveClient.Downloaded d;
        try {
            d = RemoteErrors.call(() -> client.download(id, dir));
        } catch (IllegalStateException e) {
            throw new RemoteErrors.RemoteFailure(e.getMessage());
        }
        System.out.println("downloaded " + d.files() + " files, " + d.bytes() + " bytes, into " + dir + " (SHA-256 verified)");
        return Main.OK;
    }
}
