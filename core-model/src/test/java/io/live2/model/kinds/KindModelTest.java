package io.live2.model.kinds;

import io.live2.model.ForceField;
import io.live2.model.MorseParams;
import io.live2.model.PhysicsDatabase;
import io.live2.model.config.SimulationConfig.OpenChemistry;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KindModelTest {
    private static final OpenChemistry OC = new OpenChemistry(12, 0.1);

    @Test
    void initialKindsAreNamedInOrderAndDeterministic() {
        List<Kind> a = new KindModel(OC, 7).initialKinds();
        List<Kind> b = new KindModel(OC, 7).initialKinds();
        List<Kind> c = new KindModel(OC, 8).initialKinds();
        assertEquals(a, b);
        assertNotEquals(a, c);
        for (int i = 0; i < a.size(); i++) {
            assertEquals("K" + (i + 1), a.get(i).name());
            assertEquals(i + 1, Kind.indexOf(a.get(i).name()));
            assertInRange(a.get(i));
        }
    }

    @Test
    void kindNamesParse() {
        assertEquals(3, Kind.indexOf("K3"));
        assertEquals(-1, Kind.indexOf("K"));
        assertEquals(-1, Kind.indexOf("K03"));
        assertEquals(-1, Kind.indexOf("C"));
        assertEquals(-1, Kind.indexOf("K3a"));
        assertEquals(-1, Kind.indexOf("K99999999999"));
    }

    @Property(tries = 200)
    void mutantsStayInRangeAndAreReproducible(@ForAll @IntRange(min = 0, max = 11) int parent,
                                              @ForAll @IntRange(min = 0, max = 1_000_000) long step,
                                              @ForAll @IntRange(min = 0, max = 100_000) long atom) {
        KindModel model = new KindModel(OC, 3);
        Kind p = model.initialKinds().get(parent);
        Kind m1 = model.mutate(p, step, atom, 13);
        Kind m2 = new KindModel(OC, 3).mutate(p, step, atom, 13);
        assertEquals(m1, m2);
        assertEquals("K13", m1.name());
        assertInRange(m1);
        assertTrue(Math.abs(m1.valence() - p.valence()) <= 1);
    }

    @Test
    void mutationMovesAttributes() {
        KindModel model = new KindModel(OC, 3);
        Kind p = model.initialKinds().get(0);
        assertNotEquals(p.mass(), model.mutate(p, 10, 20, 13).mass());
        assertNotEquals(model.mutate(p, 10, 20, 13), model.mutate(p, 11, 20, 13));
    }

    @Property(tries = 300)
    void pairRuleFollowsTheDocumentedLaws(@ForAll @DoubleRange(min = 0, max = 1) double affA,
                                          @ForAll @DoubleRange(min = 0, max = 1) double affB,
                                          @ForAll @IntRange(min = 1, max = 4) int valA,
                                          @ForAll @IntRange(min = 1, max = 4) int valB,
                                          @ForAll @IntRange(min = 1, max = 3) int order) {
        MorseParams m = KindRules.morse(affA, valA, 0.3, affB, valB, 0.35, order);
        boolean allowed = Math.sqrt(affA * affB) >= KindRules.AFFINITY_THRESHOLD && order <= Math.min(valA, valB);
        assertEquals(allowed, m != null);
        if (m != null) {
            assertTrue(m.depth() > 0 && m.reNm() > 0 && m.aPerNm() > 0);
            MorseParams stronger = KindRules.morse(1, valA, 0.3, 1, valB, 0.35, order);
            assertTrue(stronger.depth() >= m.depth(), "D_e grows with affinity");
            assertEquals(m, KindRules.morse(affB, valB, 0.35, affA, valA, 0.3, order), "symmetric");
            if (order > 1) {
                MorseParams lower = KindRules.morse(affA, valA, 0.3, affB, valB, 0.35, order - 1);
                assertTrue(m.depth() > lower.depth() && m.reNm() < lower.reNm(), "higher order: deeper and shorter");
            }
        }
    }

    @Test
    void bondRuleWorksThroughTheForceField() {
        List<io.live2.model.ParticleType> types = List.of(
                new Kind("K1", 12, 4, 0.34, 0.4, 1.0).toParticleType(),
                new Kind("K2", 16, 2, 0.31, 0.3, 0.01).toParticleType(),
                io.live2.model.ParticleType.of(PhysicsDatabase.builtIn().element("C")));
        ForceField ff = new ForceField(types, KindRules.bondRule(PhysicsDatabase.builtIn()), 2.5);
        assertNotNull(ff.morse(0, 0, 3), "two affinity-1 kinds of valence 4 can triple-bond");
        assertNull(ff.morse(0, 1, 1), "g = sqrt(1 * 0.01) = 0.1 is below the threshold");
        assertNull(ff.morse(0, 2, 1), "kinds never bond to elements");
        assertEquals(PhysicsDatabase.builtIn().morse("C", "C", 2), ff.morse(2, 2, 2), "elements keep the database");
    }

    private static void assertInRange(Kind k) {
        assertTrue(k.mass() >= OC.massMin() && k.mass() <= OC.massMax());
        assertTrue(k.valence() >= OC.valenceMin() && k.valence() <= OC.valenceMax());
        assertTrue(k.sigma() >= OC.sigmaMin() && k.sigma() <= OC.sigmaMax());
        assertTrue(k.epsilon() >= OC.epsilonMin() && k.epsilon() <= OC.epsilonMax());
        assertTrue(k.affinity() >= OC.affinityMin() && k.affinity() <= OC.affinityMax());
    }
}
