package io.live2.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * live drill all: every drill of `live drill`, one after another with its defaults (the full drills of
 * docs/reliability.md), each in a directory of its own under --dir; a closing table of verdicts and times. A drill
 * added to `live drill` later is run too: the list is the parent command's.
 */
@Command(name = "all", mixinStandardHelpOptions = true,
        description = {"Runs every drill with its defaults, one after another, each in DIR/<drill>; prints each "
                + "drill's own report, then a table of verdicts and times; exits 1 if any drill failed."})
final class DrillAllCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", description = "Where each drill keeps its evidence, in a directory of its name (default: a new temporary directory, kept).")
    Path dir;

    @Option(names = "--skip", split = ",", description = "Drills to leave out, by name, comma-separated (e.g. --skip fuzz,workers).")
    List<String> skip = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Map<String, CommandLine> drills = new LinkedHashMap<>(spec.parent().subcommands());
        drills.remove(spec.name());
        for (String s : skip) {
            if (!drills.containsKey(s)) {
                throw new BadInputException("--skip: '" + s + "' is not a drill; allowed " + String.join(", ", drills.keySet()));
            }
        }
        Path where = Drills.workDir(dir, "live-drill-all-");
        Map<String, String> verdicts = new LinkedHashMap<>();
        boolean allPassed = true;
        long start = System.nanoTime();
        for (Map.Entry<String, CommandLine> d : drills.entrySet()) {
            if (skip.contains(d.getKey())) {
                verdicts.put(d.getKey(), "skipped");
                continue;
            }
            System.out.printf(Locale.ROOT, "%n=== live drill %s (%s) ===%n", d.getKey(), where.resolve(d.getKey()));
            long t0 = System.nanoTime();
            int code = d.getValue().execute("--dir", where.resolve(d.getKey()).toString());
            allPassed &= code == Main.OK;
            verdicts.put(d.getKey(), (code == Main.OK ? "verified" : "FAILED (exit " + code + ")")
                    + String.format(Locale.ROOT, " in %.0f s", (System.nanoTime() - t0) / 1e9));
        }
        System.out.printf(Locale.ROOT, "%n=== all drills, %.0f s, evidence in %s ===%n", (System.nanoTime() - start) / 1e9, where);
        verdicts.forEach((name, v) -> System.out.printf(Locale.ROOT, "  %-10s %s%n", name, v));
        System.out.println(allPassed ? "verified: every drill" : "NOT VERIFIED: see the drills marked FAILED");
        return allPassed ? Main.OK : 1;
    }
}
