package io.live2.compute.simd;

import io.live2.compute.kernels.Blocks;
import io.live2.model.ForceField;
import io.live2.model.ParticleState;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The LJ pair kernel vectorised ACROSS atoms: lane l of a vector is atom gL + l, and step k of the loop handles
 * every lane's k-th partner (gathered through {@link LaneList}'s lane-major columns). Each lane therefore adds
 * its own pairs in its own ascending partner order with the very operations of ForceField.ljForceOverR / ljEnergy
 * (no fused multiply-add, same association), and a pair outside the cutoff or past the lane's list is skipped by a
 * masked add (the lane keeps its value: not even a -0.0 + 0.0 changes). So every atom's sums are the bytes the
 * scalar "reference" and "cpu" backends produce.
 */
final class LjVectorKernel {
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Int lanes matching {@link #D}'s lane count (for the list counts and the type gathers). */
    static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, VectorShape.forBitSize(D.length() * 32));
    static final int L = D.length();

    static int lanes() {
        return L;
    }

    private final ParticleState state;
    private final LaneList list;
    private final int typeCount;
    private final double[] c12;
    private final double[] c6;
    private final double[] c12x12;
    private final double[] c6x6;
    private final double[] cut2;
    private final double[] shift;

    LjVectorKernel(ParticleState state, LaneList list, ForceField ff) {
        this.state = state;
        this.list = list;
        typeCount = ff.typeCount();
        c12 = ff.c12Table();
        c6 = ff.c6Table();
        cut2 = ff.cutoff2Table();
        shift = ff.shiftTable();
        c12x12 = new double[c12.length];
        c6x6 = new double[c6.length];
        for (int p = 0; p < c12.length; p++) {
            c12x12[p] = 12 * c12[p];
            c6x6[p] = 6 * c6[p];
        }
    }

    boolean uniform() {
        return typeCount == 1;
    }

    /**
     * Group g's LJ sums into out: fx of its lanes at out[0..L), fy at [L, 2L), energy (full pair energies, not
     * halved) at [2L, 3L), virial at [3L, 4L). Energy and virial only when energies is true (else left untouched).
     *
     * @param scratch at least 2L ints (mixed-type gathers), per thread
     */
    void group(int g, boolean energies, double[] out, int[] scratch) {
        if (typeCount == 1) {
            uniform(g, energies, out);
        } else {
            mixed(g, energies, out, scratch);
        }
    }

    private void uniform(int g, boolean energies, double[] out) {
        ParticleState s = state;
        double[] x = s.x;
        double[] y = s.y;
        int base = g * L;
        int[] cols = list.lists[base / Blocks.SIZE];
        int off = list.groupOffset[g];
        int len = list.groupLength[g];
        double bx = s.boxX();
        double by = s.boxY();
        double hx = 0.5 * bx;
        double hy = 0.5 * by;
        double mhx = -hx;
        double mhy = -hy;
        double pc12 = c12[0];
        double pc6 = c6[0];
        double pc12x12 = c12x12[0];
        double pc6x6 = c6x6[0];
        double pcut2 = cut2[0];
        double pshift = shift[0];
        VectorMask<Double> live = D.indexInRange(base, s.n);
        DoubleVector xi = DoubleVector.fromArray(D, x, base, live);
        DoubleVector yi = DoubleVector.fromArray(D, y, base, live);
        IntVector counts = IntVector.fromArray(I, list.count, base);
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        DoubleVector fx = DoubleVector.zero(D);
        DoubleVector fy = DoubleVector.zero(D);
        DoubleVector e = DoubleVector.zero(D);
        DoubleVector w = DoubleVector.zero(D);
        int shortest = list.groupShortest[g];
        VectorMask<Double> all = D.maskAll(true);
        for (int k = 0, o = off; k < len; k++, o += L) {
            // every lane has a k-th partner below the group's shortest list: no length mask needed there
            VectorMask<Double> inList = k < shortest ? all : counts.compare(VectorOperators.GT, k).cast(D);
            DoubleVector dx = xi.sub(DoubleVector.fromArray(D, x, 0, cols, o));
            DoubleVector dy = yi.sub(DoubleVector.fromArray(D, y, 0, cols, o));
            // dx > hx ? dx - bx : (dx < -hx ? dx + bx : dx), both tests on the unshifted difference
            VectorMask<Double> gtx = dx.compare(VectorOperators.GT, hx);
            VectorMask<Double> ltx = dx.compare(VectorOperators.LT, mhx);
            dx = dx.sub(bx, gtx).add(bx, ltx);
            VectorMask<Double> gty = dy.compare(VectorOperators.GT, hy);
            VectorMask<Double> lty = dy.compare(VectorOperators.LT, mhy);
            dy = dy.sub(by, gty).add(by, lty);
            DoubleVector r2 = dx.mul(dx).add(dy.mul(dy));
            VectorMask<Double> in = r2.compare(VectorOperators.LT, pcut2).and(inList);
            DoubleVector ir2 = one.div(r2);
            DoubleVector ir6 = ir2.mul(ir2).mul(ir2);
            DoubleVector fr = ir6.mul(pc12x12).sub(pc6x6).mul(ir6).mul(ir2);
            fx = fx.add(fr.mul(dx), in);
            fy = fy.add(fr.mul(dy), in);
            if (energies) {
                e = e.add(ir6.mul(pc12).sub(pc6).mul(ir6).sub(pshift), in);
                w = w.add(fr.mul(r2), in);
            }
        }
        fx.intoArray(out, 0);
        fy.intoArray(out, L);
        if (energies) {
            e.intoArray(out, 2 * L);
            w.intoArray(out, 3 * L);
        }
    }

    private void mixed(int g, boolean energies, double[] out, int[] scratch) {
        ParticleState s = state;
        double[] x = s.x;
        double[] y = s.y;
        int[] type = s.type;
        int base = g * L;
        int[] cols = list.lists[base / Blocks.SIZE];
        int off = list.groupOffset[g];
        int len = list.groupLength[g];
        double bx = s.boxX();
        double by = s.boxY();
        double hx = 0.5 * bx;
        double hy = 0.5 * by;
        double mhx = -hx;
        double mhy = -hy;
        VectorMask<Double> live = D.indexInRange(base, s.n);
        VectorMask<Integer> liveInt = I.indexInRange(base, s.n);
        DoubleVector xi = DoubleVector.fromArray(D, x, base, live);
        DoubleVector yi = DoubleVector.fromArray(D, y, base, live);
        IntVector row = IntVector.fromArray(I, type, base, liveInt).mul(typeCount);
        IntVector counts = IntVector.fromArray(I, list.count, base);
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        DoubleVector fx = DoubleVector.zero(D);
        DoubleVector fy = DoubleVector.zero(D);
        DoubleVector e = DoubleVector.zero(D);
        DoubleVector w = DoubleVector.zero(D);
        for (int k = 0, o = off; k < len; k++, o += L) {
            VectorMask<Double> inList = counts.compare(VectorOperators.GT, k).cast(D);
            IntVector.fromArray(I, type, 0, cols, o).add(row).intoArray(scratch, 0);
            DoubleVector dx = xi.sub(DoubleVector.fromArray(D, x, 0, cols, o));
            DoubleVector dy = yi.sub(DoubleVector.fromArray(D, y, 0, cols, o));
            VectorMask<Double> gtx = dx.compare(VectorOperators.GT, hx);
            VectorMask<Double> ltx = dx.compare(VectorOperators.LT, mhx);
            dx = dx.sub(bx, gtx).add(bx, ltx);
            VectorMask<Double> gty = dy.compare(VectorOperators.GT, hy);
            VectorMask<Double> lty = dy.compare(VectorOperators.LT, mhy);
            dy = dy.sub(by, gty).add(by, lty);
            DoubleVector r2 = dx.mul(dx).add(dy.mul(dy));
            DoubleVector qcut2 = DoubleVector.fromArray(D, cut2, 0, scratch, 0);
            VectorMask<Double> in = r2.compare(VectorOperators.LT, qcut2).and(inList);
            DoubleVector ir2 = one.div(r2);
            DoubleVector ir6 = ir2.mul(ir2).mul(ir2);
            DoubleVector fr = DoubleVector.fromArray(D, c12x12, 0, scratch, 0).mul(ir6)
                    .sub(DoubleVector.fromArray(D, c6x6, 0, scratch, 0)).mul(ir6).mul(ir2);
            fx = fx.add(fr.mul(dx), in);
            fy = fy.add(fr.mul(dy), in);
            if (energies) {
                e = e.add(DoubleVector.fromArray(D, c12, 0, scratch, 0).mul(ir6)
                        .sub(DoubleVector.fromArray(D, c6, 0, scratch, 0)).mul(ir6)
                        .sub(DoubleVector.fromArray(D, shift, 0, scratch, 0)), in);
                w = w.add(fr.mul(r2), in);
            }
        }
        fx.intoArray(out, 0);
        fy.intoArray(out, L);
        if (energies) {
            e.intoArray(out, 2 * L);
            w.intoArray(out, 3 * L);
        }
    }
}
