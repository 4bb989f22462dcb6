package io.live2.engine;

import io.live2.compute.Backends;
import io.live2.compute.ComputeBackend;
import io.live2.compute.NeighborSettings;
import io.live2.model.BondRule;
import io.live2.model.ForceField;
import io.live2.model.ParticleState;
import io.live2.model.ParticleType;
import io.live2.model.PhysicsDatabase;
import io.live2.model.Topology;
import io.live2.model.config.SimulationConfig;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reactive events on random hot, dense, partly bonded systems of H, C, N, O: after every reactive check the total
 * energy K + U and the momentum are unchanged (each event pays its exact ΔU from the pair's kinetic energy), no atom
 * exceeds its valence, and every atom keeps its element.
 */
class ReactiveEventProperties {
    private static final PhysicsDatabase DB = PhysicsDatabase.builtIn();
    private static final List<ParticleType> TYPES = Stream.of("H", "C", "N", "O").map(DB::element).map(ParticleType::of).toList();

    @Property(tries = 60)
    void eventsConserveEnergyMomentumValenceAndElements(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                        @ForAll @IntRange(min = 20, max = 80) int atoms,
                                                        @ForAll @DoubleRange(min = 5, max = 200) double kT,
                                                        @ForAll @DoubleRange(min = 0.05, max = 0.5) double formDepth) {
        Random rnd = new Random(seed);
        double box = Math.sqrt(atoms / 6.0);
        box = Math.max(box, 2.2);
        ParticleState s = new ParticleState(atoms, box, box);
        ForceField ff = new ForceField(TYPES, BondRule.fromDatabase(DB), 2.5);
        Topology t = new Topology(atoms);
        place(s, ff, rnd, kT);
        bondSome(s, t, ff, rnd);
        int[] typesBefore = s.type.clone();

        try (ComputeBackend backend = Backends.create("reference", 1)) {
            backend.bind(s, t, ff, new NeighborSettings(0.1));
            double e0 = backend.kineticEnergy() + backend.computeForces().potential();
            double[] p0 = s.momentum(ff);
            RunLedger ledger = new RunLedger();
            double breakDepth = formDepth / 2;
            ReactiveEvents events = new ReactiveEvents(new SimulationConfig.Reactions(true, 1, formDepth, breakDepth), s, t, ff, ledger,
                    new RecentEvents());
            boolean changed = events.apply(backend, 1);
            backend.topologyChanged();
            double e1 = backend.kineticEnergy() + backend.computeForces().potential();
            double[] p1 = s.momentum(ff);

            Statistics.label("topology changed").collect(changed);
            double scale = Math.max(1.0, Math.abs(e0)) + 100 * ledger.bondsFormed + 100 * ledger.bondsBroken;
            assertEquals(e0, e1, 1e-9 * scale, "total energy across the reactive check");
            assertEquals(p0[0], p1[0], 1e-9 * (1 + Math.abs(p0[0])));
            assertEquals(p0[1], p1[1], 1e-9 * (1 + Math.abs(p0[1])));
            for (int i = 0; i < atoms; i++) {
                assertTrue(t.valenceUsed(i) <= ff.maxValence(s.type[i]), "valence of atom " + i);
            }
            assertArrayEquals(typesBefore, s.type, "no atom changes element");
        }
        Statistics.label("topology changed").coverage(c -> c.check(true).percentage(p -> p > 30));
    }

    private static void place(ParticleState s, ForceField ff, Random rnd, double kT) {
        for (int i = 0; i < s.n; i++) {
            s.type[i] = rnd.nextInt(TYPES.size());
            boolean ok;
            do {
                s.x[i] = rnd.nextDouble() * s.boxX();
                s.y[i] = rnd.nextDouble() * s.boxY();
                ok = true;
                for (int j = 0; j < i && ok; j++) {
                    ok = s.distance2(i, j) > 0.12 * 0.12;
                }
            } while (!ok);
            double sd = Math.sqrt(kT / ff.mass(s.type[i]));
            s.vx[i] = rnd.nextGaussian() * sd;
            s.vy[i] = rnd.nextGaussian() * sd;
        }
    }

    private static void bondSome(ParticleState s, Topology t, ForceField ff, Random rnd) {
        for (int i = 0; i < s.n; i++) {
            for (int j = i + 1; j < s.n; j++) {
                if (s.distance2(i, j) < 0.2 * 0.2 && rnd.nextBoolean()
                        && ff.morse(s.type[i], s.type[j], 1) != null
                        && t.valenceUsed(i) < ff.maxValence(s.type[i]) && t.valenceUsed(j) < ff.maxValence(s.type[j])
                        && t.degree(i) < Topology.SLOTS && t.degree(j) < Topology.SLOTS) {
                    t.addBond(i, j, 1);
                }
            }
        }
    }
}
