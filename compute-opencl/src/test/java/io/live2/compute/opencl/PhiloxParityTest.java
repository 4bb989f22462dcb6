package io.live2.compute.opencl;

import io.live2.compute.NeighborSettings;
import io.live2.compute.cpu.TestSystems;
import io.live2.model.ParticleState;
import io.live2.model.Topology;
import io.live2.model.random.Philox;
import io.live2.model.random.Purpose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The OpenCL Philox-4x32-10 gives the same 32-bit words as io.live2.model.random.Philox, ids above 2^32 included. */
class PhiloxParityTest {
    @BeforeAll
    static void openCl() {
        OpenClTests.requireOpenCl();
    }

    @Test
    void sameWordsAsJava() {
        int n = 1000;
        ParticleState s = new ParticleState(n, 10, 10);
        for (int i = 0; i < n; i++) {
            s.id[i] = i < 900 ? i * 7919L : (1L << 32) * i + 12345L * i; // some ids above 2^32
        }
        long[] seeds = {0L, 1L, 42L, 0xDEADBEEFCAFEL, -1L};
        long[] steps = {0L, 1L, 10_000L, (1L << 33) + 5};
        int[] purposes = {Purpose.LANGEVIN, Purpose.PULSE_KICK, Purpose.MUTATION};
        try (OpenClBackend b = new OpenClBackend()) {
            b.bind(s, new Topology(n), TestSystems.FF, new NeighborSettings(0.1));
            int checked = 0;
            for (long seed : seeds) {
                Philox java = new Philox(seed);
                for (long step : steps) {
                    for (int purpose : purposes) {
                        int[] device = b.philoxBlocks(seed, step, purpose);
                        for (int i = 0; i < n; i++) {
                            int[] expected = java.block(step, s.id[i], purpose);
                            int[] got = {device[4 * i], device[4 * i + 1], device[4 * i + 2], device[4 * i + 3]};
                            assertArrayEquals(expected, got, "seed " + seed + " step " + step + " atom " + s.id[i]);
                            checked++;
                        }
                    }
                }
            }
            assertEquals(seeds.length * steps.length * purposes.length * n, checked);
        }
    }
}
