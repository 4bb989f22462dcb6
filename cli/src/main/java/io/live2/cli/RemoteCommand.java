package io.live2.cli;

import picocli.CommandLine.Command;

/** {@code live remote}: a client of any Live server (docs/server.md). */
@Command(name = "remote", mixinStandardHelpOptions = true,
        description = "Use a Live server: submit, list, status, watch, cancel, download (key in LIVE_API_KEY).",
        subcommands = {RemoteSubmit.class, RemoteList.class, RemoteStatus.class, RemoteWatch.class, RemoteCancel.class, RemoteDownload.class})
final class RemoteCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
