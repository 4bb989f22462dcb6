package io.live2.compute.cpu;

import io.live2.compute.ComputeBackend;
import io.live2.compute.NeighborSettings;
import io.live2.model.ParticleState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every force term is a pair force, so Σ F = 0 up to rounding. Each atom sums its own forces in its own order,
 * so the two sides of a pair cancel only to rounding: |Σ F| ≤ 1e-12 · Σ |F| (the error of a few hundred
 * additions at double precision is around 1e-14 relative).
 */
class MomentumTest {
    @ParameterizedTest(name = "{0} seed {1}")
    @CsvSource({"reference,11", "reference,12", "cpu,11", "cpu,12", "cpu,13"})
    void forcesSumToZero(String backend, long seed) {
        TestSystems.System sys = TestSystems.random(seed, 400, 40, 10.0);
        ParticleState s = sys.state();
        try (ComputeBackend b = Backends2.create(backend, 2)) {
            b.bind(s, sys.topology(), sys.ff(), new NeighborSettings(0.1));
            b.computeForces();
        }
        double sx = 0;
        double sy = 0;
        double scale = 0;
        for (int i = 0; i < s.n; i++) {
            sx += s.fx[i];
            sy += s.fy[i];
            scale += Math.abs(s.fx[i]) + Math.abs(s.fy[i]);
        }
        assertTrue(scale > 0, "the system has forces");
        assertTrue(Math.abs(sx) <= 1e-12 * scale && Math.abs(sy) <= 1e-12 * scale,
                "net force (" + sx + ", " + sy + ") against total magnitude " + scale);
    }
}
