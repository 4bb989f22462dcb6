package io.live2.cli;

import picocli.CommandLine.Command;

/**
 * live drill: the reliability drills of docs/reliability.md, on this machine only (child processes and loopback),
 * bounded in jobs and time, stopping by themselves. Each prints what it did and what it verified, and exits 1 when a
 * check fails.
 */
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = "Reliability drills (docs/reliability.md): faults injected on this machine, outcomes verified.",
        subcommands = {DrillWorkersCommand.class, DrillServerCommand.class, DrillDepsCommand.class, DrillRacesCommand.class,
                DrillReplaysCommand.class, DrillHostileCommand.class, DrillFuzzCommand.class, DrillSseCommand.class,
                DrillTenancyCommand.class, DrillUrlsCommand.class, DrillAllCommand.class})
final class DrillCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
