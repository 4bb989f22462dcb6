package io.live2.cli;

import io.live2.engine.analysis.RunAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** live analyze DIR: recompute the chemistry analysis from DIR's snapshots (the same files the run wrote). */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Re-run the chemistry analysis over DIR's snapshots and rewrite its results/ files.")
final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Run directory written by 'live run'.")
    Path dir;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir.resolve("snapshots"))) {
            throw new BadInputException("DIR: " + dir + " has no snapshots/ folder; is it a run directory?");
        }
        RunAnalysis.Summary s = RunAnalysis.analyze(dir);
        Map<String, Object> fields = new LinkedHashMap<>();
        s.addTo(fields);
        Summary.made(fields).ifPresent(System.out::println);
        System.out.printf(Locale.ROOT, "analysed %d snapshots in %.2f s: %d species (%d novel), %d reaction types from %d events, %d autocatalytic cycles%n",
                s.frames(), s.seconds(), s.species(), s.novelSpecies(), s.reactionTypes(), s.reactionEvents(), s.autocatalyticCycles());
        System.out.println("report: " + dir.resolve("results/report.html"));
        return Main.OK;
    }
}
