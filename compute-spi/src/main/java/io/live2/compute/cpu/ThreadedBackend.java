package io.live2.compute.cpu;

import io.live2.compute.ComputeBackend;
import io.live2.compute.Energies;
import io.live2.compute.NeighborSettings;
import io.live2.compute.PairVisitor;
import io.live2.model.ForceField;
import io.live2.model.ParticleState;
import io.live2.model.Topology;
import io.live2.model.random.Philox;

/**
 * The default CPU backend: Verlet neighbour lists built through cell lists, work split over fixed atom blocks
 * on a fixed thread pool. Each atom's full neighbour list is sorted ascending; every pair is computed once
 * (Newton's third law) into a slot of each atom's list, and each atom then adds its slots in list order, the
 * reference's ascending-j order. So forces are bit-identical to {@link ReferenceBackend} and to any thread count,
 * with no write conflicts (each slot has one writer); energies are reduced over the same fixed blocks.
 * Atom slots are never permuted: indices are shared with the engine.
 */
public final class ThreadedBackend implements ComputeBackend {
    private final WorkerPool pool;
    private final AtomSums[] sums;
    private final int[][] scratch;

    private ParticleState state;
    private Topology topology;
    private ForceField ff;
    private double skin;
    private NeighbourList list;
    private BlockEnergies energies;
    private double[] kineticPartials;
    private long previousBuilds;

    // per-pair tables: index = type(i) * typeCount + type(j); 12·c12 and 6·c6 pre-multiplied exactly as
    // ForceField.ljForceOverR evaluates them, so results match the reference to the bit
    private int typeCount;
    private double[] c12;
    private double[] c6;
    private double[] c12x12;
    private double[] c6x6;
    private double[] cut2;
    private double[] shift;

    // arguments of the current block task (set before pool.run; tasks are created once, never per step)
    private double stepDt;
    private double thermoC1;
    private double thermoKT;
    private long thermoStep;
    private Philox thermoRng;

    // positions interleaved (x0, y0, x1, y1, ...) for the pair loops: one cache line per partner instead of two
    private double[] xy;

    // per list slot: (force x, force y, LJ energy, virial) of that pair on the slot's atom
    private double[] pairSlots = new double[0];

    private boolean pairSlotsInUse;
    private Kernel kernel = Kernel.AUTO;

    private final WorkerPool.BlockTask pairTask = this::pairBlock;
    private final WorkerPool.BlockTask forceTask = this::forceBlock;
    private final WorkerPool.BlockTask packTask = this::packBlock;
    private final WorkerPool.BlockTask kickTask = (b, w) ->
            Integrators.kick(state, ff.invMassTable(), stepDt, Blocks.start(b), Blocks.end(b, state.n));
    private final WorkerPool.BlockTask driftTask = (b, w) ->
            Integrators.drift(state, stepDt, Blocks.start(b), Blocks.end(b, state.n));
    private final WorkerPool.BlockTask thermostatTask = (b, w) -> Integrators.thermostat(state, ff.massTable(),
            thermoC1, thermoKT, thermoRng, thermoStep, Blocks.start(b), Blocks.end(b, state.n));
    private final WorkerPool.BlockTask kineticTask = (b, w) ->
            kineticPartials[b] = Integrators.kineticEnergy(state, ff.massTable(), Blocks.start(b), Blocks.end(b, state.n));

    public ThreadedBackend(int threads) {
        pool = new WorkerPool(threads, "live-cpu");
        sums = new AtomSums[threads];
        scratch = new int[threads][BondedTerms.MAX_ONE_THREE];
        for (int t = 0; t < threads; t++) {
            sums[t] = new AtomSums();
        }
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public int threads() {
        return pool.threads();
    }

    @Override
    public void bind(ParticleState state, Topology topology, ForceField forceField, NeighborSettings settings) {
        if (topology.size() != state.n) {
            throw new IllegalArgumentException("topology has " + topology.size() + " atoms, state has " + state.n);
        }
        NeighbourList newList = new NeighbourList(state, topology, forceField.maxCutoff(), settings.skin(), pool.threads());
        if (list != null) {
            previousBuilds += list.builds();
        }
        this.state = state;
        this.topology = topology;
        this.ff = forceField;
        this.skin = settings.skin();
        this.list = newList;
        energies = new BlockEnergies(state.n);
        xy = new double[2 * state.n];
        kineticPartials = new double[Blocks.count(state.n)];
        typeCount = forceField.typeCount();
        c12 = forceField.c12Table();
        c6 = forceField.c6Table();
        cut2 = forceField.cutoff2Table();
        shift = forceField.shiftTable();
        c12x12 = new double[c12.length];
        c6x6 = new double[c6.length];
        for (int p = 0; p < c12.length; p++) {
            c12x12[p] = 12 * c12[p];
            c6x6[p] = 6 * c6[p];
        }
    }

    /** Makes the neighbour list valid for the current positions and topology. */
    private void ensureList() {
        bound();
        list.ensureForForces(pool);
    }

    private void bound() {
        if (state == null) {
            throw new IllegalStateException("backend 'cpu' is not bound to a system: call bind(...) first");
        }
    }

    @Override
    public Energies computeForces() {
        ensureList();
        pool.run(packTask, Blocks.count(state.n));
        pairSlotsInUse = usePairSlots();
        if (pairSlotsInUse) {
            if (pairSlots.length < 4 * list.neighbours.length) {
                pairSlots = new double[4 * list.neighbours.length];
            }
            pool.run(pairTask, Blocks.count(state.n));
        }
        pool.run(forceTask, Blocks.count(state.n));
        return energies.reduce();
    }

    private void packBlock(int b, int worker) {
        double[] x = state.x;
        double[] y = state.y;
        double[] p = xy;
        for (int i = Blocks.start(b), end = Blocks.end(b, state.n); i < end; i++) {
            p[2 * i] = x[i];
            p[2 * i + 1] = y[i];
        }
    }

    /**
     * Atom i's LJ sum over its ascending neighbour list, any number of types. Same arithmetic, operation by
     * operation, as ForceField.ljForceOverR / ljEnergy, so the bytes match the reference.
     */
    private void ljMixed(int i, AtomSums a) {
        ParticleState s = state;
        double[] p = xy;
        int[] type = s.type;
        int[] nb = list.neighbours;
        double bx = s.boxX();
        double by = s.boxY();
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

    /** {@link #ljMixed} for a one-type force field (lj-fluid): the pair constants stay in registers. */
    private void ljUniform(int i, AtomSums a) {
        ParticleState s = state;
        double[] p = xy;
        int[] nb = list.neighbours;
        double bx = s.boxX();
        double by = s.boxY();
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

    /**
     * Phase 1 for block b: every pair (i, j &gt; i) of the list is computed once, and its force on i, energy and
     * virial are written to i's slot for j; the partner's slot for i gets the same with the force negated.
     * Negation is exact and the minimum image is antisymmetric, so these are the very bytes the reference
     * computes from j's side. Pairs beyond the cutoff get zeros, which add nothing.
     */
    private void pairBlock(int b, int worker) {
        boolean uniform = typeCount == 1;
        for (int i = Blocks.start(b), end = Blocks.end(b, state.n); i < end; i++) {
            if (uniform) {
                pairsUniform(i);
            } else {
                pairsMixed(i);
            }
        }
    }

    /**
     * Phase 2 for block b: each atom adds up its slots in list order (ascending partner index, as the reference
     * does), then its bonded terms; block sums of the halved pair energies go to the block-ordered reduction.
     */
    private void forceBlock(int b, int worker) {
        ParticleState s = state;
        AtomSums a = sums[worker];
        int[] buffer = scratch[worker];
        double[] slots = pairSlots;
        int[] count = list.count;
        int stride = list.stride;
        boolean uniform = typeCount == 1;
        double lj = 0;
        double bonds = 0;
        double r13 = 0;
        double virial = 0;
        for (int i = Blocks.start(b), end = Blocks.end(b, s.n); i < end; i++) {
            if (!pairSlotsInUse) {
                if (uniform) {
                    ljUniform(i, a);
                } else {
                    ljMixed(i, a);
                }
            } else {
                double fx = 0;
                double fy = 0;
                double e = 0;
                double w = 0;
                for (int k = 4 * i * stride, kEnd = k + 4 * count[i]; k < kEnd; k += 4) {
                    fx += slots[k];
                    fy += slots[k + 1];
                    e += slots[k + 2];
                    w += slots[k + 3];
                }
                a.fx = fx;
                a.fy = fy;
                a.lj = e;
                a.virial = w;
                a.bonds = 0;
                a.repulsion13 = 0;
            }
            BondedTerms.accumulate(i, s, topology, ff, buffer, a);
            s.fx[i] = a.fx;
            s.fy[i] = a.fy;
            lj += 0.5 * a.lj;
            bonds += 0.5 * a.bonds;
            r13 += 0.5 * a.repulsion13;
            virial += 0.5 * a.virial;
        }
        energies.set(b, lj, bonds, r13, virial);
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
    private void pairsMixed(int i) {
        double[] p = xy;
        int[] type = state.type;
        int[] nb = list.neighbours;
        int[] mirror = list.mirror;
        double[] slots = pairSlots;
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
    private void pairsUniform(int i) {
        double[] p = xy;
        int[] nb = list.neighbours;
        int[] mirror = list.mirror;
        double[] slots = pairSlots;
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

    /**
     * The two LJ kernels give the same bytes (tests check both); they differ only in speed. GATHER computes every
     * pair from both sides and reads little memory; PAIR_SLOTS computes each pair once but writes 32 bytes per
     * list slot, which pays while those slots stay in cache (measured: ~1.2-1.4x faster at 1,000 atoms, even at
     * 10,000, ~0.7x at 100,000; docs/benchmarks.md).
     */
    enum Kernel { AUTO, GATHER, PAIR_SLOTS }

    /** Slot memory up to which AUTO picks PAIR_SLOTS. */
    static final long PAIR_SLOT_BYTES = 4L << 20;

    /** For tests and benchmarks: force one kernel. */
    void useKernel(Kernel k) {
        kernel = k;
    }

    private boolean usePairSlots() {
        return switch (kernel) {
            case GATHER -> false;
            case PAIR_SLOTS -> true;
            case AUTO -> 32L * state.n * list.stride <= PAIR_SLOT_BYTES;
        };
    }

    @Override
    public void topologyChanged() {
        list.invalidate();
    }

    @Override
    public void kick(double dt) {
        bound();
        stepDt = dt;
        pool.run(kickTask, Blocks.count(state.n));
    }

    @Override
    public void drift(double dt) {
        bound();
        stepDt = dt;
        pool.run(driftTask, Blocks.count(state.n));
    }

    @Override
    public void thermostat(double c1, double kT, long seed, long step) {
        bound();
        thermoC1 = c1;
        thermoKT = kT;
        thermoStep = step;
        thermoRng = new Philox(seed);
        pool.run(thermostatTask, Blocks.count(state.n));
    }

    @Override
    public double kineticEnergy() {
        bound();
        int blocks = Blocks.count(state.n);
        pool.run(kineticTask, blocks);
        return Blocks.sum(kineticPartials, blocks);
    }

    @Override
    public void forEachPairWithin(double maxDistance, PairVisitor visitor) {
        bound();
        double reach = ff.maxCutoff() + skin;
        if (maxDistance > reach) {
            throw new IllegalArgumentException("maxDistance " + maxDistance + " exceeds the neighbour-list reach "
                    + reach + " (cutoff + skin)");
        }
        // the list must hold every pair within maxDistance, which may need a rebuild even when forces do not
        list.ensureWithin(maxDistance, pool);
        ParticleState s = state;
        double max2 = maxDistance * maxDistance;
        int[] nb = list.neighbours;
        int stride = list.stride;
        for (int i = 0; i < s.n; i++) {
            for (int k = i * stride, end = k + list.count[i]; k < end; k++) {
                int j = nb[k];
                if (j <= i) {
                    continue;
                }
                double dx = NeighbourList.minImage(s.x[i] - s.x[j], s.boxX());
                double dy = NeighbourList.minImage(s.y[i] - s.y[j], s.boxY());
                double r2 = dx * dx + dy * dy;
                if (r2 < max2) {
                    visitor.visit(i, j, r2);
                }
            }
        }
    }

    /** Rebuilds the neighbour list now, whether needed or not: for benchmarks and diagnostics. */
    public void rebuildNeighbourList() {
        list.invalidate();
        list.ensureForForces(pool);
    }

    @Override
    public long neighbourBuilds() {
        return previousBuilds + (list == null ? 0 : list.builds());
    }

    @Override
    public void close() {
        pool.close();
    }
}
