package io.live2.cli;

import io.live2.engine.RunResult;
import io.live2.engine.RunStatus;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** The few lines printed after a run. */
final class Summary {
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
        if (r.runDirectory() != null) {
            out.println("run directory: " + r.runDirectory());
            if (r.status() == RunStatus.INTERRUPTED) {
                out.println("continue with: live resume " + r.runDirectory());
            }
        }
    }
}
