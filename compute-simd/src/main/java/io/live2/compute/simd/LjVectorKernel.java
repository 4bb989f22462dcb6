package io.live2.compute.simd;

import io.live2.compute.kernels.Blocks;
import io.live2.compute.kernels.LjTables;
import io.live2.model.ForceField;
import io.live2.model.ParticleState;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * The LJ pair kernel vectorised ACROSS atoms: lane l of a vector is atom gL + l, and step k of the loop handles
 * every lane's k-th partner (the group's partner positions are copied first, in the column order of
 * {@link LaneList}'s lane-major lists, see {@link #copyPartners}). Each lane therefore adds its own pairs in its own ascending partner order with the very operations of ForceField.ljForceOverR / ljEnergy
 * (no fused multiply-add, same association), and a pair outside the cutoff or past the lane's list is skipped by a
 * masked add (the lane keeps its value: not even a -0.0 + 0.0 changes). So every atom's sums are the bytes the
 * scalar "reference" and "cpu" backends produce.
 */
final class LjVectorKernel {
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Int lanes matching {@link #D}'s lane count (list counts and pair indices). */
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
    /** Up to 2L type pairs: the tables padded to 2L entries, read into two vectors each ({@link #permuted}). */
    private final boolean permuted;
    private final double[] c12Padded;
    private final double[] c6Padded;
    private final double[] c12x12Padded;
    private final double[] c6x6Padded;
    private final double[] cut2Padded;
    private final double[] shiftPadded;
    /** Many types: per block, cut², 12·c12 and 6·c6 of each list entry (parallel to the list), and the build they are of. */
    private final double[][] slotCut2s;
    private final double[][] slotA12s;
    private final double[][] slotA6s;
    private final long[] slotsOfBuild;

    LjVectorKernel(ParticleState state, LaneList list, ForceField ff) {
        this.state = state;
        this.list = list;
        LjTables tables = LjTables.of(ff);
        typeCount = tables.typeCount();
        c12 = tables.c12();
        c6 = tables.c6();
        cut2 = tables.cut2();
        shift = tables.shift();
        c12x12 = tables.c12x12();
        c6x6 = tables.c6x6();
        // the permutes need an intrinsic selectFrom: on AVX2 (4 double lanes) the JDK 25 shuffle conversion runs its
        // Java fallback, 20x slower than the gathered kernel (it was 24 % of a 20 s miller-urey run, all in warm-up)
        permuted = L >= 8 && c12.length <= 2 * L;
        c12Padded = Arrays.copyOf(c12, 2 * L);
        c6Padded = Arrays.copyOf(c6, 2 * L);
        c12x12Padded = Arrays.copyOf(c12x12, 2 * L);
        c6x6Padded = Arrays.copyOf(c6x6, 2 * L);
        cut2Padded = Arrays.copyOf(cut2, 2 * L);
        shiftPadded = Arrays.copyOf(shift, 2 * L);
        int blocks = permuted ? 0 : Blocks.count(state.n);
        slotCut2s = new double[blocks][0];
        slotA12s = new double[blocks][0];
        slotA6s = new double[blocks][0];
        slotsOfBuild = new long[blocks];
        Arrays.fill(slotsOfBuild, -1);
    }

    boolean uniform() {
        return typeCount == 1;
    }

    /**
     * Group g's LJ sums into out: fx of its lanes at out[0..L), fy at [L, 2L), energy (full pair energies, not
     * halved) at [2L, 3L), virial at [3L, 4L). Energy and virial only when energies is true (else left untouched).
     *
     * <p>Why the kernels are separate methods with repeated lines: C1 gives up on a method with all of them (the
     * former single multi-type kernel: "out of virtual registers in linear scan", seen with
     * -XX:TieredStopAtLevel=3). C1 does not turn Vector API calls into vector instructions, but its tier-3 code
     * profiles the method for C2; after the bail-out a method already in tier-2 code (compiled there while the C2
     * queue was long) never reached C2, and the Vector API ran its Java fallback for the whole run, ~10x slower
     * than "cpu" on the chemistry presets. Shared helper methods do not work either: C2 stops inlining them at
     * its node budget (NodeCountInliningCutoff) and the vectors passed to them are then allocated per column.
     */
    void group(int g, boolean energies, double[] out, Scratch scratch) {
        if (typeCount == 1) {
            uniform(g, energies, out, scratch);
        } else if (permuted) {
            permuted(g, energies, out, scratch);
        } else {
            gathered(g, energies, out, scratch);
            if (energies) {
                gatheredPotential(g, out, scratch);
            }
        }
    }

    /** Whether {@link #prepare} has work to do for some block (only the many-type kernel, after a list build). */
    boolean needsPrepare() {
        if (typeCount == 1 || permuted) {
            return false;
        }
        for (long built : slotsOfBuild) {
            if (built != list.builds()) {
                return true;
            }
        }
        return false;
    }

    /** Before block b's groups: the many-type kernel's per-entry constants, when the list was rebuilt since. */
    void prepare(int b) {
        if (typeCount == 1 || permuted || slotsOfBuild[b] == list.builds()) {
            return;
        }
        int[] pairs = list.pairs[b];
        int size = list.lists[b].length;
        if (slotCut2s[b].length < size) {
            slotCut2s[b] = new double[size];
            slotA12s[b] = new double[size];
            slotA6s[b] = new double[size];
        }
        double[] sc = slotCut2s[b];
        double[] sa = slotA12s[b];
        double[] sb = slotA6s[b];
        for (int o = 0; o < size; o++) {
            int p = pairs[o];
            sc[o] = cut2[p];
            sa[o] = c12x12[p];
            sb[o] = c6x6[p];
        }
        slotsOfBuild[b] = list.builds();
    }

    /**
     * The list lengths of the group at base as doubles (exact), so that the per-column length mask is a compare on
     * the double species itself: casting an int compare's mask to the double species (a 256-bit int mask to a
     * 512-bit double mask on AVX-512) is not intrinsified and ran as the Java fallback, the hottest frame of a
     * multi-type profile.
     */
    private DoubleVector counts(int base) {
        return (DoubleVector) IntVector.fromArray(I, list.count, base).convertShape(VectorOperators.I2D, D, 0);
    }

    /** One type (the lj fluid): the pair constants are scalars, broadcast once. */
    private void uniform(int g, boolean energies, double[] out, Scratch scratch) {
        ParticleState s = state;
        double[] x = s.x;
        double[] y = s.y;
        int base = g * L;
        int[] cols = list.lists[base / Blocks.SIZE];
        int off = list.groupOffset[g];
        int len = list.groupLength[g];
        int entries = copyPartners(cols, off, len * L, scratch);
        double[] px = scratch.x;
        double[] py = scratch.y;
        // constants as vectors, broadcast once per group rather than per column
        DoubleVector bx = DoubleVector.broadcast(D, s.boxX());
        DoubleVector by = DoubleVector.broadcast(D, s.boxY());
        DoubleVector hx = DoubleVector.broadcast(D, 0.5 * s.boxX());
        DoubleVector hy = DoubleVector.broadcast(D, 0.5 * s.boxY());
        DoubleVector mhx = hx.neg();
        DoubleVector mhy = hy.neg();
        DoubleVector pc12 = DoubleVector.broadcast(D, c12[0]);
        DoubleVector pc6 = DoubleVector.broadcast(D, c6[0]);
        DoubleVector pc12x12 = DoubleVector.broadcast(D, c12x12[0]);
        DoubleVector pc6x6 = DoubleVector.broadcast(D, c6x6[0]);
        DoubleVector pcut2 = DoubleVector.broadcast(D, cut2[0]);
        DoubleVector pshift = DoubleVector.broadcast(D, shift[0]);
        int ownAt = base + L <= s.n ? base : 0;
        DoubleVector xi = DoubleVector.fromArray(D, own(x, base, scratch.tailX), ownAt);
        DoubleVector yi = DoubleVector.fromArray(D, own(y, base, scratch.tailY), ownAt);
        DoubleVector counts = counts(base);
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        DoubleVector column = DoubleVector.zero(D);
        DoubleVector fx = DoubleVector.zero(D);
        DoubleVector fy = DoubleVector.zero(D);
        DoubleVector e = DoubleVector.zero(D);
        DoubleVector w = DoubleVector.zero(D);
        for (int q = 0; q < entries; q += L) {
            VectorMask<Double> inList = counts.compare(VectorOperators.GT, column);
            column = column.add(one);
            DoubleVector dx = xi.sub(DoubleVector.fromArray(D, px, q));
            DoubleVector dy = yi.sub(DoubleVector.fromArray(D, py, q));
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

    /**
     * Copies the positions of the partners in cols[off, off + entries) (a group's columns) to scratch.x and
     * scratch.y from index 0, growing them if needed; returns entries. Scalar loads and stores (about 16 per
     * column), after which the kernels read each column with contiguous vector loads. Vector gathers (by
     * {@code DoubleVector.fromArray} with an index map) were slower and erratic: when the mask is all true the
     * Vector API takes the unmasked gather, and C2's {@code vgatherdpd} merges into its destination register, so
     * it waits for whatever last wrote that register, which differs from JVM to JVM: FullStep at 10,000 atoms took
     * 565 µs per step in one fork and 806 µs in the next. The copy costs no more than the gathers in a good fork
     * and does not depend on register allocation.
     */
    private int copyPartners(int[] cols, int off, int entries, Scratch scratch) {
        if (scratch.x.length < entries) {
            scratch.x = new double[entries + entries / 4];
            scratch.y = new double[scratch.x.length];
        }
        double[] x = state.x;
        double[] y = state.y;
        double[] px = scratch.x;
        double[] py = scratch.y;
        for (int q = 0; q < entries; q++) {
            int j = cols[off + q];
            px[q] = x[j];
            py[q] = y[j];
        }
        return entries;
    }

    /** One worker's copy of a group's partner positions (see {@link #uniform}); grown when a group needs more. */
    static final class Scratch {
        private double[] x = new double[0];
        private double[] y = new double[0];
        /** The last, partial group's own coordinates, zero past the atom count. */
        private final double[] tailX = new double[L];
        private final double[] tailY = new double[L];
    }

    /**
     * Where the group's own coordinates are loaded from (at base, or at 0 of the returned array): a itself for a
     * whole group, else the last, partial group copied into the zeroed tail. (A masked load of
     * D.indexInRange(base, n) gives the same lanes, but when the mask is partial the JDK checks it on its Java
     * fallback path, which allocated and took 12 % of a 1,002-atom miller-urey run. The vector itself is loaded
     * in the kernel: a helper returning a vector is not always inlined into the large kernels, and then the
     * vector is boxed.)
     */
    private double[] own(double[] a, int base, double[] tail) {
        int n = state.n;
        if (base + L <= n) {
            return a;
        }
        Arrays.fill(tail, 0.0);
        System.arraycopy(a, base, tail, 0, Math.max(0, n - base));
        return tail;
    }


    /**
     * Few types (at most 2L type pairs, e.g. H, C, N, O with L = 8): each pair constant is picked from two
     * registers holding its whole table by two lane permutes (selectFrom wraps the index modulo L) and a blend on
     * index &gt;= L, far cheaper than a gather per constant. (VectorShuffle.fromArray and the two-vector
     * rearrange allocated in C2-compiled code here, so they are not used.)
     */
    private void permuted(int g, boolean energies, double[] out, Scratch scratch) {
        ParticleState s = state;
        double[] x = s.x;
        double[] y = s.y;
        int base = g * L;
        int[] cols = list.lists[base / Blocks.SIZE];
        int[] pairs = list.pairs[base / Blocks.SIZE];
        int off = list.groupOffset[g];
        int len = list.groupLength[g];
        copyPartners(cols, off, len * L, scratch);
        double[] px = scratch.x;
        double[] py = scratch.y;
        double bx = s.boxX();
        double by = s.boxY();
        double hx = 0.5 * bx;
        double hy = 0.5 * by;
        double mhx = -hx;
        double mhy = -hy;
        int ownAt = base + L <= s.n ? base : 0;
        DoubleVector xi = DoubleVector.fromArray(D, own(x, base, scratch.tailX), ownAt);
        DoubleVector yi = DoubleVector.fromArray(D, own(y, base, scratch.tailY), ownAt);
        DoubleVector counts = counts(base);
        DoubleVector cut2Lo = DoubleVector.fromArray(D, cut2Padded, 0);
        DoubleVector cut2Hi = DoubleVector.fromArray(D, cut2Padded, L);
        DoubleVector a12Lo = DoubleVector.fromArray(D, c12x12Padded, 0);
        DoubleVector a12Hi = DoubleVector.fromArray(D, c12x12Padded, L);
        DoubleVector a6Lo = DoubleVector.fromArray(D, c6x6Padded, 0);
        DoubleVector a6Hi = DoubleVector.fromArray(D, c6x6Padded, L);
        DoubleVector e12Lo = DoubleVector.fromArray(D, c12Padded, 0);
        DoubleVector e12Hi = DoubleVector.fromArray(D, c12Padded, L);
        DoubleVector e6Lo = DoubleVector.fromArray(D, c6Padded, 0);
        DoubleVector e6Hi = DoubleVector.fromArray(D, c6Padded, L);
        DoubleVector shiftLo = DoubleVector.fromArray(D, shiftPadded, 0);
        DoubleVector shiftHi = DoubleVector.fromArray(D, shiftPadded, L);
        double half = L;
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        DoubleVector fx = DoubleVector.zero(D);
        DoubleVector fy = DoubleVector.zero(D);
        DoubleVector e = DoubleVector.zero(D);
        DoubleVector w = DoubleVector.zero(D);
        for (int k = 0, o = off; k < len; k++, o += L) {
            VectorMask<Double> inList = counts.compare(VectorOperators.GT, (double) k);
            DoubleVector pair = (DoubleVector) IntVector.fromArray(I, pairs, o).convertShape(VectorOperators.I2D, D, 0);
            VectorMask<Double> upper = pair.compare(VectorOperators.GE, half);
            DoubleVector dx = xi.sub(DoubleVector.fromArray(D, px, o - off));
            DoubleVector dy = yi.sub(DoubleVector.fromArray(D, py, o - off));
            VectorMask<Double> gtx = dx.compare(VectorOperators.GT, hx);
            VectorMask<Double> ltx = dx.compare(VectorOperators.LT, mhx);
            dx = dx.sub(bx, gtx).add(bx, ltx);
            VectorMask<Double> gty = dy.compare(VectorOperators.GT, hy);
            VectorMask<Double> lty = dy.compare(VectorOperators.LT, mhy);
            dy = dy.sub(by, gty).add(by, lty);
            DoubleVector r2 = dx.mul(dx).add(dy.mul(dy));
            VectorMask<Double> in = r2.compare(VectorOperators.LT, pair.selectFrom(cut2Lo).blend(pair.selectFrom(cut2Hi), upper)).and(inList);
            DoubleVector ir2 = one.div(r2);
            DoubleVector ir6 = ir2.mul(ir2).mul(ir2);
            DoubleVector fr = pair.selectFrom(a12Lo).blend(pair.selectFrom(a12Hi), upper).mul(ir6).sub(pair.selectFrom(a6Lo).blend(pair.selectFrom(a6Hi), upper)).mul(ir6).mul(ir2);
            fx = fx.add(fr.mul(dx), in);
            fy = fy.add(fr.mul(dy), in);
            if (energies) {
                e = e.add(pair.selectFrom(e12Lo).blend(pair.selectFrom(e12Hi), upper).mul(ir6).sub(pair.selectFrom(e6Lo).blend(pair.selectFrom(e6Hi), upper)).mul(ir6)
                    .sub(pair.selectFrom(shiftLo).blend(pair.selectFrom(shiftHi), upper)), in);
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


    /**
     * Many types (open chemistry): the force constants of each list entry, copied once per list build by
     * {@link #prepare}, are read contiguously (three gathers per column cost more than "cpu"'s whole pair).
     * Forces and virial; the energies follow in {@link #gatheredPotential}, because one loop with all eight
     * gathers is too large for C1 (see {@link #group}).
     */
    private void gathered(int g, boolean energies, double[] out, Scratch scratch) {
        ParticleState s = state;
        double[] x = s.x;
        double[] y = s.y;
        int base = g * L;
        int[] cols = list.lists[base / Blocks.SIZE];
        int b = base / Blocks.SIZE;
        double[] slotCut2 = slotCut2s[b];
        double[] slotA12 = slotA12s[b];
        double[] slotA6 = slotA6s[b];
        int off = list.groupOffset[g];
        int len = list.groupLength[g];
        copyPartners(cols, off, len * L, scratch);
        double[] px = scratch.x;
        double[] py = scratch.y;
        double bx = s.boxX();
        double by = s.boxY();
        double hx = 0.5 * bx;
        double hy = 0.5 * by;
        double mhx = -hx;
        double mhy = -hy;
        int ownAt = base + L <= s.n ? base : 0;
        DoubleVector xi = DoubleVector.fromArray(D, own(x, base, scratch.tailX), ownAt);
        DoubleVector yi = DoubleVector.fromArray(D, own(y, base, scratch.tailY), ownAt);
        DoubleVector counts = counts(base);
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        DoubleVector fx = DoubleVector.zero(D);
        DoubleVector fy = DoubleVector.zero(D);
        DoubleVector w = DoubleVector.zero(D);
        for (int k = 0, o = off; k < len; k++, o += L) {
            VectorMask<Double> inList = counts.compare(VectorOperators.GT, (double) k);
            DoubleVector dx = xi.sub(DoubleVector.fromArray(D, px, o - off));
            DoubleVector dy = yi.sub(DoubleVector.fromArray(D, py, o - off));
            VectorMask<Double> gtx = dx.compare(VectorOperators.GT, hx);
            VectorMask<Double> ltx = dx.compare(VectorOperators.LT, mhx);
            dx = dx.sub(bx, gtx).add(bx, ltx);
            VectorMask<Double> gty = dy.compare(VectorOperators.GT, hy);
            VectorMask<Double> lty = dy.compare(VectorOperators.LT, mhy);
            dy = dy.sub(by, gty).add(by, lty);
            DoubleVector r2 = dx.mul(dx).add(dy.mul(dy));
            VectorMask<Double> in = r2.compare(VectorOperators.LT, DoubleVector.fromArray(D, slotCut2, o))
                    .and(inList);
            DoubleVector ir2 = one.div(r2);
            DoubleVector ir6 = ir2.mul(ir2).mul(ir2);
            DoubleVector fr = DoubleVector.fromArray(D, slotA12, o).mul(ir6)
                    .sub(DoubleVector.fromArray(D, slotA6, o)).mul(ir6).mul(ir2);
            fx = fx.add(fr.mul(dx), in);
            fy = fy.add(fr.mul(dy), in);
            if (energies) {
                w = w.add(fr.mul(r2), in);
            }
        }
        fx.intoArray(out, 0);
        fy.intoArray(out, L);
        if (energies) {
            w.intoArray(out, 3 * L);
        }
    }

    /** The LJ energy sums of a group, for {@link #gathered}. */
    private void gatheredPotential(int g, double[] out, Scratch scratch) {
        ParticleState s = state;
        double[] x = s.x;
        double[] y = s.y;
        int base = g * L;
        int[] cols = list.lists[base / Blocks.SIZE];
        int[] pairs = list.pairs[base / Blocks.SIZE];
        int off = list.groupOffset[g];
        int len = list.groupLength[g];
        copyPartners(cols, off, len * L, scratch);
        double[] px = scratch.x;
        double[] py = scratch.y;
        double bx = s.boxX();
        double by = s.boxY();
        double hx = 0.5 * bx;
        double hy = 0.5 * by;
        double mhx = -hx;
        double mhy = -hy;
        int ownAt = base + L <= s.n ? base : 0;
        DoubleVector xi = DoubleVector.fromArray(D, own(x, base, scratch.tailX), ownAt);
        DoubleVector yi = DoubleVector.fromArray(D, own(y, base, scratch.tailY), ownAt);
        DoubleVector counts = counts(base);
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        DoubleVector e = DoubleVector.zero(D);
        for (int k = 0, o = off; k < len; k++, o += L) {
            VectorMask<Double> inList = counts.compare(VectorOperators.GT, (double) k);
            DoubleVector dx = xi.sub(DoubleVector.fromArray(D, px, o - off));
            DoubleVector dy = yi.sub(DoubleVector.fromArray(D, py, o - off));
            VectorMask<Double> gtx = dx.compare(VectorOperators.GT, hx);
            VectorMask<Double> ltx = dx.compare(VectorOperators.LT, mhx);
            dx = dx.sub(bx, gtx).add(bx, ltx);
            VectorMask<Double> gty = dy.compare(VectorOperators.GT, hy);
            VectorMask<Double> lty = dy.compare(VectorOperators.LT, mhy);
            dy = dy.sub(by, gty).add(by, lty);
            DoubleVector r2 = dx.mul(dx).add(dy.mul(dy));
            VectorMask<Double> in = r2.compare(VectorOperators.LT, DoubleVector.fromArray(D, cut2, 0, pairs, o))
                    .and(inList);
            DoubleVector ir2 = one.div(r2);
            DoubleVector ir6 = ir2.mul(ir2).mul(ir2);
            e = e.add(DoubleVector.fromArray(D, c12, 0, pairs, o).mul(ir6)
                    .sub(DoubleVector.fromArray(D, c6, 0, pairs, o)).mul(ir6)
                    .sub(DoubleVector.fromArray(D, shift, 0, pairs, o)), in);
        }
        e.intoArray(out, 2 * L);
    }
}
