package io.live2.engine;

import io.live2.model.ForceField;
import io.live2.model.ParticleState;
import io.live2.model.ParticleType;
import io.live2.model.Topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The invariants a finished run must show (CHEMISTRY.md §5 and the energy ledger), checked on the simulation's
 * current state: what `live soak` asserts after every run and what the soak tests assert.
 * <ul>
 *   <li>elements: the count of every element is what it was at the start (open-chemistry kinds may turn into
 *       one another through documented mutations; the number of atoms that are kinds is kept);</li>
 *   <li>valence: no atom has more bond order than its type's valence, every bond is listed on both atoms with the
 *       same order, and the force field has Morse parameters for it;</li>
 *   <li>state: every position, velocity and force finite, every atom inside the box;</li>
 *   <li>energy ledger: |E_now − E_initial − injected − bath heat − driver work| within {@code ledgerTolerance} of
 *       the energy that passed through the system, |E_initial| + injected + |bath heat| + |driver work|.</li>
 * </ul>
 */
public final class RunChecks {
    private RunChecks() {
    }

    /** The ledger residual relative to the energy that passed through the system (see the class comment). */
    public static double ledgerError(Simulation sim) {
        RunLedger l = sim.ledger();
        double turnover = Math.abs(l.energyInitial()) + Math.abs(l.energyInjected()) + Math.abs(l.bathHeat())
                + Math.abs(l.driverWork());
        return Math.abs(l.energyResidual(sim.totalEnergy())) / Math.max(turnover, Double.MIN_NORMAL);
    }

    /** Every broken invariant, one sentence each; empty when the run is sound. */
    public static List<String> violations(Simulation sim, double ledgerTolerance) {
        List<String> out = new ArrayList<>();
        sim.snapshot(); // a device backend copies its state to the host first
        elements(sim, out);
        valence(sim.state(), sim.topology(), sim.forceField(), out);
        state(sim.state(), sim.forceField(), out);
        double error = ledgerError(sim);
        if (!(error <= ledgerTolerance)) {
            out.add(String.format(Locale.ROOT, "energy ledger: residual %.4g kJ/mol is %.3g of the energy turnover,"
                    + " above %.3g", sim.ledger().energyResidual(sim.totalEnergy()), error, ledgerTolerance));
        }
        return out;
    }

    private static void elements(Simulation sim, List<String> out) {
        Map<String, Long> before = realElements(sim.ledger().elementsInitial(), sim.forceField());
        Map<String, Long> now = realElements(sim.elementCounts(), sim.forceField());
        if (!before.equals(now)) {
            out.add("elements: " + before + " at the start, " + now + " now");
        }
    }

    /** Element symbol → count, with every open-chemistry kind counted under "kinds". */
    private static Map<String, Long> realElements(Map<String, Long> counts, ForceField ff) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((name, n) -> out.merge(isElement(name, ff) ? name : "kinds", n, Long::sum));
        return out;
    }

    private static boolean isElement(String name, ForceField ff) {
        for (ParticleType t : ff.types()) {
            if (name.equals(t.element())) {
                return true;
            }
        }
        return false;
    }

    private static void valence(ParticleState s, Topology t, ForceField ff, List<String> out) {
        for (int i = 0; i < s.n && out.size() < 20; i++) {
            if (t.valenceUsed(i) > ff.maxValence(s.type[i])) {
                out.add("valence: atom " + s.id[i] + " uses " + t.valenceUsed(i) + " of valence "
                        + ff.maxValence(s.type[i]));
            }
            for (int k = 0; k < t.degree(i); k++) {
                int j = t.partner(i, k);
                if (t.bondOrder(j, i) != t.orderAt(i, k)) {
                    out.add("bonds: atom " + s.id[i] + " lists a bond to " + s.id[j] + " that " + s.id[j]
                            + " does not list with the same order");
                }
                if (ff.morse(s.type[i], s.type[j], t.orderAt(i, k)) == null) {
                    out.add("bonds: " + s.id[i] + "-" + s.id[j] + " of order " + t.orderAt(i, k)
                            + " has no Morse parameters");
                }
            }
        }
    }

    private static void state(ParticleState s, ForceField ff, List<String> out) {
        List<Integer> bad = FailureReport.badAtoms(s, ff.invMassTable());
        if (!bad.isEmpty()) {
            out.add("state: atom " + s.id[bad.get(0)] + " is not finite or not inside the box");
        }
    }
}
