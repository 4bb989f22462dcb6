package io.live2.engine;

import io.live2.compute.ComputeBackend;
import io.live2.model.ForceField;
import io.live2.model.MorseParams;
import io.live2.model.ParticleState;
import io.live2.model.PhysicsDatabase;
import io.live2.model.Topology;
import io.live2.model.config.SimulationConfig;

import java.util.Arrays;

/**
 * Bond formation, breaking and order change (CHEMISTRY.md §5), checked every K steps.
 *
 * <ul>
 *   <li>Break: a bond whose Morse energy rises above −breakDepth·D_e breaks.</li>
 *   <li>Lower order: a bond of order o &gt; 1 drops to o − 1 when U_o(r) &gt; U_{o−1}(r) + breakDepth·D_{e,o−1}
 *       (the lower order is clearly favoured at this length).</li>
 *   <li>Form: an unbonded pair with free valence on both atoms and a database entry bonds when its order-1 Morse
 *       energy is below −formDepth·D_e (a distance, not an energy, test: r &lt; r_form).</li>
 *   <li>Raise order: a bonded pair with spare valence on both atoms rises to o + 1 when U_{o+1}(r) is below both
 *       −formDepth·D_{e,o+1} and U_o(r).</li>
 * </ul>
 * Every event changes the potential by an exact ΔU (see {@link PairEnergy}) paid by {@link KineticTransfer}; an
 * event that cannot be paid is rejected. Events are applied one at a time in ascending atom-index order on the
 * current state, so the outcome is deterministic.
 */
final class ReactiveEvents {
    private final double formDepth;
    private final double breakDepth;
    private final ParticleState s;
    private final Topology t;
    private final RunLedger ledger;
    private final RecentEvents recent;
    private long step;
    private ForceField ff;
    private PairEnergy pairEnergy;
    private double[] formDistance2;
    private double maxFormDistance;
    private int[] scratch = new int[1024];

    ReactiveEvents(SimulationConfig.Reactions cfg, ParticleState s, Topology t, ForceField ff, RunLedger ledger,
                   RecentEvents recent) {
        this.formDepth = cfg.formDepth();
        this.breakDepth = cfg.breakDepth();
        this.s = s;
        this.t = t;
        this.ledger = ledger;
        this.recent = recent;
        forceField(ff);
    }

    /** The force field changed (open-chemistry mutation): recompute formation distances. */
    void forceField(ForceField forceField) {
        this.ff = forceField;
        this.pairEnergy = new PairEnergy(s, t, forceField);
        int n = forceField.typeCount();
        formDistance2 = new double[n * n];
        double max = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                MorseParams m = forceField.morse(a, b, 1);
                double d = m == null ? -1 : m.distanceAtDepthFraction(formDepth);
                formDistance2[a * n + b] = d < 0 ? -1 : d * d;
                max = Math.max(max, d);
            }
        }
        maxFormDistance = max;
    }

    /** Runs one reactive check; returns true when the bond graph changed (forces must then be recomputed). */
    boolean apply(ComputeBackend backend, long step) {
        this.step = step;
        long before = t.version();
        breakAndLower();
        if (maxFormDistance > 0) {
            form(backend);
            raise();
        }
        return t.version() != before;
    }

    private void breakAndLower() {
        int count = collectBonds();
        for (int k = 0; k < count; k += 2) {
            int i = scratch[k];
            int j = scratch[k + 1];
            int order = t.bondOrder(i, j);
            if (order == 0) {
                continue;
            }
            double r = Math.sqrt(s.distance2(i, j));
            MorseParams m = ff.morse(s.type[i], s.type[j], order);
            if (m.energy(r) > -breakDepth * m.depth()) {
                if (attempt(i, j, 0, order)) {
                    ledger.bondsBroken++;
                }
            } else if (order > 1) {
                MorseParams lower = ff.morse(s.type[i], s.type[j], order - 1);
                if (lower != null && m.energy(r) > lower.energy(r) + breakDepth * lower.depth()) {
                    if (attempt(i, j, order - 1, order)) {
                        ledger.ordersLowered++;
                    }
                }
            }
        }
    }

    private void form(ComputeBackend backend) {
        int[] count = {0};
        int nt = ff.typeCount();
        backend.forEachPairWithin(maxFormDistance, (i, j, r2) -> {
            double limit = formDistance2[s.type[i] * nt + s.type[j]];
            if (r2 < limit) {
                ensure(count[0] + 2);
                scratch[count[0]++] = i;
                scratch[count[0]++] = j;
            }
        });
        for (int k = 0; k < count[0]; k += 2) {
            int i = scratch[k];
            int j = scratch[k + 1];
            if (t.bondOrder(i, j) != 0 || freeValence(i) < 1 || freeValence(j) < 1
                    || t.degree(i) >= Topology.SLOTS || t.degree(j) >= Topology.SLOTS) {
                continue;
            }
            if (attempt(i, j, 1, 0)) {
                ledger.bondsFormed++;
            }
        }
    }

    private void raise() {
        int count = collectBonds();
        for (int k = 0; k < count; k += 2) {
            int i = scratch[k];
            int j = scratch[k + 1];
            int order = t.bondOrder(i, j);
            if (order == 0 || order >= PhysicsDatabase.MAX_ORDER || freeValence(i) < 1 || freeValence(j) < 1) {
                continue;
            }
            MorseParams higher = ff.morse(s.type[i], s.type[j], order + 1);
            if (higher == null) {
                continue;
            }
            double r = Math.sqrt(s.distance2(i, j));
            double uHigher = higher.energy(r);
            if (uHigher < -formDepth * higher.depth() && uHigher < ff.morse(s.type[i], s.type[j], order).energy(r)) {
                if (attempt(i, j, order + 1, order)) {
                    ledger.ordersRaised++;
                }
            }
        }
    }

    /** Moves the bond (i, j) from order `from` to order `to` (0 = no bond) if the pair can pay ΔU. */
    private boolean attempt(int i, int j, int to, int from) {
        double before = pairEnergy.aroundEdge(i, j);
        setOrder(i, j, to, from);
        double after = pairEnergy.aroundEdge(i, j);
        double deltaU = after - before;
        if (!KineticTransfer.pay(s, ff, i, j, deltaU)) {
            setOrder(i, j, from, to);
            ledger.eventsRejected++;
            return false;
        }
        ledger.reactionPotentialChange += deltaU;
        recent.event(step, s.id[i], s.id[j], from, to, deltaU);
        return true;
    }

    private void setOrder(int i, int j, int to, int from) {
        if (from == 0) {
            t.addBond(i, j, to);
        } else if (to == 0) {
            t.removeBond(i, j);
        } else {
            t.setOrder(i, j, to);
        }
    }

    private int freeValence(int i) {
        return ff.maxValence(s.type[i]) - t.valenceUsed(i);
    }

    private int collectBonds() {
        int count = 0;
        for (int i = 0; i < s.n; i++) {
            for (int k = 0; k < t.degree(i); k++) {
                int j = t.partner(i, k);
                if (j > i) {
                    ensure(count + 2);
                    scratch[count++] = i;
                    scratch[count++] = j;
                }
            }
        }
        return count;
    }

    private void ensure(int size) {
        if (size > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(size, scratch.length * 2));
        }
    }
}
