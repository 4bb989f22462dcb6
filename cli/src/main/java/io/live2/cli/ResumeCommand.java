package io.live2.cli;

import io.live2.engine.RunResult;
import io.live2.engine.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** live resume DIR [--steps TOTAL] [--timestep PS] [--max-displacement X]: continue from the latest checkpoint to the same result as an uninterrupted run. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue a run from the latest checkpoint in DIR.")
final class ResumeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Run directory written by 'live run'.")
    Path dir;

    @Option(names = "--steps", paramLabel = "TOTAL", description = "Total steps to reach (default: the run's configured steps).")
    Long steps;

    @Option(names = "--timestep", paramLabel = "PS",
            description = "Continue with this time step, ps (e.g. smaller after a failure); recorded in metadata.json.")
    Double timestep;

    @Option(names = "--max-displacement", paramLabel = "X",
            description = "Continue with this sub-step limit (units of the smallest sigma); recorded in metadata.json.")
    Double maxDisplacement;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("DIR: " + dir + " is not a directory");
        }
        if (!Files.isDirectory(dir.resolve("checkpoints"))) {
            throw new BadInputException("DIR: " + dir + " has no checkpoints/ folder; is it a run directory?");
        }
        // the engine checks --steps (the bound of a run's steps, and not below the step reached) and the files
        Map<String, Object> changes = new LinkedHashMap<>();
        if (timestep != null) {
            changes.put("timestep", timestep);
        }
        if (maxDisplacement != null) {
            changes.put("max_displacement", maxDisplacement);
        }
        // the config's own validation checks the new values (same ranges and messages as live run)
        RunResult result = Interrupts.run(
                () -> Simulation.resume(dir, steps, List.of(ProgressDisplay.create(System.err)), changes),
                "interrupted while setting up the resume: the run directory is as it was; run 'live resume " + dir
                        + "' again", System.err);
        Summary.print(result, System.out);
        return Main.OK;
    }
}
