package io.live2.compute.aparapi;

import io.live2.compute.Backends;
import io.live2.compute.ComputeBackend;
import io.live2.compute.Energies;
import io.live2.compute.LjSystem;
import io.live2.compute.NeighborSettings;
import io.live2.model.ParticleState;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 NVE velocity-Verlet steps of the lj-fluid (16 x 16 = 256 atoms, ρ* = 0.7, T* = 1, rc = 2.5σ, skin 0.3,
 * dt* = 0.005) on "aparapi" and on "reference" from the same start. The trajectories decorrelate (float32 vs
 * float64 chaos), so the comparison is statistical, over steps 2,000..10,000 sampled every 10 steps.
 *
 * <p>Stated tolerances: mean total energy per atom within 2e-3 ε of the reference; std of total energy per atom
 * at most 2·(reference std) + 1e-4 ε; total-energy drift per atom |E_end − E_0|/N ≤ 2e-3 ε; mean temperature
 * within 3 % of the reference and std within 30 %; mean pressure within 5 % of the reference and std within
 * 30 %.
 */
class NveParityTest {
    static final int STEPS = 10_000;
    static final int EQUILIBRATION = 2_000;
    static final int EVERY = 10;

    record Stats(double meanE, double stdE, double meanT, double stdT, double meanP, double stdP, double drift) {
    }

    static Stats run(ComputeBackend b) {
        LjSystem sys = LjSystem.lattice(256, 0.7, 2.5, 1.0, 87287);
        ParticleState s = sys.state();
        int n = s.n;
        double area = s.boxX() * s.boxY();
        b.bind(s, sys.topology(), sys.forceField(), new NeighborSettings(0.3));
        Energies e = b.computeForces();
        double e0 = e.potential() + b.kineticEnergy();
        double dt = 0.005;
        double[] sum = new double[3];
        double[] sum2 = new double[3];
        int samples = 0;
        double eLast = e0;
        for (int step = 1; step <= STEPS; step++) {
            b.kick(0.5 * dt);
            b.drift(dt);
            e = b.computeForces();
            b.kick(0.5 * dt);
            if (step > EQUILIBRATION && step % EVERY == 0) {
                double k = b.kineticEnergy();
                double[] v = {(e.potential() + k) / n, k / (n - 1), (2 * k + e.virial()) / (2 * area)};
                for (int q = 0; q < 3; q++) {
                    sum[q] += v[q];
                    sum2[q] += v[q] * v[q];
                }
                samples++;
                eLast = e.potential() + k;
            }
        }
        double[] mean = new double[3];
        double[] std = new double[3];
        for (int q = 0; q < 3; q++) {
            mean[q] = sum[q] / samples;
            std[q] = Math.sqrt(Math.max(0, sum2[q] / samples - mean[q] * mean[q]));
        }
        return new Stats(mean[0], std[0], mean[1], std[1], mean[2], std[2], (eLast - e0) / n);
    }

    @Test
    void nveStatisticsMatchReference() {
        Aparapi.require();
        Stats ref;
        try (ComputeBackend r = Backends.create("reference", 1)) {
            ref = run(r);
        }
        Stats apa;
        try (ComputeBackend a = new AparapiBackendProvider().create(1)) {
            apa = run(a);
        }
        System.out.println("reference: " + ref);
        System.out.println("aparapi:   " + apa);
        assertTrue(Math.abs(apa.meanE() - ref.meanE()) <= 2e-3, "mean E/N " + apa + " vs " + ref);
        assertTrue(apa.stdE() <= 2 * ref.stdE() + 1e-4, "std E/N " + apa + " vs " + ref);
        assertTrue(Math.abs(apa.drift()) <= 2e-3, "drift " + apa.drift());
        assertTrue(Math.abs(apa.meanT() / ref.meanT() - 1) <= 0.03, "mean T " + apa + " vs " + ref);
        assertTrue(Math.abs(apa.stdT() / ref.stdT() - 1) <= 0.30, "std T " + apa + " vs " + ref);
        assertTrue(Math.abs(apa.meanP() / ref.meanP() - 1) <= 0.05, "mean P " + apa + " vs " + ref);
        assertTrue(Math.abs(apa.stdP() / ref.stdP() - 1) <= 0.30, "std P " + apa + " vs " + ref);
    }
}
