package io.live2.model.random;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Philox-4x32-10: the reference known-answer block, and the allocation-free normals (issue 15) giving exactly the
 * bits of Box–Muller over {@link Philox#block}, which every run's thermostat noise has been drawn from.
 */
class PhiloxTest {
    @Test
    void knownAnswerOfTheReferenceImplementation() {
        // Random123's kat_vectors: philox4x32 10 rounds, counter 0, key 0
        assertArrayEquals(new int[] {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}, new Philox(0).block(0, 0, 0));
    }

    @Test
    void normalsIntoAnArrayAreBoxMullerOverTheBlockBitForBit() {
        SplittableRandom r = new SplittableRandom(15);
        double[] out = new double[2];
        for (int k = 0; k < 20_000; k++) {
            Philox p = new Philox(r.nextLong());
            long step = k % 3 == 0 ? r.nextLong() : r.nextInt(1_000_000);
            long atom = k % 5 == 0 ? r.nextLong() : r.nextInt(100_000);
            int purpose = r.nextInt();
            int[] c = p.block(step, atom, purpose);
            double u0 = unit(c[0], c[1]);
            double u1 = unit(c[2], c[3]);
            double rr = Math.sqrt(-2.0 * Math.log(u0));
            double t = 2.0 * Math.PI * u1;
            p.normals(step, atom, purpose, out);
            assertEquals(Double.doubleToRawLongBits(rr * Math.cos(t)), Double.doubleToRawLongBits(out[0]));
            assertEquals(Double.doubleToRawLongBits(rr * Math.sin(t)), Double.doubleToRawLongBits(out[1]));
            double[] allocated = p.normals(step, atom, purpose);
            assertEquals(Double.doubleToRawLongBits(out[0]), Double.doubleToRawLongBits(allocated[0]));
            assertEquals(Double.doubleToRawLongBits(out[1]), Double.doubleToRawLongBits(allocated[1]));
            double[] u = p.uniforms(step, atom, purpose);
            assertEquals(Double.doubleToRawLongBits(u0), Double.doubleToRawLongBits(u[0]));
        }
    }

    private static double unit(int hi, int lo) {
        long bits = ((hi & 0xFFFFFFFFL) << 21) ^ ((lo & 0xFFFFFFFFL) >>> 11);
        return ((bits & ((1L << 53) - 1)) + 0.5) * 0x1.0p-53;
    }
}
