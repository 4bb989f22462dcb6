package io.live2.compute.aparapi;

import io.live2.compute.cpu.TestSystems;

import io.live2.compute.NeighborSettings;
import io.live2.model.ParticleState;
import io.live2.model.Topology;
import io.live2.model.random.Philox;
import io.live2.model.random.Purpose;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The device Philox-4x32-10 produces exactly the 32-bit words of io.live2.model.random.Philox. */
class PhiloxParityTest {
    @Test
    void deviceWordsEqualHostWords() {
        Aparapi.require();
        int n = 300;
        ParticleState s = new ParticleState(n, 20, 20);
        for (int i = 0; i < n; i++) {
            s.x[i] = (i % 17) * 1.1;
            s.y[i] = (i / 17) * 1.1;
            // ids beyond 32 bits and with high bits set exercise the (atom >>> 32) << 16 part of the counter
            s.id[i] = i < 100 ? i : (i < 200 ? 0xFFFF_FFFFL - i : ((long) i << 33) | 0x8000_0001L);
        }
        long[] seeds = {0L, 42L, -1L, 0x1234_5678_9ABC_DEF0L};
        long[] steps = {0L, 1L, 123_456_789L, 0xFFFF_FFFFL + 7, Long.MAX_VALUE};
        try (AparapiBackend b = new AparapiBackend()) {
            b.bind(s, new Topology(n), TestSystems.FF, new NeighborSettings(0.1));
            for (long seed : seeds) {
                Philox host = new Philox(seed);
                for (long step : steps) {
                    for (int purpose : new int[] {Purpose.LANGEVIN, Purpose.PULSE_KICK, 0x7FFF_FFFF}) {
                        int[] dev = b.philoxOnDevice(seed, step, purpose);
                        int[] expected = new int[4 * n];
                        for (int i = 0; i < n; i++) {
                            System.arraycopy(host.block(step, s.id[i], purpose), 0, expected, 4 * i, 4);
                        }
                        assertArrayEquals(expected, dev, "seed " + seed + " step " + step + " purpose " + purpose);
                    }
                }
            }
        }
    }
}
