package io.live2.compute.simd;

import io.live2.compute.Backends;
import io.live2.compute.ComputeBackend;
import io.live2.compute.Energies;
import io.live2.compute.LjSystem;
import io.live2.compute.NeighborSettings;
import io.live2.model.ParticleState;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 NVE steps of a 256-atom lj-fluid (ρ = 0.7, T* = 1, cutoff 2.5, skin 0.3, dt = 0.005) on "simd" and on the
 * all-pairs "reference". Compared: mean and standard deviation of total energy E, temperature T = 2K/(2N − 2)
 * (kT in ε) and pressure P = (2K + W)/(2A). Stated tolerances, which a non-bit-identical backend would have to meet
 * (trajectories of a chaotic fluid separate after a few hundred steps, so only statistics can be compared then):
 * |ΔE mean| below 1e-3 ε per atom, E std within 50 %, T and P means within 3 % of the reference, T and P std within
 * 30 %. The simd backend in fact matches the reference to the bit, which is asserted too.
 */
class SimdNveStatisticsTest {
    private static final int STEPS = 10_000;
    private static final double DT = 0.005;

    record Stats(double meanE, double stdE, double meanT, double stdT, double meanP, double stdP, double[] x) {
    }

    static Stats run(ComputeBackend b) {
        LjSystem sys = LjSystem.lattice(256, 0.7, 2.5, 1.0, 87287);
        ParticleState s = sys.state();
        double area = s.boxX() * s.boxY();
        double[] sum = new double[6];
        try (b) {
            b.bind(s, sys.topology(), sys.forceField(), new NeighborSettings(0.3));
            Energies e = b.computeForces();
            for (int step = 1; step <= STEPS; step++) {
                b.kick(0.5 * DT);
                b.drift(DT);
                e = b.computeForces();
                b.kick(0.5 * DT);
                double k = b.kineticEnergy();
                double total = k + e.potential();
                double t = 2 * k / (2.0 * s.n - 2);
                double p = (2 * k + e.virial()) / (2 * area);
                sum[0] += total;
                sum[1] += total * total;
                sum[2] += t;
                sum[3] += t * t;
                sum[4] += p;
                sum[5] += p * p;
            }
        }
        double n = STEPS;
        return new Stats(sum[0] / n, std(sum[0], sum[1], n), sum[2] / n, std(sum[2], sum[3], n), sum[4] / n,
                std(sum[4], sum[5], n), s.x.clone());
    }

    private static double std(double s, double s2, double n) {
        return Math.sqrt(Math.max(0, s2 / n - (s / n) * (s / n)));
    }

    @Test
    void nveStatisticsMatchTheReference() {
        Stats ref = run(Backends.create("reference", 1));
        Stats simd = run(new SimdBackend(2));
        System.out.printf("reference: E %.6f ± %.6f  T %.5f ± %.5f  P %.5f ± %.5f%n", ref.meanE(), ref.stdE(),
                ref.meanT(), ref.stdT(), ref.meanP(), ref.stdP());
        System.out.printf("simd:      E %.6f ± %.6f  T %.5f ± %.5f  P %.5f ± %.5f%n", simd.meanE(), simd.stdE(),
                simd.meanT(), simd.stdT(), simd.meanP(), simd.stdP());
        assertTrue(Math.abs(simd.meanE() - ref.meanE()) < 1e-3 * 256, "mean E");
        assertTrue(Math.abs(simd.stdE() - ref.stdE()) <= 0.5 * ref.stdE() + 1e-12, "std E");
        assertTrue(Math.abs(simd.meanT() - ref.meanT()) < 0.03 * ref.meanT(), "mean T");
        assertTrue(Math.abs(simd.stdT() - ref.stdT()) < 0.3 * ref.stdT(), "std T");
        assertTrue(Math.abs(simd.meanP() - ref.meanP()) < 0.03 * Math.abs(ref.meanP()), "mean P");
        assertTrue(Math.abs(simd.stdP() - ref.stdP()) < 0.3 * ref.stdP(), "std P");
        // the design is bit-identical: the whole trajectory is the reference's
        assertEquals(ref, new Stats(simd.meanE(), simd.stdE(), simd.meanT(), simd.stdT(), simd.meanP(), simd.stdP(),
                ref.x()));
        org.junit.jupiter.api.Assertions.assertArrayEquals(ref.x(), simd.x());
    }
}
