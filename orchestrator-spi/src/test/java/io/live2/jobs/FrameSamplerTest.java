package io.live2.jobs;

import io.live2.model.BondRule;
import io.live2.model.ForceField;
import io.live2.model.ParticleState;
import io.live2.model.ParticleType;
import io.live2.model.PhysicsDatabase;
import io.live2.model.Topology;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameSamplerTest {
    private static final PhysicsDatabase DB = PhysicsDatabase.builtIn();

    @Test
    void elementsAreAtomicNumbersAndKindsAreZero() {
        assertEquals(1, FrameSampler.atomicNumber("H"));
        assertEquals(6, FrameSampler.atomicNumber("C"));
        assertEquals(118, FrameSampler.atomicNumber("Og"));
        assertEquals(0, FrameSampler.atomicNumber("K3"));
        List<ParticleType> types = List.of(ParticleType.of(DB.element("O")),
                new ParticleType("K3", null, 12, 3, 0.3, 0.4, 0.5), ParticleType.of(DB.element("S")));
        assertArrayEquals(new byte[]{8, 0, 16}, FrameSampler.typeElements(types));
    }

    @Test
    void aLargeMoleculeIsPassedOverForSmallerOnesThenFillsTheRest() {
        // atoms 0-1 a dimer, 2..7 a chain of six, 8 and 9 free; cap 5
        ParticleState s = new ParticleState(10, 10, 10);
        Topology t = new Topology(10);
        t.addBond(0, 1, 1);
        for (int i = 2; i < 7; i++) {
            t.addBond(i, i + 1, 1);
        }
        for (int i = 0; i < 10; i++) {
            s.x[i] = i + 0.5;
        }
        ForceField ff = new ForceField(List.of(ParticleType.of(DB.element("C"))), BondRule.fromDatabase(DB), 2.5);
        LiveFrame f = new FrameSampler().capture(7, s, t, ff, 5);
        float[] x = new float[f.atoms()];
        for (int k = 0; k < f.atoms(); k++) {
            x[k] = f.xy()[2 * k];
        }
        // dimer, the two free atoms, then the chain's first two atoms (connected) to fill the cap
        assertArrayEquals(new float[]{0.5f, 1.5f, 8.5f, 9.5f, 2.5f}, x);
        assertArrayEquals(new int[]{0, 1}, f.bonds());
        assertEquals(10, f.totalAtoms());
        LiveFrame seven = new FrameSampler().capture(7, s, t, ff, 7);
        assertEquals(7, seven.atoms());
        assertArrayEquals(new int[]{0, 1, 4, 5, 5, 6}, seven.bonds(), "the dimer and a connected piece of the chain (2-3-4)");
    }

    @Test
    void positionsStayBelowTheBoxAsFloats() {
        double box = 2.9999999999; // rounds up to 3.0f
        ParticleState s = new ParticleState(2, box, box);
        s.x[0] = Math.nextDown(box);
        s.y[0] = Math.nextDown(box);
        ForceField ff = new ForceField(List.of(ParticleType.of(DB.element("C"))), BondRule.fromDatabase(DB), 2.5);
        LiveFrame f = new FrameSampler().capture(0, s, new Topology(2), ff, 100);
        assertTrue(f.xy()[0] < box && f.xy()[1] < box, f.xy()[0] + " < " + box);
        assertEquals(0f, f.xy()[2]);
    }
}
