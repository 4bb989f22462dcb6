package io.live2.cli;

import io.live2.billing.estimate.Calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures one calibration point per (backend, preset, atom count) from two jobs of the same system, one short and
 * one long: the marginal rate atoms × (extra steps) ÷ (extra seconds) is what each further step costs on the whole
 * job path (analysis and output included), and the short job's remainder is the fixed cost (start-up, final
 * analysis, report, uploads). The long job is sized to simulate for a few seconds, so the difference rises well
 * above the machine's noise.
 */
final class CalibrationRun {
    /** Atom-steps the long job runs: a few seconds of simulation on one thread at the chemistry presets' rate. */
    static final double LONG_ATOM_STEPS = 2.5e7;
    static final double QUICK_ATOM_STEPS = 4e4;

    private final JobTimer timer;
    private final boolean quick;

    CalibrationRun(JobTimer timer, boolean quick) {
        this.timer = timer;
        this.quick = quick;
    }

    Calibration measure(List<String> presets, List<Integer> sizes, List<String> backends, String command) {
        List<Calibration.Point> points = new ArrayList<>();
        int total = presets.size() * sizes.size() * backends.size();
        int done = 0;
        timer.seconds(JobTimer.config(presets.get(0), backends.get(0), sizes.get(0), 100)); // warm the JIT: not a point
        for (String backend : backends) {
            for (String preset : presets) {
                for (int atoms : sizes) {
                    long longSteps = Math.max(quick ? 200 : 1000, Math.min(200_000, Math.round((quick ? QUICK_ATOM_STEPS : LONG_ATOM_STEPS) / atoms)));
                    long shortSteps = Math.max(1, longSteps / 6);
                    double tShort = timer.seconds(JobTimer.config(preset, backend, atoms, shortSteps));
                    double tLong = timer.seconds(JobTimer.config(preset, backend, atoms, longSteps));
                    Calibration.Point p = point(backend, preset, atoms, shortSteps, tShort, longSteps, tLong);
                    points.add(p);
                    done++;
                    System.out.println(String.format(Locale.ROOT, "[%d/%d] %s/%s %d atoms: %d steps %.2f s, %d steps %.2f s -> %.3g atom-steps/s, %.2f s fixed",
                            done, total, preset, backend, atoms, shortSteps, tShort, longSteps, tLong, p.atomStepsPerSecond(), p.fixedSeconds()));
                }
            }
        }
        return new Calibration(CalibrateCommand.now(), CalibrateCommand.machine(), command, CalibrateCommand.version(), points);
    }

    /**
     * The rate from the difference of the two jobs; when noise makes the long one no slower than the short one, the
     * long job's average rate with no fixed part (an upper bound on the rate, so the estimate errs long).
     */
    static Calibration.Point point(String backend, String preset, int atoms, long shortSteps, double tShort, long longSteps, double tLong) {
        double rate = (double) atoms * (longSteps - shortSteps) / (tLong - tShort);
        double fixed = tShort - (double) atoms * shortSteps / rate;
        if (!(tLong > tShort) || !(fixed >= 0)) {
            rate = (double) atoms * longSteps / tLong;
            fixed = Math.max(0, tShort - (double) atoms * shortSteps / rate);
        }
        return new Calibration.Point(backend, preset, atoms, rate, fixed);
    }
}
