package io.live2.cli;

import io.live2.engine.RunResult;
import io.live2.engine.RunStatus;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The few lines printed after a run: what was made first, then the run's own figures. */
final class Summary {
    /** energy_ledger_error above which the summary warns: the soak's tolerance (its presets stay below 0.011). */
    static final double LEDGER_WARNING = 0.02;

    private Summary() {
    }

    static void print(RunResult r, PrintStream out) {
        Map<String, Object> s = r.summary();
        made(s).ifPresent(out::println);
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

    /**
     * "made 12 products with new heavy-atom bonds (new bonds: C-C 4, C-N 2); largest C2H6 (2 heavy atoms) at 31.25 ps",
     * from the results.json fields of the chemistry analysis; empty when the run was not analysed (interrupted, or no
     * run directory). ASCII only: a terminal in the C locale would print an en dash as '?'.
     */
    static Optional<String> made(Map<String, ?> s) {
        if (!(s.get("products_cross_feed") instanceof Number cross)) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder("made ");
        int n = cross.intValue();
        b.append(n == 0 ? "no product" : n + (n == 1 ? " product" : " products")).append(" with new heavy-atom bonds");
        if (s.get("new_heavy_atom_bonds") instanceof Map<?, ?> bonds && !bonds.isEmpty()) {
            StringBuilder pairs = new StringBuilder();
            bonds.forEach((pair, count) -> pairs.append(pairs.isEmpty() ? "" : ", ").append(pair).append(' ').append(count));
            b.append(" (new bonds: ").append(pairs).append(n == 0 ? ", only in feed species)" : ")");
        }
        if (s.get("largest_molecule_formula") instanceof String formula
                && s.get("largest_molecule_heavy_atoms") instanceof Number heavy) {
            int h = heavy.intValue();
            b.append("; largest ").append(formula).append(" (").append(h).append(h == 1 ? " heavy atom" : " heavy atoms");
            if (Boolean.TRUE.equals(s.get("largest_molecule_feed"))) {
                b.append(", in the feed)");
            } else {
                b.append(String.format(Locale.ROOT, ") at %.2f ps", ((Number) s.get("largest_molecule_time_ps")).doubleValue()));
            }
        }
        return Optional.of(b.toString());
    }
}
