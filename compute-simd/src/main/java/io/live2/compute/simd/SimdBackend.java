package io.live2.compute.simd;

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
 * "simd": the CPU backend with its LJ pair kernel on the JDK Vector API. Vectorised across atoms (lane l = atom
 * gL + l, see {@link LjVectorKernel}), each lane summing its own partners in ascending index order, then each atom's
 * bonded terms in the scalar code; energies are reduced over the fixed 1024-atom {@link Blocks} in block order.
 * Forces and energies are therefore bit-identical to "reference" and "cpu", and to any thread count. Work is split
 * over the same fixed blocks on a fixed thread pool; the integrator steps are those of "cpu" ({@link PooledIntegrator},
 * same bytes). Atom slots are never permuted.
 */
public final class SimdBackend implements ComputeBackend {
    private final WorkerPool pool;
    private final PooledIntegrator integrator;
    private final AtomSums[] sums;
    private final int[][] scratch;
    private final double[][] laneOut;
    private final double[][] blockTotals;
    private final LjVectorKernel.Scratch[] kernelScratch;
    private final int lanes = LjVectorKernel.L;

    private ParticleState state;
    private Topology topology;
    private ForceField ff;
    private double skin;
    private LaneList list;
    private LjVectorKernel kernel;
    private BlockEnergies energies;
    private long previousBuilds;

    private final WorkerPool.BlockTask forceTask = this::forceBlock;
    private final WorkerPool.BlockTask forceOnlyTask = this::forceChunk;
    private final WorkerPool.BlockTask prepareTask = (b, worker) -> kernel.prepare(b);

    /**
     * Atoms per task of a forces-only round: a quarter block. Forces need no reduction, so their work can be split
     * finer than the energy blocks: at 10,000 atoms a round of ten 1024-atom blocks over two threads left one thread
     * idle for up to a block at its end, and a thread the VM paused held a whole block; now at most a quarter.
     */
    static final int CHUNK = Blocks.SIZE / 4;

    public SimdBackend(int threads) {
        pool = new WorkerPool(threads, "live-simd");
        integrator = new PooledIntegrator(pool);
        sums = new AtomSums[threads];
        scratch = new int[threads][BondedTerms.MAX_ONE_THREE];
        laneOut = new double[threads][4 * lanes];
        blockTotals = new double[threads][4];
        kernelScratch = new LjVectorKernel.Scratch[threads];
        for (int t = 0; t < threads; t++) {
            sums[t] = new AtomSums();
            kernelScratch[t] = new LjVectorKernel.Scratch();
        }
    }

    @Override
    public String name() {
        return "simd";
    }

    @Override
    public int threads() {
        return pool.threads();
    }

    /** Doubles per vector (atoms handled side by side). */
    public int lanes() {
        return lanes;
    }

    /**
     * Runs the vector kernels (list build, forces with and without energies; the one-type kernel, the few-type
     * kernel on permutes and the many-type kernel on gathers) on a small private system until the JIT has compiled
     * them, once per JVM, before the first bind. Until C2 has compiled it, Vector API code runs its Java fallback,
     * tens of times slower: measured on the 10,000-atom benchmark, about half of a 2,000-step loop went there.
     * {@code -Dlive.simd.warmup=false} skips it.
     */
    private static void warmUpOnce() {
        if (warmedUp || !Boolean.parseBoolean(System.getProperty("live.simd.warmup", "true"))) {
            return;
        }
        warmedUp = true;
        // two blocks, so that a two-thread warm-up pool hands work to its worker thread and the pool's paths are
        // compiled too (at 10,000 atoms they were still being compiled one second into a two-thread benchmark)
        io.live2.compute.LjSystem sys = io.live2.compute.LjSystem.lattice(2 * Blocks.SIZE, 0.7, 2.5, 1.0, 1);
        warmUp(sys.state(), sys.topology(), sys.forceField(), 1000);
        // the chemistry presets' kernels: as many types as the permute tables hold (H, C, N, O with 8 lanes), one more
        int few = (int) Math.sqrt(2 * LjVectorKernel.L);
        for (int types : new int[] {few, few + 1}) {
            java.util.List<io.live2.model.ParticleType> table = new java.util.ArrayList<>();
            for (int t = 0; t < types; t++) {
                table.add(new io.live2.model.ParticleType("W" + t, null, 1.0, 0, 0.9 + 0.05 * t, 1.0, 1.0));
            }
            for (int i = 0; i < sys.state().n; i++) {
                sys.state().type[i] = i % types;
            }
            warmUp(sys.state(), sys.topology(), new ForceField(table, (a, b, order) -> null, 2.5), 500);
        }
    }

    private static void warmUp(ParticleState state, Topology topology, ForceField ff, int steps) {
        try (SimdBackend b = new SimdBackend(Math.min(2, Runtime.getRuntime().availableProcessors()))) {
            b.bind(state, topology, ff, new NeighborSettings(0.3));
            for (int step = 0; step < steps; step++) {
                b.kick(0.0025);
                b.drift(0.005);
                if (step % 3 == 0) {
                    b.computeForces();
                } else {
                    b.computeForcesOnly();
                }
                b.kick(0.0025);
                if (step % 10 == 0) {
                    b.rebuildNeighbourList();
                }
            }
        }
    }

    private static volatile boolean warmedUp;

    @Override
    public void bind(ParticleState state, Topology topology, ForceField forceField, NeighborSettings settings) {
        BindChecks.requireSameAtoms(state, topology);
        warmUpOnce();
        LaneList newList = new LaneList(state, topology, forceField.maxCutoff(), settings.skin(), pool.threads(), lanes,
                forceField.typeCount());
        if (list != null) {
            previousBuilds += list.builds();
        }
        this.state = state;
        this.topology = topology;
        this.ff = forceField;
        this.skin = settings.skin();
        this.list = newList;
        kernel = new LjVectorKernel(state, newList, forceField);
        energies = new BlockEnergies(state.n);
        integrator.bind(state, forceField);
    }

    private void bound() {
        if (state == null) {
            throw new IllegalStateException("backend 'simd' is not bound to a system: call bind(...) first");
        }
    }

    @Override
    public Energies computeForces() {
        bound();
        list.ensureForForces(pool);
        pool.run(forceTask, Blocks.count(state.n));
        return energies.reduce();
    }

    /**
     * Forces only: the same force bytes as {@link #computeForces()}, without the LJ energy and virial arithmetic
     * (LAMMPS likewise computes them only on thermo steps).
     */
    @Override
    public void computeForcesOnly() {
        bound();
        list.ensureForForces(pool);
        if (kernel.needsPrepare()) {
            // the many-type kernel's per-entry constants are made per block: before the chunks, which split blocks
            pool.run(prepareTask, Blocks.count(state.n));
        }
        pool.run(forceOnlyTask, (state.n + CHUNK - 1) / CHUNK);
    }

    /** Forces (no energies) of the atoms of chunk c. */
    private void forceChunk(int c, int worker) {
        int start = c * CHUNK;
        forceRange(start, Math.min(state.n, start + CHUNK), worker, false, null);
    }

    /** Forces and energies of block b. */
    private void forceBlock(int b, int worker) {
        kernel.prepare(b);
        double[] totals = blockTotals[worker];
        forceRange(Blocks.start(b), Blocks.end(b, state.n), worker, true, totals);
        energies.set(b, totals[0], totals[1], totals[2], totals[3]);
    }

    /**
     * Forces of atoms [start, end) (whole groups): their groups' LJ sums from the vector kernel, then each atom's
     * bonded terms in order. With energies, the halved LJ, bond, 1-3 and virial sums of the range, in atom order,
     * go to totals[0..4).
     */
    private void forceRange(int start, int end, int worker, boolean withEnergies, double[] totals) {
        ParticleState s = state;
        AtomSums a = sums[worker];
        int[] buffer = scratch[worker];
        double[] out = laneOut[worker];
        Topology t = topology;
        int L = lanes;
        double ljSum = 0;
        double bonds = 0;
        double r13 = 0;
        double virial = 0;
        for (int base = start; base < end; base += L) {
            kernel.group(base / L, withEnergies, out, kernelScratch[worker]);
            for (int l = 0, i = base; l < L && i < end; l++, i++) {
                if (t.degree(i) == 0) {
                    s.fx[i] = out[l];
                    s.fy[i] = out[L + l];
                    if (withEnergies) {
                        ljSum += 0.5 * out[2 * L + l];
                        bonds += 0.5 * 0.0;
                        r13 += 0.5 * 0.0;
                        virial += 0.5 * out[3 * L + l];
                    }
                    continue;
                }
                a.fx = out[l];
                a.fy = out[L + l];
                a.lj = withEnergies ? out[2 * L + l] : 0;
                a.virial = withEnergies ? out[3 * L + l] : 0;
                a.bonds = 0;
                a.repulsion13 = 0;
                BondedTerms.accumulate(i, s, t, ff, buffer, a);
                s.fx[i] = a.fx;
                s.fy[i] = a.fy;
                ljSum += 0.5 * a.lj;
                bonds += 0.5 * a.bonds;
                r13 += 0.5 * a.repulsion13;
                virial += 0.5 * a.virial;
            }
        }
        if (withEnergies) {
            totals[0] = ljSum;
            totals[1] = bonds;
            totals[2] = r13;
            totals[3] = virial;
        }
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
        list.ensureWithin(maxDistance, pool);
        ParticleState s = state;
        double max2 = maxDistance * maxDistance;
        int L = lanes;
        for (int i = 0; i < s.n; i++) {
            int g = i / L;
            int l = i - g * L;
            int[] cols = list.lists[i / Blocks.SIZE];
            for (int k = 0, o = list.groupOffset[g] + l, c = list.count[i]; k < c; k++, o += L) {
                PairsWithin.visitIfCloser(s, i, cols[o], max2, visitor);
            }
        }
    }

    /** Rebuilds the neighbour list now: for benchmarks and diagnostics. */
    public void rebuildNeighbourList() {
        bound();
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
