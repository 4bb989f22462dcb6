package io.live2.engine;

import io.live2.compute.Backends;
import io.live2.compute.ComputeBackend;
import io.live2.compute.Energies;
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
import net.jqwik.api.constraints.DoubleRange;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11's sibling hunt: the formation rule lets a 3-membered ring close (the two ends of a bonded C–C–C are a
 * 1-3 pair within forming distance). Closing it must be paid exactly (the pair's soft 1-3 repulsion is replaced by
 * a Morse bond, the only relation that changes), the ring's forces must be the gradient of its energy (no 1-3 term
 * is left between bonded atoms), and the ring must then integrate with energy conserved.
 */
class ThreeMemberedRingTest {
    private static final PhysicsDatabase DB = PhysicsDatabase.builtIn();
    private static final List<ParticleType> TYPES = List.of(ParticleType.of(DB.element("C")));

    @Property(tries = 25)
    void aRingClosesWithExactBookkeepingAndStaysStable(@ForAll @DoubleRange(min = 40, max = 90) double angleDeg,
                                                        @ForAll @DoubleRange(min = 0.0, max = 3.0) double speed) {
        double box = 3.0;
        ParticleState s = new ParticleState(3, box, box);
        ForceField ff = new ForceField(TYPES, BondRule.fromDatabase(DB), 2.5);
        double re = ff.morse(0, 0, 1).reNm();
        double a = Math.toRadians(angleDeg);
        // C0 - C1 - C2 bent by `angle` at C1, each bond at r_e; C0 and C2 a 1-3 pair
        s.x[1] = 1.5;
        s.y[1] = 1.5;
        s.x[0] = 1.5 - re;
        s.y[0] = 1.5;
        s.x[2] = 1.5 - re * Math.cos(a);
        s.y[2] = 1.5 + re * Math.sin(a);
        s.vx[0] = speed;
        s.vx[2] = -speed;
        for (int i = 0; i < 3; i++) {
            s.id[i] = i;
        }
        Topology t = new Topology(3);
        t.addBond(0, 1, 1);
        t.addBond(1, 2, 1);
        try (ComputeBackend b = Backends.create("reference", 1)) {
            b.bind(s, t, ff, new NeighborSettings(0.1));
            double before = b.kineticEnergy() + b.computeForces().potential();
            RunLedger ledger = new RunLedger();
            ReactiveEvents events = new ReactiveEvents(new SimulationConfig.Reactions(true, 1, 0.1, 0.05), s, t, ff,
                    ledger, new RecentEvents());
            events.apply(b, 1);
            b.topologyChanged();
            Energies e = b.computeForces();
            double after = b.kineticEnergy() + e.potential();
            if (t.bondOrder(0, 2) == 0) {
                // too far to form at a wide angle, or could not be paid: nothing may have changed
                assertEquals(before, after, 1e-9 * Math.abs(before));
                return;
            }
            assertEquals(before, after, 1e-9 * Math.abs(before), "closing the ring is paid exactly");
            assertEquals(0.0, e.repulsion13(), "no 1-3 term between atoms that are all bonded to each other");
            // forces are the gradient of the ring's energy
            double h = 1e-7;
            for (int i = 0; i < 3; i++) {
                double x0 = s.x[i];
                s.x[i] = x0 + h;
                double up = b.computeForces().potential();
                s.x[i] = x0 - h;
                double down = b.computeForces().potential();
                s.x[i] = x0;
                b.computeForces();
                double fd = -(up - down) / (2 * h);
                assertEquals(fd, s.fx[i], 1e-5 * (Math.abs(fd) + 1), "fx of atom " + i);
            }
            // and it vibrates with its energy conserved
            double e0 = b.kineticEnergy() + b.computeForces().potential();
            double dt = 0.0005;
            for (int step = 0; step < 4000; step++) {
                b.kick(0.5 * dt);
                b.drift(dt);
                b.computeForces();
                b.kick(0.5 * dt);
            }
            double e1 = b.kineticEnergy() + b.computeForces().potential();
            assertTrue(Math.abs(e1 - e0) < 1e-3 * Math.abs(e0), "ring energy drift " + (e1 - e0) + " of " + e0);
            assertTrue(b.motion().sound());
        }
    }
}
