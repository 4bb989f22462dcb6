package io.live2.compute.opencl;

import io.live2.compute.Backends;
import io.live2.compute.ComputeBackend;
import io.live2.compute.Energies;
import io.live2.compute.LjSystem;
import io.live2.compute.NeighborSettings;
import io.live2.model.ParticleState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 NVE steps of the 256-atom lj-fluid (ρ = 0.7, rc = 2.5, T* = 1, dt = 0.005) on the reference (double) and
 * on OpenCL (float32) from the same float-rounded start. Trajectories diverge (chaos), so the statistics are
 * compared: mean and standard deviation of total energy, temperature and pressure over samples every 10 steps.
 * Stated bounds (measured values are printed and recorded in docs/gpu.md): mean E per atom within 2e-3 ε,
 * mean T and mean P within 2 %, std T and std P within 25 %, std E per atom (float noise + Verlet fluctuation)
 * below 2e-3 ε, and OpenCL energy drift per atom below 2e-3 ε. Checked for both OpenCL force kernels; the steps
 * between samples evaluate forces only (on OpenCL: nothing read back), as the engine does.
 */
class NveStatisticsTest {
    static final int STEPS = 10_000;
    static final int EVERY = 10;

    @BeforeAll
    static void openCl() {
        OpenClTests.requireOpenCl();
    }

    record Stats(double meanE, double stdE, double meanT, double stdT, double meanP, double stdP, double drift) {
    }

    static Stats run(ComputeBackend b, LjSystem sys) {
        ParticleState s = sys.state();
        int n = s.n;
        double area = s.boxX() * s.boxY();
        b.bind(s, sys.topology(), sys.forceField(), new NeighborSettings(0.3));
        Energies e = b.computeForces();
        double dt = 0.005;
        int samples = STEPS / EVERY + 1;
        double[] es = new double[samples];
        double[] ts = new double[samples];
        double[] ps = new double[samples];
        int k = 0;
        for (int step = 0; step <= STEPS; step++) {
            if (step > 0) {
                b.kick(0.5 * dt);
                b.drift(dt);
                if (step % EVERY == 0) {
                    e = b.computeForces();
                } else {
                    b.computeForcesOnly();
                }
                b.kick(0.5 * dt);
            }
            if (step % EVERY == 0) {
                double kin = b.kineticEnergy();
                es[k] = (kin + e.potential()) / n;
                ts[k] = 2 * kin / (2.0 * n - 2);
                ps[k] = (2 * kin + e.virial()) / (2 * area);
                k++;
            }
        }
        return new Stats(mean(es), std(es), mean(ts), std(ts), mean(ps), std(ps), es[samples - 1] - es[0]);
    }

    static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    static double std(double[] a) {
        double m = mean(a);
        double s = 0;
        for (double v : a) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (a.length - 1));
    }

    @Test
    void ljFluidStatisticsMatchTheReference() {
        LjSystem ref = LjSystem.lattice(256, 0.7, 2.5, 1.0, 87287);
        OpenClTests.roundToFloat(ref.state());
        LjSystem start = new LjSystem(ref.state().copy(), ref.topology().copy(), ref.forceField());
        Stats r;
        try (ComputeBackend b = Backends.create("reference", 1)) {
            r = run(b, ref);
        }
        for (ForceKernel kernel : ForceKernel.values()) {
            LjSystem ocl = new LjSystem(start.state().copy(), start.topology().copy(), start.forceField());
            Stats o;
            try (OpenClBackend b = new OpenClBackend(kernel)) {
                o = run(b, ocl);
                assertTrue(kernel == ForceKernel.LIST || b.tiledInUse(), "the tiled kernel must run");
            }
            System.out.printf("NVE lj-fluid 256 atoms, %d steps, %s kernel:%n reference %s%n opencl    %s%n",
                    STEPS, kernel, r, o);
            check(r, o);
        }
    }

    private static void check(Stats r, Stats o) {
        double dMeanE = Math.abs(o.meanE() - r.meanE());
        double dMeanT = Math.abs(o.meanT() / r.meanT() - 1);
        double dMeanP = Math.abs(o.meanP() / r.meanP() - 1);
        double dStdT = Math.abs(o.stdT() / r.stdT() - 1);
        double dStdP = Math.abs(o.stdP() / r.stdP() - 1);
        System.out.printf(" |dmeanE| = %.3e eps/atom, dmeanT = %.3f %%, dmeanP = %.3f %%, dstdT = %.1f %%, dstdP = %.1f %%,"
                        + " stdE ocl %.3e ref %.3e, drift ocl %.3e ref %.3e%n", dMeanE, 100 * dMeanT, 100 * dMeanP,
                100 * dStdT, 100 * dStdP, o.stdE(), r.stdE(), o.drift(), r.drift());
        assertTrue(dMeanE < 2e-3, "mean total energy per atom differs by " + dMeanE);
        assertTrue(dMeanT < 0.02, "mean temperature differs by " + dMeanT);
        assertTrue(dMeanP < 0.02, "mean pressure differs by " + dMeanP);
        assertTrue(dStdT < 0.25, "temperature fluctuation differs by " + dStdT);
        assertTrue(dStdP < 0.25, "pressure fluctuation differs by " + dStdP);
        assertTrue(o.stdE() < 2e-3, "OpenCL total-energy fluctuation " + o.stdE());
        assertTrue(Math.abs(o.drift()) < 2e-3, "OpenCL energy drift " + o.drift());
    }
}
