package io.live2.compute.opencl;

import io.live2.compute.Energies;
import io.live2.compute.NeighborSettings;
import io.live2.compute.Backends;
import io.live2.compute.ComputeBackend;
import io.live2.compute.cpu.TestSystems;
import io.live2.model.ParticleState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Forces and energies on the same state against the double reference. Stated tolerances (float32 vs float64):
 * per atom |ΔF| ≤ 1e-4 · max|F| and, for LJ, Morse, 1-3 energies and the virial, |ΔE| ≤ 1e-4 · (Σ|terms| scale).
 * The measured values are printed. Every force path is checked: the neighbour-list kernel, the same kernel with a
 * list too small for any atom (every atom takes the cell-scan fallback), the local-memory tiled kernel, and the tiled
 * kernel with a local capacity too small for any block (every group takes the global-memory fallback).
 */
class ForceParityTest {
    enum Path {
        LIST(ForceKernel.LIST, OpenClBackend.TILE_CAP, false),
        LIST_OVERFLOWING(ForceKernel.LIST, OpenClBackend.TILE_CAP, true),
        TILED(ForceKernel.TILED, OpenClBackend.TILE_CAP, false),
        TILED_NOT_STAGED(ForceKernel.TILED, 8, false);

        final ForceKernel kernel;
        final int tileCap;
        final boolean tinyList;

        Path(ForceKernel kernel, int tileCap, boolean tinyList) {
            this.kernel = kernel;
            this.tileCap = tileCap;
            this.tinyList = tinyList;
        }
    }

    static final double FORCE_TOL = 1e-4;
    static final double ENERGY_TOL = 1e-4;

    @BeforeAll
    static void openCl() {
        OpenClTests.requireOpenCl();
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void randomBondedSystemsMatchTheReference(Path path) {
        double worstF = 0;
        double worstE = 0;
        for (long seed = 1; seed <= 6; seed++) {
            int atoms = 150 + 50 * (int) seed;
            TestSystems.System sys = TestSystems.random(seed, atoms, atoms / 6, 4.0 + 0.3 * seed);
            OpenClTests.roundToFloat(sys.state());
            TestSystems.System ref = sys.copy();
            ComputeBackend r = Backends.create("reference", 1);
            r.bind(ref.state(), ref.topology(), ref.ff(), new NeighborSettings(0.1));
            Energies er = r.computeForces();
            try (OpenClBackend b = new OpenClBackend(path.kernel, path.tileCap)) {
                b.bind(sys.state(), sys.topology(), sys.ff(), new NeighborSettings(0.1));
                assertEquals(path.kernel == ForceKernel.TILED, b.tiledInUse(), "the kernel under test must run");
                if (path.tinyList) {
                    b.neighbourCapacity(1);
                }
                Energies eo = b.computeForces();
                b.pullState();
                if (path.tinyList) {
                    assertTrue(b.listGrowths() > 0, "the list must have overflowed");
                }
                ParticleState so = sys.state();
                ParticleState sr = ref.state();
                double maxF = 0;
                for (int i = 0; i < so.n; i++) {
                    maxF = Math.max(maxF, Math.hypot(sr.fx[i], sr.fy[i]));
                }
                double maxDev = 0;
                for (int i = 0; i < so.n; i++) {
                    assertEquals(sr.x[i], so.x[i], 0.0, "positions unchanged by a force evaluation");
                    maxDev = Math.max(maxDev, Math.hypot(so.fx[i] - sr.fx[i], so.fy[i] - sr.fy[i]));
                }
                double relF = maxDev / maxF;
                double scale = Math.abs(er.lennardJones()) + Math.abs(er.bonds()) + Math.abs(er.repulsion13())
                        + Math.abs(er.virial());
                double relE = Math.max(Math.max(Math.abs(eo.lennardJones() - er.lennardJones()),
                                Math.abs(eo.bonds() - er.bonds())),
                        Math.max(Math.abs(eo.repulsion13() - er.repulsion13()), Math.abs(eo.virial() - er.virial()))) / scale;
                System.out.printf(path + " forces seed %d atoms %d: max|dF|/max|F| = %.3e, max|dE|/scale = %.3e "
                                + "(LJ %.6f vs %.6f, bonds %.6f vs %.6f, 1-3 %.6f vs %.6f, W %.6f vs %.6f)%n",
                        seed, atoms, relF, relE, eo.lennardJones(), er.lennardJones(), eo.bonds(), er.bonds(),
                        eo.repulsion13(), er.repulsion13(), eo.virial(), er.virial());
                assertTrue(er.repulsion13() > 0 && er.bonds() < 0, "the system must exercise bonded terms");
                assertTrue(relF <= FORCE_TOL, "force deviation " + relF);
                assertTrue(relE <= ENERGY_TOL, "energy deviation " + relE);
                worstF = Math.max(worstF, relF);
                worstE = Math.max(worstE, relE);
            }
        }
        System.out.printf(path + " forces: worst max|dF|/max|F| = %.3e (bound %.0e), worst energy %.3e (bound %.0e)%n",
                worstF, FORCE_TOL, worstE, ENERGY_TOL);
    }
}
