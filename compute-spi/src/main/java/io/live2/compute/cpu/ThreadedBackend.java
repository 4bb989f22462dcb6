package io.live2.compute.cpu;

import io.live2.compute.ComputeBackend;
import io.live2.compute.Energies;
import io.live2.compute.Motion;
import io.live2.compute.NeighborSettings;
import io.live2.compute.PairVisitor;
import io.live2.compute.kernels.AtomSums;
import io.live2.compute.kernels.BindChecks;
import io.live2.compute.kernels.BlockEnergies;
import io.live2.compute.kernels.Blocks;
import io.live2.compute.kernels.BondedTerms;
import io.live2.compute.kernels.PairsWithin;
import io.live2.compute.kernels.PooledIntegrator;
import io.live2.compute.kernels.WorkerPool;
import io.live2.model.ForceField;
import io.live2.model.ParticleState;
import io.live2.model.Topology;
import io.live2.model.random.Purpose;

/**
 * The default CPU backend: Verlet neighbour lists built through cell lists, work split over fixed atom blocks
 * on a fixed thread pool. Each atom's full neighbour list is sorted ascending, and each atom's LJ force is summed
 * in that order ({@link LjKernels}), the reference's ascending-j order; bonded terms follow as in the reference.
 * So forces are bit-identical to {@link ReferenceBackend} and to any thread count, with no write conflicts (each
 * atom, and each pair slot, has one writer); energies are reduced over the same fixed blocks.
 * Atom slots are never permuted: indices are shared with the engine.
 */
public final class ThreadedBackend implements ComputeBackend {
    private final WorkerPool pool;
    private final PooledIntegrator integrator;
    private final AtomSums[] sums;
    private final int[][] scratch;

    private ParticleState state;
    private Topology topology;
    private ForceField ff;
    private double skin;
    private NeighbourList list;
    private BlockEnergies energies;
    private long previousBuilds;

    private LjKernels lj;

    private boolean pairSlotsInUse;
    private boolean pairSlotsFused;
    private Kernel kernel = Kernel.AUTO;

    private final WorkerPool.BlockTask pairTask = this::pairBlock;
    private final WorkerPool.BlockTask forceTask = this::forceBlock;
    private final WorkerPool.BlockTask packTask = this::packBlock;

    public ThreadedBackend(int threads) {
        pool = new WorkerPool(threads, "live-cpu");
        integrator = new PooledIntegrator(pool);
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
        BindChecks.requireSameAtoms(state, topology);
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
        integrator.bind(state, forceField);
        lj = new LjKernels(state, newList, forceField);
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
        // one thread runs the blocks in order, so the pair-slot kernel's two halves can be fused per atom
        pairSlotsFused = pairSlotsInUse && pool.threads() == 1;
        if (pairSlotsInUse) {
            lj.ensureSlots();
            if (!pairSlotsFused) {
                pool.run(pairTask, Blocks.count(state.n));
            }
        }
        pool.run(forceTask, Blocks.count(state.n));
        return energies.reduce();
    }

    private void packBlock(int b, int worker) {
        lj.pack(Blocks.start(b), Blocks.end(b, state.n));
    }

    /** Pair-slot kernel, first half, for block b: each pair (i, j &gt; i) computed once into both slots. */
    private void pairBlock(int b, int worker) {
        boolean uniform = lj.uniform();
        for (int i = Blocks.start(b), end = Blocks.end(b, state.n); i < end; i++) {
            if (uniform) {
                lj.pairsUniform(i);
            } else {
                lj.pairsMixed(i);
            }
        }
    }

    /**
     * Forces of block b: each atom's LJ sum (gathered from its list, or added up from its slots), then its
     * bonded terms; block sums of the halved pair energies go to the block-ordered reduction.
     */
    private void forceBlock(int b, int worker) {
        ParticleState s = state;
        AtomSums a = sums[worker];
        int[] buffer = scratch[worker];
        LjKernels kernels = lj;
        boolean uniform = kernels.uniform();
        boolean slots = pairSlotsInUse;
        boolean fused = pairSlotsFused;
        double ljSum = 0;
        double bonds = 0;
        double r13 = 0;
        double virial = 0;
        for (int i = Blocks.start(b), end = Blocks.end(b, s.n); i < end; i++) {
            if (fused) {
                // atoms run in ascending order: every j < i has already written i's lower slots, and i writes
                // its upper slots now, while its partners' slots are still in cache
                if (uniform) {
                    kernels.pairsUniform(i);
                } else {
                    kernels.pairsMixed(i);
                }
                kernels.sumSlots(i, a);
            } else if (slots) {
                kernels.sumSlots(i, a);
            } else if (uniform) {
                kernels.gatherUniform(i, a);
            } else {
                kernels.gatherMixed(i, a);
            }
            BondedTerms.accumulate(i, s, topology, ff, buffer, a);
            s.fx[i] = a.fx;
            s.fy[i] = a.fy;
            ljSum += 0.5 * a.lj;
            bonds += 0.5 * a.bonds;
            r13 += 0.5 * a.repulsion13;
            virial += 0.5 * a.virial;
        }
        energies.set(b, ljSum, bonds, r13, virial);
    }

    /**
     * The two LJ kernels give the same bytes (tests check both); they differ only in speed. GATHER computes every
     * pair from both sides and reads little memory; PAIR_SLOTS computes each pair once but writes 32 bytes per
     * list slot twice, which pays while those slots stay in cache (docs/benchmarks.md).
     */
    enum Kernel { AUTO, GATHER, PAIR_SLOTS }

    /** Slot memory up to which AUTO picks PAIR_SLOTS with more than one thread (two passes over the slots). */
    static final long PAIR_SLOT_BYTES = 4L << 20;

    /**
     * The same with one thread, where the two halves are fused per atom and a slot is read soon after it is
     * written. In-process A/B against GATHER (same JVM, alternating): 1.34x at 1,024 atoms, 1.22x at 10,000
     * (9.6 MB of slots), 0.89x at 99,856 (96 MB).
     */
    static final long FUSED_PAIR_SLOT_BYTES = 32L << 20;

    /** For tests and benchmarks: force one kernel. */
    void useKernel(Kernel k) {
        kernel = k;
    }

    private boolean usePairSlots() {
        return switch (kernel) {
            case GATHER -> false;
            case PAIR_SLOTS -> true;
            case AUTO -> 32L * state.n * list.stride
                    <= (pool.threads() == 1 ? FUSED_PAIR_SLOT_BYTES : PAIR_SLOT_BYTES);
        };
    }

    @Override
    public void topologyChanged() {
        list.invalidate();
    }

    @Override
    public void kick(double dt) {
        bound();
        integrator.kick(dt);
    }

    @Override
    public void drift(double dt) {
        bound();
        integrator.drift(dt);
    }

    @Override
    public double thermostat(double c1, double kT, long seed, long step, int substep) {
        bound();
        return integrator.thermostat(c1, kT, seed, step, Purpose.langevin(substep));
    }

    @Override
    public Motion motion() {
        bound();
        return integrator.motion();
    }

    @Override
    public double kineticEnergy() {
        bound();
        return integrator.kineticEnergy();
    }

    @Override
    public void forEachPairWithin(double maxDistance, PairVisitor visitor) {
        bound();
        PairsWithin.requireWithinReach(maxDistance, ff.maxCutoff(), skin);
        // the list must hold every pair within maxDistance, which may need a rebuild even when forces do not
        list.ensureWithin(maxDistance, pool);
        ParticleState s = state;
        double max2 = maxDistance * maxDistance;
        int[] nb = list.neighbours;
        int stride = list.stride;
        for (int i = 0; i < s.n; i++) {
            for (int k = i * stride, end = k + list.count[i]; k < end; k++) {
                PairsWithin.visitIfCloser(s, i, nb[k], max2, visitor);
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
