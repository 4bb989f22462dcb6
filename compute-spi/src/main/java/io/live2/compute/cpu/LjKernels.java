package io.live2.compute.cpu;

import io.live2.compute.kernels.AtomSums;
import io.live2.compute.kernels.LjTables;
import io.live2.model.ForceField;
import io.live2.model.ParticleState;

/**
 * The threaded backend's two LJ kernels over its sorted full neighbour list. Both give the reference's bytes:
 * <ul>
 *   <li>gather: each atom sums its pairs over its list in ascending order, every pair computed from both sides;
 *       little memory traffic;</li>
 *   <li>pair slots: each pair (i, j &gt; i) is computed once and its force on i, energy and virial written to
 *       i's slot for j, the same with the force negated to j's slot for i (negation is exact and the minimum
 *       image antisymmetric: the very bytes the reference computes from j's side); each atom then adds its slots
 *       in list order. Half the arithmetic, 64 bytes written per pair.</li>
 * </ul>
 * The arithmetic is ForceField.ljForceOverR / ljEnergy operation by operation (12·c12 and 6·c6 pre-multiplied,
 * which is exactly how those evaluate), with a one-type variant whose pair constants stay in registers.
 */
final class LjKernels {
    private final ParticleState state;
    private final NeighbourList list;
    // per-pair tables: index = type(i) * typeCount + type(j)
    private final int typeCount;
    private final double[] c12;
    private final double[] c6;
    private final double[] c12x12;
    private final double[] c6x6;
    private final double[] cut2;
    private final double[] shift;
    /** Positions interleaved (x0, y0, x1, y1, ...), refreshed by the caller before each evaluation. */
    final double[] xy;
    /** Per list slot (pair-slot kernel): force x, force y, LJ energy, virial of that pair on the slot's atom. */
    double[] slots = new double[0];

    LjKernels(ParticleState state, NeighbourList list, ForceField ff) {
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
        xy = new double[2 * state.n];
    }

    boolean uniform() {
        return typeCount == 1;
    }

    /** Copies the positions of atoms [from, to) into {@link #xy}. */
    void pack(int from, int to) {
        double[] x = state.x;
        double[] y = state.y;
        double[] p = xy;
        for (int i = from; i < to; i++) {
            p[2 * i] = x[i];
            p[2 * i + 1] = y[i];
        }
    }

    /** Makes room for one slot (4 doubles) per list entry. */
    void ensureSlots() {
        if (slots.length < 4 * list.neighbours.length) {
            slots = new double[4 * list.neighbours.length];
        }
    }

    /** Pair-slot kernel, second half: atom i's LJ sums from its slots, in list order. */
    void sumSlots(int i, AtomSums a) {
        double[] sl = slots;
        double fx = 0;
        double fy = 0;
        double e = 0;
        double w = 0;
        for (int k = 4 * i * list.stride, kEnd = k + 4 * list.count[i]; k < kEnd; k += 4) {
            fx += sl[k];
            fy += sl[k + 1];
            e += sl[k + 2];
            w += sl[k + 3];
        }
        a.fx = fx;
        a.fy = fy;
        a.lj = e;
        a.virial = w;
        a.bonds = 0;
        a.repulsion13 = 0;
    }

    /**
     * Atom i's LJ sum over its ascending neighbour list, any number of types. Same arithmetic, operation by
     * operation, as ForceField.ljForceOverR / ljEnergy, so the bytes match the reference.
     */
    void gatherMixed(int i, AtomSums a) {
        double[] p = xy;
        int[] type = state.type;
        int[] nb = list.neighbours;
        double bx = state.boxX();
        double by = state.boxY();
        double hx = 0.5 * bx;
        double hy = 0.5 * by;
        double[] tc12 = c12;
        double[] tc6 = c6;
        double[] tc12x12 = c12x12;
        double[] tc6x6 = c6x6;
        double[] tcut2 = cut2;
        double[] tshift = shift;
        double xi = p[2 * i];
        double yi = p[2 * i + 1];
        int row = type[i] * typeCount;
        double fx = 0;
        double fy = 0;
        double e = 0;
        double w = 0;
        for (int k = i * list.stride, kEnd = k + list.count[i]; k < kEnd; k++) {
            int j = nb[k];
            double dx = xi - p[2 * j];
            double dy = yi - p[2 * j + 1];
            // positions are wrapped and the reach is below half the box: one shift at most
            dx = dx > hx ? dx - bx : (dx < -hx ? dx + bx : dx);
            dy = dy > hy ? dy - by : (dy < -hy ? dy + by : dy);
            double r2 = dx * dx + dy * dy;
            int q = row + type[j];
            if (r2 < tcut2[q]) {
                double ir2 = 1.0 / r2;
                double ir6 = ir2 * ir2 * ir2;
                double fr = (tc12x12[q] * ir6 - tc6x6[q]) * ir6 * ir2;
                fx += fr * dx;
                fy += fr * dy;
                e += (tc12[q] * ir6 - tc6[q]) * ir6 - tshift[q];
                w += fr * r2;
            }
        }
        a.fx = fx;
        a.fy = fy;
        a.lj = e;
        a.virial = w;
        a.bonds = 0;
        a.repulsion13 = 0;
    }

    /** {@link #gatherMixed} for a one-type force field (lj-fluid): the pair constants stay in registers. */
    void gatherUniform(int i, AtomSums a) {
        double[] p = xy;
        int[] nb = list.neighbours;
        double bx = state.boxX();
        double by = state.boxY();
        double hx = 0.5 * bx;
        double hy = 0.5 * by;
        double pc12 = c12[0];
        double pc6 = c6[0];
        double pc12x12 = c12x12[0];
        double pc6x6 = c6x6[0];
        double pcut2 = cut2[0];
        double pshift = shift[0];
        double xi = p[2 * i];
        double yi = p[2 * i + 1];
        double fx = 0;
        double fy = 0;
        double e = 0;
        double w = 0;
        for (int k = i * list.stride, kEnd = k + list.count[i]; k < kEnd; k++) {
            int j = nb[k];
            double dx = xi - p[2 * j];
            double dy = yi - p[2 * j + 1];
            dx = dx > hx ? dx - bx : (dx < -hx ? dx + bx : dx);
            dy = dy > hy ? dy - by : (dy < -hy ? dy + by : dy);
            double r2 = dx * dx + dy * dy;
            if (r2 < pcut2) {
                double ir2 = 1.0 / r2;
                double ir6 = ir2 * ir2 * ir2;
                double fr = (pc12x12 * ir6 - pc6x6) * ir6 * ir2;
                fx += fr * dx;
                fy += fr * dy;
                e += (pc12 * ir6 - pc6) * ir6 - pshift;
                w += fr * r2;
            }
        }
        a.fx = fx;
        a.fy = fy;
        a.lj = e;
        a.virial = w;
        a.bonds = 0;
        a.repulsion13 = 0;
    }

    /** Writes one pair's results to i's slot and (force negated) to the mirror slot of its partner. */
    private static void store(double[] slots, int own, int there, double fx, double fy, double u, double w) {
        slots[own] = fx;
        slots[own + 1] = fy;
        slots[own + 2] = u;
        slots[own + 3] = w;
        slots[there] = -fx;
        slots[there + 1] = -fy;
        slots[there + 2] = u;
        slots[there + 3] = w;
    }

    /**
     * Atom i's upper pairs, any number of types: the same arithmetic, operation by operation, as
     * ForceField.ljForceOverR / ljEnergy, so the bytes match the reference.
     */
    void pairsMixed(int i) {
        double[] p = xy;
        int[] type = state.type;
        int[] nb = list.neighbours;
        int[] mirror = list.mirror;
        double[] slots = this.slots;
        double bx = state.boxX();
        double by = state.boxY();
        double hx = 0.5 * bx;
        double hy = 0.5 * by;
        double xi = p[2 * i];
        double yi = p[2 * i + 1];
        int row = type[i] * typeCount;
        int stride = list.stride;
        for (int k = i * stride + list.lower[i], kEnd = i * stride + list.count[i]; k < kEnd; k++) {
            int j = nb[k];
            double dx = xi - p[2 * j];
            double dy = yi - p[2 * j + 1];
            // positions are wrapped and the reach is below half the box: one shift at most
            dx = dx > hx ? dx - bx : (dx < -hx ? dx + bx : dx);
            dy = dy > hy ? dy - by : (dy < -hy ? dy + by : dy);
            double r2 = dx * dx + dy * dy;
            int q = row + type[j];
            if (r2 < cut2[q]) {
                double ir2 = 1.0 / r2;
                double ir6 = ir2 * ir2 * ir2;
                double fr = (c12x12[q] * ir6 - c6x6[q]) * ir6 * ir2;
                store(slots, 4 * k, 4 * mirror[k], fr * dx, fr * dy, (c12[q] * ir6 - c6[q]) * ir6 - shift[q], fr * r2);
            } else {
                store(slots, 4 * k, 4 * mirror[k], 0, 0, 0, 0);
            }
        }
    }

    /** {@link #pairsMixed} for a one-type force field (lj-fluid): the pair constants stay in registers. */
    void pairsUniform(int i) {
        double[] p = xy;
        int[] nb = list.neighbours;
        int[] mirror = list.mirror;
        double[] slots = this.slots;
        double bx = state.boxX();
        double by = state.boxY();
        double hx = 0.5 * bx;
        double hy = 0.5 * by;
        double pc12 = c12[0];
        double pc6 = c6[0];
        double pc12x12 = c12x12[0];
        double pc6x6 = c6x6[0];
        double pcut2 = cut2[0];
        double pshift = shift[0];
        double xi = p[2 * i];
        double yi = p[2 * i + 1];
        int stride = list.stride;
        for (int k = i * stride + list.lower[i], kEnd = i * stride + list.count[i]; k < kEnd; k++) {
            int j = nb[k];
            double dx = xi - p[2 * j];
            double dy = yi - p[2 * j + 1];
            dx = dx > hx ? dx - bx : (dx < -hx ? dx + bx : dx);
            dy = dy > hy ? dy - by : (dy < -hy ? dy + by : dy);
            double r2 = dx * dx + dy * dy;
            if (r2 < pcut2) {
                double ir2 = 1.0 / r2;
                double ir6 = ir2 * ir2 * ir2;
                double fr = (pc12x12 * ir6 - pc6x6) * ir6 * ir2;
                store(slots, 4 * k, 4 * mirror[k], fr * dx, fr * dy, (pc12 * ir6 - pc6) * ir6 - pshift, fr * r2);
            } else {
                store(slots, 4 * k, 4 * mirror[k], 0, 0, 0, 0);
            }
        }
    }
}
