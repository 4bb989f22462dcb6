package io.live2.cli;

import picocli.CommandLine.Command;

/** The top-level command; each sub-command is one file. */
@Command(name = "live", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Live 2.0: open-ended prebiotic chemistry simulator.",
        subcommands = {RunCommand.class, ResumeCommand.class, PresetsCommand.class, AnalyzeCommand.class, FindCommand.class, BenchCommand.class, BackendsCommand.class, WorkerCommand.class, SoakCommand.class, DrillCommand.class, ServeCommand.class, RemoteCommand.class, CalibrateCommand.class})
final class LiveCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
