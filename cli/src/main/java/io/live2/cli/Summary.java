package io.live2.cli;

import io.live2.engine.RunResult;
import io.live2.engine.RunStatus;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** The few lines printed after a run. */
final class Summary {
    /** energy_ledger_error above which the summary warns: the soak's tolerance (its presets stay below 0.011). */
    static final double LEDGER_WARNING = 0.02;

    private Summary() {
    }

    static void print(RunResult r, PrintStream out) {
        Map<String, Object> s = r.summary();
        out.printf(Locale.ROOT, "%s: %d steps (%.3f ps) in %.1f s, %.0f steps/s, %.3g atom-steps/s%n",
                r.status() == RunStatus.SUCCEEDED ? "done" : "interrupted", r.steps(), r.number("simulated_time_ps"),
                r.number("wall_seconds_this_invocation"), r.number("steps_per_second"), r.number("atom_steps_per_second"));
        out.printf(Locale.ROOT, "energy drift %.3e (relative), mean T %.1f K, bonds formed %d, broken %d, energy injected %.1f kJ/mol%n",
                r.number("energy_drift_relative"), r.number("mean_temperature"), (long) r.number("bonds_formed"),
                (long) r.number("bonds_broken"), r.number("energy_injected"));
        out.printf(Locale.ROOT, "molecules %d, bonds %d, elements %s%n", (long) r.number("molecules_final"),
                (long) r.number("bonds_final"), s.get("elements_final"));
        double ledger = r.number("energy_ledger_error");
        if (ledger > LEDGER_WARNING) {
            // the run finished, but its integration was too coarse to trust the energetics
            out.printf(Locale.ROOT, "warning: the energy ledger is off by %.1f %% of the energy that passed through the"
                    + " system: the time step is too coarse for it; rerun or resume with a smaller --timestep%n", 100 * ledger);
        }
        if (r.number("substeps_extra") > r.steps()) {
            out.printf(Locale.ROOT, "note: %d sub-steps on top of %d steps (up to %d in one step): the time step is large for"
                    + " how fast atoms move; a smaller timestep would run as fast and say so%n", (long) r.number("substeps_extra"),
                    r.steps(), (long) r.number("substeps_max"));
        }
        if (r.runDirectory() != null) {
            out.println("run directory: " + r.runDirectory());
            if (r.status() == RunStatus.INTERRUPTED) {
                out.println("continue with: live resume " + r.runDirectory());
            }
        }
    }
}
