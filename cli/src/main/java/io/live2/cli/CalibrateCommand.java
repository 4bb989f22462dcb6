package io.live2.cli;

import io.live2.billing.estimate.Calibration;
import io.live2.engine.Version;
import io.live2.model.config.Presets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code live calibrate}: measures how fast jobs run on this machine, per backend, preset and atom count, and writes
 * the estimator's calibration file; {@code --verify N} then runs N jobs of varied size and reports how far the
 * estimate is from what they take.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure job throughput on this machine for the cost and duration estimator; write the calibration file.")
final class CalibrateCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "FILE", defaultValue = "calibration.json",
            description = "Where the calibration is written (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--presets", split = ",", paramLabel = "P", description = "Presets to calibrate (default: all).")
    List<String> presets;

    @Option(names = "--atoms", split = ",", paramLabel = "N", description = "Atom counts (default 150,400,1000,2500; --quick: 100).")
    List<Integer> atoms;

    @Option(names = "--backends", split = ",", paramLabel = "B", defaultValue = "auto",
            description = "Backends as a job's config names them (default ${DEFAULT-VALUE}).")
    List<String> backends;

    @Option(names = "--quick", description = "A seconds-long calibration (tests; not for pricing).")
    boolean quick;

    @Option(names = "--verify", paramLabel = "N", defaultValue = "0",
            description = "Run N local jobs of varied size and report estimate against actual (0: no; at least 20 for docs/billing.md).")
    int verify;

    @Option(names = "--calibration", paramLabel = "FILE",
            description = "With --verify and no measurement: the calibration to check (default: the one just written to --out).")
    Path calibration;

    @Option(names = "--report", paramLabel = "FILE.md", description = "With --verify: also write the table as Markdown.")
    Path report;

    @Override
    public Integer call() throws IOException {
        List<String> chosen = presets == null ? Presets.names() : presets;
        for (String p : chosen) {
            if (!Presets.names().contains(p)) {
                throw new BadInputException("--presets: '" + p + "' is not a preset; allowed " + String.join(", ", Presets.names()));
            }
        }
        List<Integer> sizes = atoms != null ? atoms : quick ? List.of(100) : List.of(150, 400, 1000, 2500);
        for (int n : sizes) {
            if (n < 20 || n > 200_000) {
                throw new BadInputException("--atoms: " + n + " is out of range; allowed 20..200000");
            }
        }
        if (verify < 0 || verify > 1000) {
            throw new BadInputException("--verify: " + verify + " is out of range; allowed 0..1000");
        }
        Path scratch = Files.createTempDirectory("live-calibrate");
        JobTimer timer = new JobTimer(scratch);
        Calibration cal;
        if (calibration != null && verify > 0) {
            cal = Calibration.read(calibration);
        } else {
            cal = new CalibrationRun(timer, quick).measure(chosen, sizes, backends, commandLine());
            cal.write(out);
            System.out.println("calibration: " + cal.points().size() + " points written to " + out);
        }
        if (verify > 0) {
            new EstimateCheck(timer, cal).run(verify, report);
        }
        return Main.OK;
    }

    private String commandLine() {
        List<String> parts = new ArrayList<>(List.of("live", "calibrate"));
        if (presets != null) {
            parts.add("--presets " + String.join(",", presets));
        }
        if (atoms != null) {
            parts.add("--atoms " + String.join(",", atoms.stream().map(String::valueOf).toList()));
        }
        parts.add("--backends " + String.join(",", backends));
        if (quick) {
            parts.add("--quick");
        }
        return String.join(" ", parts);
    }

    /** Cores, JVM and OS: where a calibration was measured. */
    static String machine() {
        return String.format(Locale.ROOT, "%d cores, Java %s, %s %s %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"));
    }

    static String now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    static String version() {
        return Version.LIVE;
    }
}
