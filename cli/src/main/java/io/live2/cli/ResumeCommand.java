package io.live2.cli;

import io.live2.engine.RunResult;
import io.live2.engine.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** live resume DIR [--steps TOTAL]: continue from the latest checkpoint to the same result as an uninterrupted run. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue a run from the latest checkpoint in DIR.")
final class ResumeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Run directory written by 'live run'.")
    Path dir;

    @Option(names = "--steps", paramLabel = "TOTAL", description = "Total steps to reach (default: the run's configured steps).")
    Long steps;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("DIR: " + dir + " is not a directory");
        }
        if (!Files.isDirectory(dir.resolve("checkpoints"))) {
            throw new BadInputException("DIR: " + dir + " has no checkpoints/ folder; is it a run directory?");
        }
        // the engine checks --steps (the bound of a run's steps, and not below the step reached) and the files
        try (Simulation sim = Simulation.resume(dir, steps, List.of(ProgressDisplay.create(System.err)))) {
            RunResult result = Interrupts.runHandlingSignals(sim);
            Summary.print(result, System.out);
            return Main.OK;
        }
    }
}
