package io.live2.compute.aparapi;

import io.live2.compute.cpu.TestSystems;

import io.live2.compute.Backends;
import io.live2.compute.ComputeBackend;
import io.live2.compute.Energies;
import io.live2.compute.NeighborSettings;
import io.live2.model.ParticleState;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Paths the parity tests do not reach: a neighbour-list row overflow (a dense cluster in a dilute box, so the
 * density-based row estimate is too small and the rows must grow), a second bind of the same backend instance (as
 * the engine does after an open-chemistry force-field change), and topologyChanged() after a bond is removed.
 * Forces are compared with the reference at the 1e-4 tolerance of {@link ForceParityTest}.
 */
class RebindAndOverflowTest {

    static double worstForceDeviation(TestSystems.System sys, AparapiBackend a) {
        TestSystems.System ref = sys.copy();
        for (int i = 0; i < ref.state().n; i++) {
            ref.state().x[i] = sys.state().x[i];
            ref.state().y[i] = sys.state().y[i];
        }
        try (ComputeBackend r = Backends.create("reference", 1)) {
            r.bind(ref.state(), ref.topology(), ref.ff(), new NeighborSettings(0.1));
            r.computeForces();
        }
        a.pullState();
        ParticleState s = sys.state();
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
        }
        return worst;
    }

    @Test
    void denseClusterGrowsTheRowsAndRebindWorks() {
        Aparapi.require();
        // 300 atoms packed into a 3 nm square of a 30 nm box: the estimate from the mean density is ~100x too low
        TestSystems.System cluster = TestSystems.random(21, 300, 40, 3.0);
        ParticleState big = new ParticleState(300, 30.0, 30.0);
        for (int i = 0; i < 300; i++) {
            big.type[i] = cluster.state().type[i];
            big.x[i] = (float) (cluster.state().x[i] + 13.0);
            big.y[i] = (float) (cluster.state().y[i] + 13.0);
        }
        TestSystems.System dense = new TestSystems.System(big, cluster.topology(), cluster.ff());
        try (AparapiBackend a = new AparapiBackend()) {
            a.bind(dense.state(), dense.topology(), dense.ff(), new NeighborSettings(0.1));
            int estimated = a.rowStride();
            Energies e = a.computeForces();
            assertTrue(a.rowStride() > 3 * estimated, "rows grew from " + estimated + " to " + a.rowStride());
            assertTrue(Double.isFinite(e.potential()));
            double w = worstForceDeviation(dense, a);
            assertTrue(w <= ForceParityTest.FORCE_TOL, "cluster: worst relative force deviation " + w);

            // second bind on the same instance, a different system
            TestSystems.System other = TestSystems.random(22, 400, 60, 7.0);
            for (int i = 0; i < 400; i++) {
                other.state().x[i] = (float) other.state().x[i];
                other.state().y[i] = (float) other.state().y[i];
            }
            a.bind(other.state(), other.topology(), other.ff(), new NeighborSettings(0.1));
            a.computeForces();
            w = worstForceDeviation(other, a);
            assertTrue(w <= ForceParityTest.FORCE_TOL, "rebind: worst relative force deviation " + w);

            // a bond removed: the pair becomes an LJ pair again, its 1-3 partners too
            int c = 0;
            int h = other.topology().partner(0, 0);
            other.topology().removeBond(c, h);
            a.topologyChanged();
            long builds = a.neighbourBuilds();
            a.computeForces();
            assertEquals(builds + 1, a.neighbourBuilds(), "topologyChanged forces a rebuild");
            w = worstForceDeviation(other, a);
            assertTrue(w <= ForceParityTest.FORCE_TOL, "after removeBond: worst relative force deviation " + w);
        }
    }
}
