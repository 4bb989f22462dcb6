package io.live2.engine;

import io.live2.compute.Motion;
import io.live2.model.ForceField;
import io.live2.model.MorseParams;
import io.live2.model.ParticleState;
import io.live2.model.Topology;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * logs/failure.json: everything needed to understand a failed step without re-running it: the atoms involved
 * (state, bonds, neighbours), the reactive events and pulses of the last steps that touched them or their
 * neighbours, and the checkpoint a resume would continue from.
 */
final class FailureReport {
    /** Atoms listed at most. */
    static final int MAX_ATOMS = 8;
    /** Neighbours are the atoms within this distance of a listed atom, nm. */
    static final double NEIGHBOUR_RADIUS = 0.6;

    private FailureReport() {
    }

    static Map<String, Object> of(Failure failure, ParticleState s, Topology t, ForceField ff, RecentEvents recent,
                                  Path lastGoodCheckpoint, Map<String, Object> context) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", failure.step());
        m.put("reason", failure.reason());
        m.put("message", failure.message());
        m.putAll(context);
        m.put("last_good_checkpoint", lastGoodCheckpoint == null ? null : "checkpoints/" + lastGoodCheckpoint.getFileName());
        List<Map<String, Object>> atoms = new ArrayList<>();
        Set<Long> involved = new HashSet<>();
        for (int slot : failure.atoms().subList(0, Math.min(MAX_ATOMS, failure.atoms().size()))) {
            atoms.add(atom(slot, s, t, ff, involved));
        }
        m.put("atoms", atoms);
        List<Map<String, Object>> events = new ArrayList<>();
        for (RecentEvents.Event e : recent.events()) {
            if (involved.contains(e.atomA()) || involved.contains(e.atomB())) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("step", e.step());
                row.put("kind", e.kind());
                row.put("atoms", List.of(e.atomA(), e.atomB()));
                row.put("order_from", e.from());
                row.put("order_to", e.to());
                row.put("delta_potential_kj_mol", e.deltaU());
                events.add(row);
            }
        }
        m.put("events", events);
        List<Map<String, Object>> pulses = new ArrayList<>();
        for (RecentEvents.Pulse p : recent.pulses()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", p.step());
            row.put("kind", p.kind());
            row.put("centre_nm", List.of(p.x(), p.y()));
            row.put("radius_nm", p.radius());
            row.put("energy_added_kj_mol", p.energy());
            List<Long> reached = new ArrayList<>();
            for (long id : p.atoms()) {
                if (involved.contains(id)) {
                    reached.add(id);
                }
            }
            row.put("atoms_reached", p.atoms().length);
            row.put("involved_atoms_reached", reached);
            pulses.add(row);
        }
        m.put("pulses", pulses);
        return m;
    }

    /** The slots whose state fails the per-step check ({@link Motion#atomSound}), lowest first, at most MAX_ATOMS. */
    static List<Integer> badAtoms(ParticleState s, double[] invMass) {
        List<Integer> bad = new ArrayList<>();
        for (int i = 0; i < s.n && bad.size() < MAX_ATOMS; i++) {
            if (!Motion.atomSound(s, i, invMass[s.type[i]])) {
                bad.add(i);
            }
        }
        return bad;
    }

    /** The slots that would drift furthest in a step of h, furthest first. */
    static List<Integer> fastestAtoms(ParticleState s, double[] invMass, double h) {
        Integer[] order = new Integer[s.n];
        double[] reach = new double[s.n];
        for (int i = 0; i < s.n; i++) {
            order[i] = i;
            double im = invMass[s.type[i]];
            reach[i] = (Math.hypot(s.vx[i], s.vy[i]) + 0.5 * h * Math.hypot(s.fx[i], s.fy[i]) * im) * h;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(reach[b], reach[a]));
        return List.of(order).subList(0, Math.min(MAX_ATOMS, s.n));
    }

    private static Map<String, Object> atom(int i, ParticleState s, Topology t, ForceField ff, Set<Long> involved) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", s.id[i]);
        a.put("slot", i);
        a.put("element", FailedRun.element(ff, s.type[i]));
        a.put("position_nm", List.of(s.x[i], s.y[i]));
        a.put("velocity_nm_ps", List.of(s.vx[i], s.vy[i]));
        a.put("force_kj_mol_nm", List.of(s.fx[i], s.fy[i]));
        a.put("speed_nm_ps", Math.hypot(s.vx[i], s.vy[i]));
        involved.add(s.id[i]);
        List<Map<String, Object>> bonds = new ArrayList<>();
        for (int k = 0; k < t.degree(i); k++) {
            int j = t.partner(i, k);
            double r = Math.sqrt(s.distance2(i, j));
            MorseParams morse = ff.morse(s.type[i], s.type[j], t.orderAt(i, k));
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("id", s.id[j]);
            b.put("element", FailedRun.element(ff, s.type[j]));
            b.put("order", t.orderAt(i, k));
            b.put("distance_nm", r);
            b.put("morse_energy_kj_mol", morse == null ? null : morse.energy(r));
            bonds.add(b);
            involved.add(s.id[j]);
        }
        a.put("bonds", bonds);
        List<Map<String, Object>> near = new ArrayList<>();
        if (Double.isFinite(s.x[i]) && Double.isFinite(s.y[i])) {
            for (int j = 0; j < s.n; j++) {
                double r2 = s.distance2(i, j);
                if (j == i || !(r2 < NEIGHBOUR_RADIUS * NEIGHBOUR_RADIUS)) {
                    continue;
                }
                Map<String, Object> nb = new LinkedHashMap<>();
                nb.put("id", s.id[j]);
                nb.put("element", FailedRun.element(ff, s.type[j]));
                nb.put("distance_nm", Math.sqrt(r2));
                nb.put("relation", t.bondOrder(i, j) != 0 ? "bonded" : t.isOneThree(i, j) ? "one_three" : "nonbonded");
                near.add(nb);
                involved.add(s.id[j]);
            }
        }
        a.put("neighbours", near);
        return a;
    }
}
