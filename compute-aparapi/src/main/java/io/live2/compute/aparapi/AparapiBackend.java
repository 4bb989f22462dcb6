package io.live2.compute.aparapi;

import com.aparapi.Range;
import io.live2.compute.ComputeBackend;
import io.live2.compute.Energies;
import io.live2.compute.Motion;
import io.live2.compute.NeighborSettings;
import io.live2.compute.PairVisitor;
import io.live2.compute.kernels.BindChecks;
import io.live2.compute.kernels.BondedTerms;
import io.live2.compute.kernels.Integrators;
import io.live2.model.ForceField;
import io.live2.model.MorseParams;
import io.live2.model.ParticleState;
import io.live2.model.Topology;
import io.live2.model.random.Purpose;

import java.util.Arrays;

/**
 * "aparapi": neighbour search, forces and integration as Aparapi kernels ({@link MdKernel}) on an OpenCL device,
 * in float32 structure-of-arrays form. The state lives on the device between steps: the kernel runs in explicit
 * mode and arrays cross the bus only in {@link #bind}, {@link #pullState()}, {@link #pushState()} and
 * {@link #topologyChanged()}; each step otherwise moves only the per-chunk "moved beyond skin/2" flags, the
 * per-chunk energy partials when energies are wanted ({@link #computeForces()}, not {@link #computeForcesOnly()}),
 * the kinetic-energy partials when asked for, and, on a neighbour-list rebuild, the per-atom list lengths.
 *
 * <p>Semantics follow the reference backend: for each atom its LJ partners in ascending index order, then its
 * Morse bonds in slot order, then its soft 1-3 partners ascending (gather, no scatter, so no atomics and no
 * order dependence); energies are halved per atom, summed per chunk of {@link MdKernel#CHUNK} atoms in a work
 * item, and the chunk partials are added on the host in chunk order, in double: the result is deterministic.
 * The precision is float32, so results match the reference only within the tolerances stated in the README.
 */
public final class AparapiBackend implements ComputeBackend {
    private static final int LOCAL = 64;

    private MdKernel k;
    private ParticleState state;
    private Topology topology;
    private ForceField ff;
    private int n;
    private int chunks;
    private double reach;
    private double skin;
    private boolean stale = true;
    private long builds;
    private boolean hostCurrent;
    private boolean kineticValid;
    private double kinetic;

    @Override
    public String name() {
        return "aparapi";
    }

    /** One host thread drives the device. */
    @Override
    public int threads() {
        return 1;
    }

    @Override
    public void bind(ParticleState state, Topology topology, ForceField forceField, NeighborSettings settings) {
        BindChecks.requireBindable(state, topology, forceField, settings);
        double halfBox = 0.5 * Math.min(state.boxX(), state.boxY());
        double r = forceField.maxCutoff() + settings.skin();
        if (r >= halfBox) {
            throw new IllegalArgumentException("cutoff + skin = " + r + " nm must be below half the shorter box side ("
                    + halfBox + " nm); use a larger box (more particles or lower density) or a smaller skin");
        }
        if (k != null) {
            k.dispose();
        }
        this.state = state;
        this.topology = topology;
        this.ff = forceField;
        this.n = state.n;
        this.chunks = (n + MdKernel.CHUNK - 1) / MdKernel.CHUNK;
        this.skin = settings.skin();
        this.reach = r;
        MdKernel kk = new MdKernel();
        kk.setExplicit(true);
        k = kk;
        int nn = Math.max(1, n);
        int nt = forceField.typeCount();
        kk.n = n;
        kk.chunks = chunks;
        kk.types = nt;
        kk.boxX = (float) state.boxX();
        kk.boxY = (float) state.boxY();
        // a hair wider than reach, so float rounding can never drop a pair the force pass would count
        kk.reach2 = (float) (r * r * (1 + 1e-5));
        kk.allowedMove2 = (float) (0.25 * skin * skin);
        int cx = (int) Math.floor(state.boxX() / r);
        int cy = (int) Math.floor(state.boxY() / r);
        kk.allPairs = cx < 3 || cy < 3 ? 1 : 0;
        kk.cellsX = kk.allPairs == 1 ? 1 : cx;
        kk.cellsY = kk.allPairs == 1 ? 1 : cy;
        double density = n / (state.boxX() * state.boxY());
        kk.stride = (int) Math.ceil(Math.PI * r * r * density * 1.5) + 8;

        kk.x = new float[nn];
        kk.y = new float[nn];
        kk.vx = new float[nn];
        kk.vy = new float[nn];
        kk.fx = new float[nn];
        kk.fy = new float[nn];
        kk.type = new int[nn];
        kk.idLo = new int[nn];
        kk.idHi = new int[nn];
        for (int i = 0; i < n; i++) {
            kk.type[i] = state.type[i];
            kk.idLo[i] = (int) state.id[i];
            kk.idHi[i] = (int) (state.id[i] >>> 32);
        }
        kk.mass = toFloat(forceField.massTable());
        kk.invMass = toFloat(forceField.invMassTable());
        kk.c12 = toFloat(forceField.c12Table());
        kk.c6 = toFloat(forceField.c6Table());
        kk.cut2 = toFloat(forceField.cutoff2Table());
        kk.shift = toFloat(forceField.shiftTable());
        kk.r13 = new float[nt * nt];
        for (int a = 0; a < nt; a++) {
            for (int b = 0; b < nt; b++) {
                kk.r13[a * nt + b] = (float) forceField.r13(a, b);
            }
        }
        kk.bondCount = new int[nn];
        kk.bondPartner = new int[nn * MdKernel.SLOTS];
        kk.morseDepth = new float[nn * MdKernel.SLOTS];
        kk.morseRe = new float[nn * MdKernel.SLOTS];
        kk.morseA = new float[nn * MdKernel.SLOTS];
        kk.count13 = new int[nn];
        kk.partner13 = new int[nn * MdKernel.MAX13];
        kk.atomCell = new int[nn];
        kk.cellStart = new int[kk.cellsX * kk.cellsY + 1];
        kk.cellFill = new int[kk.cellsX * kk.cellsY];
        kk.cellAtoms = new int[nn];
        kk.nbCount = new int[nn];
        kk.nbList = new int[nn * kk.stride];
        kk.x0 = new float[nn];
        kk.y0 = new float[nn];
        int nc = Math.max(1, chunks);
        kk.moved = new int[nc];
        kk.eLj = new float[nn];
        kk.eBond = new float[nn];
        kk.e13 = new float[nn];
        kk.eVir = new float[nn];
        kk.pLj = new float[nc];
        kk.pBond = new float[nc];
        kk.p13 = new float[nc];
        kk.pVir = new float[nc];
        kk.pKin = new float[nc];
        kk.rngOut = new int[4 * nn];
        kk.put(kk.type).put(kk.idLo).put(kk.idHi).put(kk.mass).put(kk.invMass).put(kk.c12).put(kk.c6)
                .put(kk.cut2).put(kk.shift).put(kk.r13);
        kk.put(kk.atomCell).put(kk.cellStart).put(kk.cellFill).put(kk.cellAtoms).put(kk.nbCount).put(kk.nbList)
                .put(kk.x0).put(kk.y0).put(kk.moved).put(kk.eLj).put(kk.eBond).put(kk.e13).put(kk.eVir)
                .put(kk.pLj).put(kk.pBond).put(kk.p13).put(kk.pVir).put(kk.pKin).put(kk.rngOut);
        uploadTopology();
        pushState();
    }

    private static float[] toFloat(double[] a) {
        float[] f = new float[Math.max(1, a.length)];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    private MdKernel bound() {
        if (k == null) {
            throw new IllegalStateException("backend 'aparapi' is not bound to a system: call bind(...) first");
        }
        return k;
    }

    /** Runs one pass over global work items and refuses to continue if Aparapi did not run it in OpenCL. */
    private void run(int op, int global) {
        MdKernel kk = k;
        kk.op = op;
        int local = global == 1 ? 1 : LOCAL;
        int padded = ((global + local - 1) / local) * local;
        kk.execute(Range.create(padded, local));
        if (!kk.isRunningCL()) {
            throw new IllegalStateException("Aparapi did not run the MD kernel in OpenCL (device "
                    + kk.getTargetDevice() + "); the OpenCL translation or device failed, see Aparapi's log");
        }
    }

    @Override
    public Energies computeForces() {
        MdKernel kk = bound();
        if (n == 0) {
            return new Energies(0, 0, 0, 0);
        }
        ensureList();
        run(MdKernel.OP_FORCES, n);
        run(MdKernel.OP_REDUCE_ENERGY, chunks);
        kk.get(kk.pLj).get(kk.pBond).get(kk.p13).get(kk.pVir);
        hostCurrent = false;
        double lj = 0;
        double bonds = 0;
        double r13 = 0;
        double vir = 0;
        for (int g = 0; g < chunks; g++) {
            lj += kk.pLj[g];
            bonds += kk.pBond[g];
            r13 += kk.p13[g];
            vir += kk.pVir[g];
        }
        return new Energies(lj, bonds, r13, vir);
    }

    /**
     * The same forces as {@link #computeForces()} without the energy reduction pass and its read-back. What still
     * crosses the bus each step: the per-chunk "moved" flags (n/64 ints; the rebuild decision is taken on the host)
     * and, on a rebuild, the per-atom list lengths; and Aparapi's {@code execute} waits for each kernel.
     */
    @Override
    public void computeForcesOnly() {
        bound();
        if (n == 0) {
            return;
        }
        ensureList();
        run(MdKernel.OP_FORCES, n);
        hostCurrent = false;
    }

    /** Builds the neighbour list now, moved atoms or not (Aparapi's execute waits for the kernels). */
    @Override
    public void rebuildNeighbourList() {
        bound();
        if (n == 0) {
            return;
        }
        stale = true;
        ensureList();
    }

    private void ensureList() {
        MdKernel kk = k;
        boolean rebuild = stale;
        if (!rebuild) {
            run(MdKernel.OP_MOVED, chunks);
            kk.get(kk.moved);
            for (int g = 0; g < chunks && !rebuild; g++) {
                rebuild = kk.moved[g] != 0;
            }
        }
        if (!rebuild) {
            return;
        }
        run(MdKernel.OP_BIN, 1);
        while (true) {
            run(MdKernel.OP_NEIGHBOURS, n);
            kk.get(kk.nbCount);
            int max = 0;
            for (int i = 0; i < n; i++) {
                max = Math.max(max, kk.nbCount[i]);
            }
            if (max <= kk.stride) {
                break;
            }
            // denser than estimated (clusters): widen the rows and build again
            kk.stride = max + max / 4 + 4;
            kk.nbList = new int[n * kk.stride];
            kk.put(kk.nbList);
        }
        stale = false;
        builds++;
    }

    /** Flattens bonds (with their Morse parameters) and the distinct 1-3 partners per atom, and uploads them. */
    private void uploadTopology() {
        MdKernel kk = k;
        Topology t = topology;
        Arrays.fill(kk.bondCount, 0);
        Arrays.fill(kk.count13, 0);
        int[] scratch = new int[MdKernel.MAX13];
        for (int i = 0; i < n; i++) {
            int degree = t.degree(i);
            kk.bondCount[i] = degree;
            int ti = state.type[i];
            for (int s = 0; s < degree; s++) {
                int j = t.partner(i, s);
                int tj = state.type[j];
                MorseParams m = ff.morse(ti, tj, t.orderAt(i, s));
                if (m == null) {
                    throw new IllegalStateException("bond " + i + "-" + j + " of order " + t.orderAt(i, s)
                            + " has no Morse parameters for types " + ff.types().get(ti).name() + "-"
                            + ff.types().get(tj).name());
                }
                int slot = i * MdKernel.SLOTS + s;
                kk.bondPartner[slot] = j;
                kk.morseDepth[slot] = (float) m.depth();
                kk.morseRe[slot] = (float) m.reNm();
                kk.morseA[slot] = (float) m.aPerNm();
            }
            int c = BondedTerms.oneThreePartners(i, t, scratch);
            kk.count13[i] = c;
            System.arraycopy(scratch, 0, kk.partner13, i * MdKernel.MAX13, c);
        }
        kk.put(kk.bondCount).put(kk.bondPartner).put(kk.morseDepth).put(kk.morseRe).put(kk.morseA)
                .put(kk.count13).put(kk.partner13);
    }

    @Override
    public void topologyChanged() {
        bound();
        uploadTopology();
        stale = true;
    }

    @Override
    public void kick(double dt) {
        MdKernel kk = bound();
        if (n == 0) {
            return;
        }
        kk.dt = (float) dt;
        run(MdKernel.OP_KICK, n);
        hostCurrent = false;
        kineticValid = false;
    }

    @Override
    public void drift(double dt) {
        MdKernel kk = bound();
        if (n == 0) {
            return;
        }
        kk.dt = (float) dt;
        run(MdKernel.OP_DRIFT, n);
        hostCurrent = false;
    }

    @Override
    public double thermostat(double c1, double kT, long seed, long step, int substep) {
        MdKernel kk = bound();
        if (n == 0) {
            return 0;
        }
        // the heat is the kinetic-energy change: two reductions read back per O-step (see docs/gpu.md)
        double before = kineticEnergy();
        kk.c1 = c1;
        kk.kT = kT;
        kk.k0 = (int) seed;
        kk.k1 = (int) (seed >>> 32);
        kk.stepLo = (int) step;
        kk.stepHi = (int) (step >>> 32);
        kk.purpose = Purpose.langevin(substep);
        run(MdKernel.OP_THERMOSTAT, n);
        hostCurrent = false;
        kineticValid = false;
        return kineticEnergy() - before;
    }

    /** The sanity check on the host copy: the state is read back every step (see docs/gpu.md). */
    @Override
    public Motion motion() {
        bound();
        pullState();
        return Integrators.motion(state, ff.invMassTable());
    }

    @Override
    public double kineticEnergy() {
        MdKernel kk = bound();
        if (!kineticValid) {
            double sum = 0;
            if (n > 0) {
                run(MdKernel.OP_REDUCE_KINETIC, chunks);
                kk.get(kk.pKin);
                for (int g = 0; g < chunks; g++) {
                    sum += kk.pKin[g];
                }
            }
            kinetic = sum;
            kineticValid = true;
        }
        return kinetic;
    }

    /**
     * Raw Philox-4x32-10 outputs computed on the device for every atom with counter (step, id, purpose): for the
     * parity test against io.live2.model.random.Philox. Returns 4 ints per atom.
     */
    int[] philoxOnDevice(long seed, long step, int purpose) {
        MdKernel kk = bound();
        kk.k0 = (int) seed;
        kk.k1 = (int) (seed >>> 32);
        kk.stepLo = (int) step;
        kk.stepHi = (int) (step >>> 32);
        kk.purpose = purpose;
        run(MdKernel.OP_PHILOX, n);
        kk.get(kk.rngOut);
        return Arrays.copyOf(kk.rngOut, 4 * n);
    }

    @Override
    public void forEachPairWithin(double maxDistance, PairVisitor visitor) {
        bound();
        if (maxDistance > reach * (1 + 1e-12)) {
            throw new IllegalArgumentException("maxDistance " + maxDistance + " exceeds the neighbour reach " + reach);
        }
        pullState();
        HostPairs.forEach(state, topology, maxDistance, visitor);
    }

    @Override
    public void pullState() {
        MdKernel kk = bound();
        if (hostCurrent || n == 0) {
            return;
        }
        kk.get(kk.x).get(kk.y).get(kk.vx).get(kk.vy).get(kk.fx).get(kk.fy);
        ParticleState s = state;
        for (int i = 0; i < n; i++) {
            s.x[i] = kk.x[i];
            s.y[i] = kk.y[i];
            s.vx[i] = kk.vx[i];
            s.vy[i] = kk.vy[i];
            s.fx[i] = kk.fx[i];
            s.fy[i] = kk.fy[i];
        }
        hostCurrent = true;
    }

    @Override
    public void pushState() {
        MdKernel kk = bound();
        ParticleState s = state;
        float bx = kk.boxX;
        float by = kk.boxY;
        for (int i = 0; i < n; i++) {
            float xf = (float) s.x[i];
            float yf = (float) s.y[i];
            // a double just below the box edge can round up to it in float
            kk.x[i] = xf >= bx ? 0f : xf;
            kk.y[i] = yf >= by ? 0f : yf;
            kk.vx[i] = (float) s.vx[i];
            kk.vy[i] = (float) s.vy[i];
            kk.fx[i] = (float) s.fx[i];
            kk.fy[i] = (float) s.fy[i];
        }
        kk.put(kk.x).put(kk.y).put(kk.vx).put(kk.vy).put(kk.fx).put(kk.fy);
        hostCurrent = false;
        kineticValid = false;
    }

    /** Current neighbour-list row length (for tests: it grows when a row overflows). */
    int rowStride() {
        return bound().stride;
    }

    @Override
    public long neighbourBuilds() {
        return builds;
    }

    @Override
    public void close() {
        if (k != null) {
            k.dispose();
            k = null;
        }
    }
}
