package io.live2.cli;

import io.live2.billing.Capacity;
import io.live2.billing.JobEstimate;
import io.live2.billing.estimate.Calibration;
import io.live2.billing.estimate.CalibratedEstimator;
import io.live2.billing.estimate.PriceTable;
import io.live2.model.config.Presets;
import io.live2.model.config.SimulationConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code live calibrate --verify N}: N local jobs of varied preset, size and length, each estimated with the
 * calibration and then run; prints estimate against actual and the median and worst relative error
 * |estimate − actual| ÷ actual of the duration (the cost follows the duration at a fixed price).
 */
final class EstimateCheck {
    static final int[] ATOMS = {150, 400, 800, 1500, 2500};
    static final long[] STEPS = {1_000, 5_000, 15_000, 40_000};
    /** The largest job of the check, atom-steps (about 8 s): keeps 24 jobs within a few minutes on a laptop. */
    static final long MAX_ATOM_STEPS = 40_000_000;

    private final JobTimer timer;
    private final CalibratedEstimator estimator;

    EstimateCheck(JobTimer timer, Calibration calibration) {
        this.timer = timer;
        this.estimator = new CalibratedEstimator(calibration, PriceTable.bundled(), "c7i.2xlarge", 1.0);
    }

    record Row(String preset, int atoms, long steps, JobEstimate estimate, double actualSeconds) {
        double error() {
            return Math.abs(estimate.durationSeconds() - actualSeconds) / actualSeconds;
        }
    }

    /** The i-th job of the check: every preset, sizes and lengths spread so no two neighbours look alike. */
    static SimulationConfig job(int i) {
        List<String> presets = Presets.names();
        int atoms = ATOMS[(i * 3 + i / presets.size()) % ATOMS.length];
        long steps = Math.min(STEPS[(i * 7 + i / 4) % STEPS.length], Math.max(100, MAX_ATOM_STEPS / atoms));
        return JobTimer.config(presets.get(i % presets.size()), "auto", atoms, steps);
    }

    void run(int n, Path report) throws IOException {
        List<Row> rows = new ArrayList<>();
        timer.seconds(job(0)); // warm the JIT as a server that has run jobs is warm: not counted
        for (int i = 0; i < n; i++) {
            SimulationConfig c = job(i);
            JobEstimate e = estimator.estimate(c, Capacity.SPOT);
            double actual = timer.seconds(c);
            Row r = new Row(c.preset(), c.particles(), c.steps(), e, actual);
            rows.add(r);
            System.out.println(String.format(Locale.ROOT, "[%d/%d] %s %d atoms %d steps: estimate %.1f s, actual %.1f s, error %.0f %%",
                    i + 1, n, r.preset(), r.atoms(), r.steps(), e.durationSeconds(), actual, 100 * r.error()));
        }
        double[] errors = rows.stream().mapToDouble(Row::error).sorted().toArray();
        double median = errors.length % 2 == 1 ? errors[errors.length / 2] : (errors[errors.length / 2 - 1] + errors[errors.length / 2]) / 2;
        double worst = errors[errors.length - 1];
        // sub-second jobs are dominated by timer noise and JIT state; what a user pays for is the longer ones
        double worstLong = rows.stream().filter(r -> r.actualSeconds() >= 1).mapToDouble(Row::error).max().orElse(Double.NaN);
        long longJobs = rows.stream().filter(r -> r.actualSeconds() >= 1).count();
        String summary = String.format(Locale.ROOT, "duration error over %d jobs: median %.1f %%, worst %.1f %% (worst of the %d taking 1 s or more: %.1f %%)",
                n, 100 * median, 100 * worst, longJobs, 100 * worstLong);
        System.out.println(summary);
        if (report != null) {
            Files.writeString(report, markdown(rows, summary));
            System.out.println("report: " + report);
        }
    }

    private String markdown(List<Row> rows, String summary) {
        StringBuilder sb = new StringBuilder();
        sb.append("| # | preset | atoms | steps | estimate s | actual s | error | estimate $ (spot, no safety factor) | actual $ |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            sb.append(String.format(Locale.ROOT, "| %d | %s | %d | %d | %.1f | %.1f | %.0f %% | %.6f | %.6f |%n", i + 1, r.preset(), r.atoms(),
                    r.steps(), r.estimate().durationSeconds(), r.actualSeconds(), 100 * r.error(), r.estimate().costUsd(),
                    estimator.actualCostUsd(r.actualSeconds(), Capacity.SPOT)));
        }
        sb.append('\n').append(summary).append(" (").append(CalibrateCommand.machine()).append(", ").append(CalibrateCommand.now()).append(")\n");
        return sb.toString();
    }
}
