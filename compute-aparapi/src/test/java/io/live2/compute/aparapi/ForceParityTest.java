package io.live2.compute.aparapi;

import io.live2.compute.cpu.TestSystems;

import io.live2.compute.Backends;
import io.live2.compute.ComputeBackend;
import io.live2.compute.Energies;
import io.live2.compute.NeighborSettings;
import io.live2.model.ParticleState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Forces and energies of random bonded systems against the float64 reference. Both backends get the same input
 * (positions rounded to float first), so the differences are the float32 arithmetic alone.
 *
 * <p>Stated tolerances (float32 vs float64): per atom |F − F_ref| ≤ 1e-4 · max(|F_ref|, F_rms) where F_rms is
 * the system's RMS force; each energy term and the virial within 1e-4 relative of the reference term's scale
 * (max(|term|, sum of |potential terms|·1e-2)). Also: pulled positions are unchanged, neighbour list built once.
 */
class ForceParityTest {
    static final double FORCE_TOL = 1e-4;
    static final double ENERGY_TOL = 1e-4;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void forcesAndEnergiesMatchReference(long seed) {
        Aparapi.require();
        TestSystems.System sys = TestSystems.random(seed, 400, 60, 7.0);
        ParticleState s = sys.state();
        for (int i = 0; i < s.n; i++) {
            s.x[i] = ParticleState.wrap((float) s.x[i], s.boxX());
            s.y[i] = ParticleState.wrap((float) s.y[i], s.boxY());
            s.x[i] = (float) s.x[i] >= s.boxX() ? 0 : (float) s.x[i];
            s.y[i] = (float) s.y[i] >= s.boxY() ? 0 : (float) s.y[i];
        }
        TestSystems.System ref = sys.copy();
        Energies er;
        try (ComputeBackend r = Backends.create("reference", 1)) {
            r.bind(ref.state(), ref.topology(), ref.ff(), new NeighborSettings(0.1));
            er = r.computeForces();
        }
        Energies ea;
        try (AparapiBackend a = new AparapiBackend()) {
            a.bind(s, sys.topology(), sys.ff(), new NeighborSettings(0.1));
            ea = a.computeForces();
            a.pullState();
            assertEquals(1, a.neighbourBuilds());
        }
        double rms = 0;
        for (int i = 0; i < s.n; i++) {
            rms += ref.state().fx[i] * ref.state().fx[i] + ref.state().fy[i] * ref.state().fy[i];
        }
        rms = Math.sqrt(rms / s.n);
        double worst = 0;
        for (int i = 0; i < s.n; i++) {
            double fr = Math.hypot(ref.state().fx[i], ref.state().fy[i]);
            double d = Math.hypot(s.fx[i] - ref.state().fx[i], s.fy[i] - ref.state().fy[i]);
            worst = Math.max(worst, d / Math.max(fr, rms));
            assertEquals(ref.state().x[i], s.x[i], 0.0, "positions survive the round trip");
        }
        double scale = 1e-2 * (Math.abs(er.lennardJones()) + Math.abs(er.bonds()) + Math.abs(er.repulsion13()));
        List<String> report = new ArrayList<>();
        double[][] terms = {{er.lennardJones(), ea.lennardJones()}, {er.bonds(), ea.bonds()},
                {er.repulsion13(), ea.repulsion13()}, {er.virial(), ea.virial()}};
        String[] names = {"lj", "bonds", "r13", "virial"};
        double worstE = 0;
        for (int t = 0; t < terms.length; t++) {
            double rel = Math.abs(terms[t][1] - terms[t][0]) / Math.max(Math.abs(terms[t][0]), scale);
            worstE = Math.max(worstE, rel);
            report.add(names[t] + " ref " + terms[t][0] + " aparapi " + terms[t][1] + " rel " + rel);
        }
        System.out.printf("seed %d: F_rms %.4g, worst per-atom force deviation %.3g (relative), energies %s%n",
                seed, rms, worst, report);
        assertTrue(worst <= FORCE_TOL, "worst relative force deviation " + worst);
        assertTrue(worstE <= ENERGY_TOL, "energy deviations " + report);
        assertTrue(er.bonds() != 0 && er.repulsion13() != 0, "the system exercises Morse and 1-3 terms");
    }
}
