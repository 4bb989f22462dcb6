package io.live2.compute.opencl;

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
import io.live2.model.PhysicsDatabase;
import io.live2.model.Topology;
import io.live2.model.random.Purpose;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_TRUE;

/**
 * "opencl": neighbour search, forces and integration in float32 on an OpenCL device (JOCL). The device holds the
 * state as structure-of-arrays buffers (x, y, vx, vy, fx, fy, type, id) plus the per-type tables and the bond and
 * 1-3 lists; the host keeps the double {@link ParticleState} and exchanges only what changed:
 * <ul>
 *   <li>{@link #pullState()} downloads x, y, vx, vy, fx, fy when a kernel changed them since the last pull;</li>
 *   <li>{@link #pushState()} uploads each of x, y, vx, vy only if its float image differs from what the device has;</li>
 *   <li>{@link #topologyChanged()} re-uploads the bond and 1-3 lists (built on the host) and forces a list rebuild;</li>
 *   <li>{@link #computeForcesOnly()} (the engine's ordinary step) only enqueues kernels: no read-back, no
 *       clFinish. The rebuild decision never leaves the device, and a neighbour list that would overflow its
 *       capacity does not need the host either: the build keeps the atom's true count and the force kernel scans
 *       that atom's cells instead (the same forces). The host reads the 3-int status word (builds, largest count)
 *       only when it synchronises anyway ({@link #computeForces()}, {@link #pullState()}, {@link #kineticEnergy()})
 *       or every {@value #SYNC_EVERY} force-only evaluations, and then grows the list for the next builds;</li>
 *   <li>{@link #computeForces()} (energies wanted) also reads 4 floats per work-group of {@value #WG} atoms.</li>
 * </ul>
 * The force kernel is {@link ForceKernel#LIST} or the local-memory {@link ForceKernel#TILED} one (see there).
 * Reactive checks ({@link #forEachPairWithin}) run on the host, exactly (double, i &lt; j ascending) on the pulled
 * positions with a host cell list.
 *
 * <p>Determinism: a fixed seed gives the same bytes run after run on the same device and driver: forces are
 * gathered per atom in a neighbour order fixed by the positions, energy reductions use a fixed tree per work-group
 * (size {@value #WG}) and the host sums the group partials in order. Across devices (or against the double CPU
 * backends) results differ in the last float bits, since compilers may contract a*b+c into FMAs and the
 * transcendental functions differ in their last ulp; parity with the reference is therefore statistical (see
 * docs/gpu.md).
 */
public final class OpenClBackend implements ComputeBackend {
    /** Work-group size of the per-atom kernels and the reductions (a power of two). */
    static final int WG = 128;
    /** Work-group size of the single-group cell prefix scan. */
    static final int SCAN_WG = 256;
    static final int MORSE_STRIDE = PhysicsDatabase.MAX_ORDER + 1;
    static final int MAX_13 = Topology.SLOTS * (Topology.SLOTS - 1);
    /** Work-group size of the tiled force kernel (two warps, one wavefront). */
    static final int TILE_WG = 64;
    /** Atoms the tiled force kernel stages in local memory per work-group (16 B each: 16 KB). */
    static final int TILE_CAP = 1024;
    /**
     * Force-only evaluations between status reads when nothing else synchronises: bounds how far the host runs ahead
     * of the device and how long an overflowing list stays on the slower cell-scan path.
     */
    static final int SYNC_EVERY = 64;

    private final OpenClDevice.Choice device;
    private final cl_context context;
    private final cl_command_queue queue;
    private final cl_program program;
    private final cl_kernel kCheck;
    private final cl_kernel kClear;
    private final cl_kernel kBin;
    private final cl_kernel kScan;
    private final cl_kernel kFill;
    private final cl_kernel kSort;
    private final cl_kernel kBuild;
    private final cl_kernel kFinish;
    private final cl_kernel kForces;
    private final cl_kernel kSortPositions;
    private final cl_kernel kTiled;
    private final cl_kernel kReduceEnergy;
    private final ForceKernel forceKernel;
    private final int tileCap;
    private final cl_kernel kKick;
    private final cl_kernel kDrift;
    private final cl_kernel kThermostat;
    private final cl_kernel kKinetic;
    private final cl_kernel kPhilox;
    private final cl_kernel kMotion;

    private final List<cl_mem> buffers = new ArrayList<>();
    private ParticleState state;
    private Topology topology;
    private ForceField ff;
    private int n;
    private int nt;
    private float bx;
    private float by;
    private float reach2;
    private float halfSkin2;
    private int ncx;
    private int ncy;
    private int ncell;
    private int groups;
    private int maxNbr;
    /** The tiled kernel is in use for this binding (requested, and at least 3 x 3 cells). */
    private boolean tiled;
    private int strip;
    private int stripsPerRow;

    private cl_mem x, y, vx, vy, fx, fy, x0, y0, type, id;
    private cl_mem cell, cellCount, cellStart, cellCursor, cellAtoms, nbrCount, nbr;
    private cl_mem bondCount, bondPartner, bondOrder, c13Count, c13Partner;
    private cl_mem c12, c6, cut2, shift, r13, morseD, morseRe, morseA, invMass, mass;
    private cl_mem status, partialE, partialK, partialM, eAtom, xs, ys, ts;

    /** Float images of what the device holds for x, y, vx, vy (as of the last pull or push). */
    private float[] hx, hy, hvx, hvy;
    private float[] hfx, hfy;
    private float[] eParts;
    private float[] kParts;
    private float[] mParts;
    private final int[] statusHost = new int[3];
    /** A kernel changed x, y, v or f since the last pull. */
    private boolean deviceAhead;
    private double kineticCache = Double.NaN;
    private long builds;
    /** Force-only evaluations since the last status read. */
    private int sinceSync;
    /** Times a build overflowed the neighbour list and the host grew it. */
    private long listGrowths;

    /** The force kernel of {@link ForceKernel#defaultFor}: tiled on a GPU, the neighbour list elsewhere. */
    public OpenClBackend() {
        this(null, TILE_CAP);
    }

    /** A chosen force kernel (null: the default for the device). */
    public OpenClBackend(ForceKernel forceKernel) {
        this(forceKernel, TILE_CAP);
    }

    /** Tests: a small tileCap makes the tiled kernel take its global-memory fallback. */
    OpenClBackend(ForceKernel forceKernel, int tileCap) {
        device = OpenClDevice.choice();
        if (device == null) {
            throw new IllegalStateException("OpenCL is not usable here: " + OpenClDevice.unavailableReason());
        }
        this.forceKernel = forceKernel != null ? forceKernel : ForceKernel.defaultFor(device.gpu());
        this.tileCap = tileCap;
        CL.setExceptionsEnabled(true);
        context = OpenClDevice.context(device);
        queue = createQueue();
        String options = "-DWG=" + WG + " -DSCAN_WG=" + SCAN_WG + " -DMORSE_STRIDE=" + MORSE_STRIDE
                + " -DK13=" + (float) ForceField.K13 + "f -DTILE_WG=" + TILE_WG + " -DTILE_CAP=" + tileCap;
        program = OpenClDevice.build(context, device, OpenClDevice.kernelSource(), options);
        kCheck = CL.clCreateKernel(program, "check_displacement", null);
        kClear = CL.clCreateKernel(program, "clear_cells", null);
        kBin = CL.clCreateKernel(program, "bin_count", null);
        kScan = CL.clCreateKernel(program, "scan_cells", null);
        kFill = CL.clCreateKernel(program, "bin_fill", null);
        kSort = CL.clCreateKernel(program, "sort_cells", null);
        kBuild = CL.clCreateKernel(program, "build_list", null);
        kFinish = CL.clCreateKernel(program, "finish_build", null);
        kForces = CL.clCreateKernel(program, "forces", null);
        kSortPositions = CL.clCreateKernel(program, "sort_positions", null);
        kTiled = CL.clCreateKernel(program, "forces_tiled", null);
        kReduceEnergy = CL.clCreateKernel(program, "reduce_energy", null);
        kKick = CL.clCreateKernel(program, "kick", null);
        kDrift = CL.clCreateKernel(program, "drift", null);
        kThermostat = CL.clCreateKernel(program, "thermostat", null);
        kKinetic = CL.clCreateKernel(program, "kinetic", null);
        kPhilox = CL.clCreateKernel(program, "philox_blocks", null);
        kMotion = CL.clCreateKernel(program, "motion", null);
    }

    @SuppressWarnings("deprecation")
    private cl_command_queue createQueue() {
        // clCreateCommandQueue (OpenCL 1.x) works on every driver; an in-order queue orders the kernels
        return CL.clCreateCommandQueue(context, device.device(), 0, null);
    }

    /** The device this backend runs on, e.g. "pthread-... (Portable Computing Language, not a GPU)". */
    public String deviceDescription() {
        return device.describe();
    }

    /** The force kernel asked for; {@link #tiledInUse()} says whether this binding could use it. */
    public ForceKernel forceKernel() {
        return forceKernel;
    }

    /** The tiled kernel runs for the bound system (it needs at least 3 x 3 cells; smaller boxes use the list). */
    public boolean tiledInUse() {
        return tiled;
    }

    @Override
    public String name() {
        return "opencl";
    }

    @Override
    public int threads() {
        return 1;
    }

    @Override
    public void bind(ParticleState state, Topology topology, ForceField forceField, NeighborSettings settings) {
        BindChecks.requireBindable(state, topology, forceField, settings);
        releaseBuffers();
        this.state = state;
        this.topology = topology;
        this.ff = forceField;
        n = state.n;
        nt = forceField.typeCount();
        bx = (float) state.boxX();
        by = (float) state.boxY();
        double reach = forceField.maxCutoff() + settings.skin();
        reach2 = (float) (reach * reach);
        halfSkin2 = (float) (0.25 * settings.skin() * settings.skin());
        ncx = Math.max(1, (int) Math.floor(state.boxX() / reach));
        ncy = Math.max(1, (int) Math.floor(state.boxY() / reach));
        long cap = Math.max(16, 4L * n);
        while ((long) ncx * ncy > cap) {
            ncx = Math.max(1, ncx / 2);
            ncy = Math.max(1, ncy / 2);
        }
        ncell = ncx * ncy;
        groups = Math.max(1, (n + WG - 1) / WG);
        double density = n / (state.boxX() * state.boxY());
        maxNbr = (int) Math.min(Math.max(n, 1), Math.ceil(1.5 * Math.PI * reach * reach * density) + 16);
        tiled = forceKernel == ForceKernel.TILED && ncx >= 3 && ncy >= 3;
        if (tiled) {
            // strips of about TILE_WG atoms; at most ncx - 2 cells so the staged block has no cell twice
            double perCell = (double) n / ncell;
            strip = (int) Math.max(1, Math.min(ncx - 2, Math.round(TILE_WG / Math.max(perCell, 1e-9))));
            stripsPerRow = (ncx + strip - 1) / strip;
        }

        x = floats(n);
        y = floats(n);
        vx = floats(n);
        vy = floats(n);
        fx = floats(n);
        fy = floats(n);
        x0 = floats(n);
        y0 = floats(n);
        type = ints(n);
        id = buffer((long) Sizeof.cl_long * Math.max(1, n));
        cell = ints(n);
        cellCount = ints(ncell);
        cellStart = ints(ncell + 1);
        cellCursor = ints(ncell);
        cellAtoms = ints(n);
        nbrCount = ints(n);
        nbr = ints(tiled ? 1 : (long) n * maxNbr); // the tiled kernel needs no neighbour list
        xs = floats(tiled ? n : 1);
        ys = floats(tiled ? n : 1);
        ts = ints(tiled ? n : 1);
        eAtom = floats(4L * n);
        bondCount = ints(n);
        bondPartner = ints((long) n * Topology.SLOTS);
        bondOrder = ints((long) n * Topology.SLOTS);
        c13Count = ints(n);
        c13Partner = ints((long) n * MAX_13);
        status = ints(3);
        partialE = floats(4L * groups);
        partialK = floats(groups);
        partialM = floats(3L * groups);

        c12 = upload(toFloat(forceField.c12Table()));
        c6 = upload(toFloat(forceField.c6Table()));
        cut2 = upload(toFloat(forceField.cutoff2Table()));
        shift = upload(toFloat(forceField.shiftTable()));
        float[] r13h = new float[nt * nt];
        float[] md = new float[nt * nt * MORSE_STRIDE];
        float[] mre = new float[md.length];
        float[] ma = new float[md.length];
        for (int a = 0; a < nt; a++) {
            for (int b = 0; b < nt; b++) {
                int p = a * nt + b;
                r13h[p] = (float) forceField.r13(a, b);
                for (int o = 1; o < MORSE_STRIDE; o++) {
                    MorseParams m = forceField.morse(a, b, o);
                    if (m != null) {
                        md[p * MORSE_STRIDE + o] = (float) m.depth();
                        mre[p * MORSE_STRIDE + o] = (float) m.reNm();
                        ma[p * MORSE_STRIDE + o] = (float) m.aPerNm();
                    }
                }
            }
        }
        r13 = upload(r13h);
        morseD = upload(md);
        morseRe = upload(mre);
        morseA = upload(ma);
        invMass = upload(toFloat(forceField.invMassTable()));
        mass = upload(toFloat(forceField.massTable()));

        hx = new float[n];
        hy = new float[n];
        hvx = new float[n];
        hvy = new float[n];
        hfx = new float[n];
        hfy = new float[n];
        eParts = new float[4 * groups];
        kParts = new float[groups];
        mParts = new float[3 * groups];
        if (n > 0) {
            for (int i = 0; i < n; i++) {
                hx[i] = (float) state.x[i];
                hy[i] = (float) state.y[i];
                hvx[i] = (float) state.vx[i];
                hvy[i] = (float) state.vy[i];
            }
            write(x, hx);
            write(y, hy);
            write(vx, hvx);
            write(vy, hvy);
            write(type, state.type);
            CL.clEnqueueWriteBuffer(queue, id, CL_TRUE, 0, (long) Sizeof.cl_long * n, Pointer.to(state.id), 0, null, null);
        }
        uploadTopology();
        statusHost[0] = 1;
        statusHost[1] = 0;
        statusHost[2] = 0;
        write(status, statusHost);
        builds = 0;
        sinceSync = 0;
        // the host arrays are double; the device holds their float images: the next pull makes the host agree
        deviceAhead = true;
        kineticCache = Double.NaN;
    }

    private void uploadTopology() {
        int[] bc = new int[Math.max(1, n)];
        int[] bp = new int[Math.max(1, n * Topology.SLOTS)];
        int[] bo = new int[bp.length];
        int[] cc = new int[bc.length];
        int[] cp = new int[Math.max(1, n * MAX_13)];
        int[] scratch = new int[MAX_13];
        for (int i = 0; i < n; i++) {
            int d = topology.degree(i);
            bc[i] = d;
            for (int k = 0; k < d; k++) {
                int j = topology.partner(i, k);
                int o = topology.orderAt(i, k);
                if (ff.morse(state.type[i], state.type[j], o) == null) {
                    throw new IllegalStateException("bond " + i + "-" + j + " of order " + o
                            + " has no Morse parameters for types " + ff.types().get(state.type[i]).name() + "-"
                            + ff.types().get(state.type[j]).name());
                }
                bp[k * n + i] = j;
                bo[k * n + i] = o;
            }
            int c = BondedTerms.oneThreePartners(i, topology, scratch);
            cc[i] = c;
            for (int k = 0; k < c; k++) {
                cp[k * n + i] = scratch[k];
            }
        }
        write(bondCount, bc);
        write(bondPartner, bp);
        write(bondOrder, bo);
        write(c13Count, cc);
        write(c13Partner, cp);
    }

    @Override
    public Energies computeForces() {
        bound();
        if (n == 0) {
            return new Energies(0, 0, 0, 0);
        }
        enqueueForces(true);
        CL.clEnqueueReadBuffer(queue, partialE, CL_TRUE, 0, 4L * groups * Sizeof.cl_float, Pointer.to(eParts), 0, null, null);
        deviceAhead = true;
        syncStatus();
        double lj = 0;
        double bonds = 0;
        double r13s = 0;
        double vir = 0;
        for (int g = 0; g < groups; g++) {
            lj += eParts[4 * g];
            bonds += eParts[4 * g + 1];
            r13s += eParts[4 * g + 2];
            vir += eParts[4 * g + 3];
        }
        return new Energies(lj, bonds, r13s, vir);
    }

    /** Enqueues the step's kernels and returns: nothing is read back, the host does not wait for the device. */
    @Override
    public void computeForcesOnly() {
        bound();
        if (n == 0) {
            return;
        }
        enqueueForces(false);
        deviceAhead = true;
        if (++sinceSync >= SYNC_EVERY) {
            syncStatus();
        } else {
            CL.clFlush(queue); // submit now so that the device works while the host enqueues the next kernels
        }
    }

    /**
     * Reads the status word (waits for the queue): the build count, and the largest neighbour count of the last
     * build. When that exceeded the list capacity, the overflowing atoms' forces came from the cell scan (correct,
     * slower): the list grows and the next evaluation rebuilds it.
     */
    private void syncStatus() {
        CL.clEnqueueReadBuffer(queue, status, CL_TRUE, 0, 3L * Sizeof.cl_int, Pointer.to(statusHost), 0, null, null);
        builds = statusHost[1];
        sinceSync = 0;
        if (!tiled && statusHost[2] > maxNbr) {
            listGrowths++;
            resizeList(Math.min(n, statusHost[2] + statusHost[2] / 4 + 16));
        }
    }

    /** Reallocates the neighbour list for max partners per atom and flags a rebuild (the old list is gone). */
    private void resizeList(int max) {
        CL.clReleaseMemObject(nbr);
        buffers.remove(nbr);
        maxNbr = max;
        nbr = ints((long) n * maxNbr);
        statusHost[0] = 1;
        CL.clEnqueueWriteBuffer(queue, status, CL_TRUE, 0, Sizeof.cl_int, Pointer.to(statusHost), 0, null, null);
    }

    /** Tests: the neighbour-list capacity per atom now. */
    int neighbourCapacity() {
        return maxNbr;
    }

    /** Tests: shrink (or grow) the neighbour list to force overflows; the next evaluation rebuilds. */
    void neighbourCapacity(int max) {
        bound();
        if (tiled) {
            throw new IllegalStateException("the tiled force kernel has no neighbour list");
        }
        CL.clFinish(queue);
        resizeList(Math.max(1, max));
    }

    /** Tests: how many times an overflowing build made the host grow the list. */
    long listGrowths() {
        return listGrowths;
    }

    private void enqueueForces(boolean energies) {
        enqueueListBuild();
        long atoms = roundUp(n);
        int want = energies ? 1 : 0;
        if (tiled) {
            args(kSortPositions, n, cellAtoms, x, y, type, xs, ys, ts);
            run(kSortPositions, atoms, WG);
            args(kTiled, n, nt, bx, by, ncx, ncy, strip, stripsPerRow, xs, ys, ts, x, y, type, cell, cellStart,
                    cellAtoms, c12, c6, cut2, shift, r13, morseD, morseRe, morseA, bondCount, bondPartner, bondOrder,
                    c13Count, c13Partner, fx, fy, want, eAtom);
            run(kTiled, (long) stripsPerRow * ncy * TILE_WG, TILE_WG);
        } else {
            args(kForces, n, nt, bx, by, ncx, ncy, x, y, type, nbrCount, nbr, maxNbr, cell, cellStart, cellAtoms,
                    c12, c6, cut2, shift, r13, morseD, morseRe, morseA, bondCount, bondPartner, bondOrder, c13Count,
                    c13Partner, fx, fy, want, eAtom);
            run(kForces, atoms, WG);
        }
        if (energies) {
            args(kReduceEnergy, n, eAtom, partialE);
            run(kReduceEnergy, atoms, WG);
        }
    }

    /**
     * The displacement check and the list build: cells, then (list kernel) the neighbour lists. Each build kernel
     * returns at once on the device unless the check (or the host, through status[0]) asked for a rebuild.
     */
    private void enqueueListBuild() {
        long atoms = roundUp(n);
        args(kCheck, n, bx, by, halfSkin2, x, y, x0, y0, status);
        run(kCheck, atoms, WG);
        args(kClear, ncell, cellCount, status);
        run(kClear, roundUp(ncell), WG);
        args(kBin, n, ncx, ncy, bx, by, x, y, cell, cellCount, x0, y0, status);
        run(kBin, atoms, WG);
        args(kScan, ncell, cellCount, cellStart, cellCursor, status);
        run(kScan, SCAN_WG, SCAN_WG);
        args(kFill, n, cell, cellCursor, cellAtoms, status);
        run(kFill, atoms, WG);
        args(kSort, ncell, cellStart, cellAtoms, status);
        run(kSort, roundUp(ncell), WG);
        if (!tiled) {
            args(kBuild, n, ncx, ncy, bx, by, reach2, x, y, cell, cellStart, cellAtoms, bondCount, bondPartner,
                    c13Count, c13Partner, nbrCount, nbr, maxNbr, status);
            run(kBuild, atoms, WG);
        }
        args(kFinish, status);
        run(kFinish, 1, 1);
    }

    /** Builds the neighbour list (or, for the tiled kernel, the cell bins) now and waits for the device. */
    @Override
    public void rebuildNeighbourList() {
        bound();
        if (n == 0) {
            return;
        }
        statusHost[0] = 1;
        CL.clEnqueueWriteBuffer(queue, status, CL_TRUE, 0, Sizeof.cl_int, Pointer.to(statusHost), 0, null, null);
        enqueueListBuild();
        syncStatus(); // waits for the build and reads its count
    }

    @Override
    public void topologyChanged() {
        bound();
        uploadTopology();
        statusHost[0] = 1;
        CL.clEnqueueWriteBuffer(queue, status, CL_TRUE, 0, Sizeof.cl_int, Pointer.to(statusHost), 0, null, null);
    }

    @Override
    public void kick(double dt) {
        bound();
        if (n == 0) {
            return;
        }
        args(kKick, n, (float) dt, type, invMass, fx, fy, vx, vy);
        run(kKick, roundUp(n), WG);
        deviceAhead = true;
        kineticCache = Double.NaN;
    }

    @Override
    public void drift(double dt) {
        bound();
        if (n == 0) {
            return;
        }
        args(kDrift, n, (float) dt, bx, by, x, y, vx, vy);
        run(kDrift, roundUp(n), WG);
        deviceAhead = true;
    }

    @Override
    public double thermostat(double c1, double kT, long seed, long step, int substep) {
        bound();
        if (n == 0) {
            return 0;
        }
        // the heat is the kinetic-energy change: two reductions read back per O-step (see docs/gpu.md)
        double before = kineticEnergy();
        float noiseKt = (float) ((1.0 - c1 * c1) * kT);
        args(kThermostat, n, (float) c1, noiseKt, seed, step, Purpose.langevin(substep), id, type, invMass, vx, vy);
        run(kThermostat, roundUp(n), WG);
        deviceAhead = true;
        kineticCache = Double.NaN;
        return kineticEnergy() - before;
    }

    /**
     * The sanity check reduced on the device: 12 bytes per work-group are read, not the state. When a group reports
     * a bad atom (or its float arithmetic overflows) the state is read and checked exactly on the host.
     */
    @Override
    public Motion motion() {
        bound();
        if (n == 0) {
            return Motion.AT_REST;
        }
        if (!deviceAhead) {
            return Integrators.motion(state, ff.invMassTable()); // the host copy is current anyway
        }
        args(kMotion, n, bx, by, type, invMass, x, y, vx, vy, fx, fy, partialM);
        run(kMotion, roundUp(n), WG);
        CL.clEnqueueReadBuffer(queue, partialM, CL_TRUE, 0, 3L * groups * Sizeof.cl_float, Pointer.to(mParts), 0, null, null);
        float maxV2 = 0;
        float maxA2 = 0;
        boolean bad = false;
        for (int g = 0; g < groups; g++) {
            maxV2 = Math.max(maxV2, mParts[3 * g]);
            maxA2 = Math.max(maxA2, mParts[3 * g + 1]);
            bad |= mParts[3 * g + 2] != 0;
        }
        if (bad || !Float.isFinite(maxV2) || !Float.isFinite(maxA2)) {
            pullState();
            return Integrators.motion(state, ff.invMassTable());
        }
        return new Motion(Math.sqrt(maxV2), Math.sqrt(maxA2), -1);
    }

    @Override
    public double kineticEnergy() {
        bound();
        if (n == 0) {
            return 0;
        }
        if (Double.isNaN(kineticCache)) {
            args(kKinetic, n, type, mass, vx, vy, partialK);
            run(kKinetic, roundUp(n), WG);
            CL.clEnqueueReadBuffer(queue, partialK, CL_TRUE, 0, (long) groups * Sizeof.cl_float, Pointer.to(kParts), 0, null, null);
            syncStatus(); // the queue is drained anyway: 12 more bytes
            double k = 0;
            for (int g = 0; g < groups; g++) {
                k += kParts[g];
            }
            kineticCache = k;
        }
        return kineticCache;
    }

    /** Raw Philox-4x32-10 blocks computed on the device for each atom's id (4 ints per atom), for parity tests. */
    public int[] philoxBlocks(long seed, long step, int purpose) {
        bound();
        int[] out = new int[4 * n];
        if (n == 0) {
            return out;
        }
        cl_mem o = ints(4L * n);
        try {
            args(kPhilox, n, seed, step, purpose, id, o);
            run(kPhilox, roundUp(n), WG);
            CL.clEnqueueReadBuffer(queue, o, CL_TRUE, 0, 4L * n * Sizeof.cl_int, Pointer.to(out), 0, null, null);
        } finally {
            buffers.remove(o);
            CL.clReleaseMemObject(o);
        }
        return out;
    }

    @Override
    public void pullState() {
        bound();
        if (!deviceAhead || n == 0) {
            return;
        }
        CL.clEnqueueReadBuffer(queue, x, CL_TRUE, 0, (long) n * Sizeof.cl_float, Pointer.to(hx), 0, null, null);
        CL.clEnqueueReadBuffer(queue, y, CL_TRUE, 0, (long) n * Sizeof.cl_float, Pointer.to(hy), 0, null, null);
        CL.clEnqueueReadBuffer(queue, vx, CL_TRUE, 0, (long) n * Sizeof.cl_float, Pointer.to(hvx), 0, null, null);
        CL.clEnqueueReadBuffer(queue, vy, CL_TRUE, 0, (long) n * Sizeof.cl_float, Pointer.to(hvy), 0, null, null);
        CL.clEnqueueReadBuffer(queue, fx, CL_TRUE, 0, (long) n * Sizeof.cl_float, Pointer.to(hfx), 0, null, null);
        CL.clEnqueueReadBuffer(queue, fy, CL_TRUE, 0, (long) n * Sizeof.cl_float, Pointer.to(hfy), 0, null, null);
        syncStatus();
        ParticleState s = state;
        for (int i = 0; i < n; i++) {
            s.x[i] = hx[i];
            s.y[i] = hy[i];
            s.vx[i] = hvx[i];
            s.vy[i] = hvy[i];
            s.fx[i] = hfx[i];
            s.fy[i] = hfy[i];
        }
        deviceAhead = false;
    }

    @Override
    public void pushState() {
        bound();
        if (n == 0) {
            return;
        }
        ParticleState s = state;
        boolean px = refresh(s.x, hx);
        boolean py = refresh(s.y, hy);
        boolean pvx = refresh(s.vx, hvx);
        boolean pvy = refresh(s.vy, hvy);
        if (px) {
            write(x, hx);
        }
        if (py) {
            write(y, hy);
        }
        if (pvx) {
            write(vx, hvx);
        }
        if (pvy) {
            write(vy, hvy);
        }
        if (pvx || pvy) {
            kineticCache = Double.NaN;
        }
        if (px || py) {
            statusHost[0] = 1; // positions moved on the host: rebuild rather than reason about displacements
            CL.clEnqueueWriteBuffer(queue, status, CL_TRUE, 0, Sizeof.cl_int, Pointer.to(statusHost), 0, null, null);
        }
    }

    /** Converts host doubles to floats into image; true when anything differs from what the device holds. */
    private static boolean refresh(double[] host, float[] image) {
        boolean changed = false;
        for (int i = 0; i < image.length; i++) {
            float f = (float) host[i];
            if (Float.floatToRawIntBits(f) != Float.floatToRawIntBits(image[i])) {
                image[i] = f;
                changed = true;
            }
        }
        return changed;
    }

    /**
     * Exact, on the host: pulls positions, bins them into a cell list of side ≥ maxDistance and visits each
     * non-excluded pair with r² &lt; maxDistance² once, i &lt; j, ordered by i then j.
     */
    @Override
    public void forEachPairWithin(double maxDistance, PairVisitor visitor) {
        bound();
        pullState();
        ParticleState s = state;
        if (n < 2) {
            return;
        }
        double max2 = maxDistance * maxDistance;
        int hx = Math.max(1, (int) Math.floor(s.boxX() / Math.max(maxDistance, 1e-300)));
        int hy = Math.max(1, (int) Math.floor(s.boxY() / Math.max(maxDistance, 1e-300)));
        long cap = Math.max(16, 4L * n);
        while ((long) hx * hy > cap) {
            hx = Math.max(1, hx / 2);
            hy = Math.max(1, hy / 2);
        }
        int cells = hx * hy;
        int[] cellOf = new int[n];
        int[] start = new int[cells + 1];
        for (int i = 0; i < n; i++) {
            int cx = Math.min(hx - 1, Math.max(0, (int) (s.x[i] / s.boxX() * hx)));
            int cy = Math.min(hy - 1, Math.max(0, (int) (s.y[i] / s.boxY() * hy)));
            cellOf[i] = cy * hx + cx;
            start[cellOf[i] + 1]++;
        }
        for (int c = 0; c < cells; c++) {
            start[c + 1] += start[c];
        }
        int[] fill = Arrays.copyOf(start, cells);
        int[] atoms = new int[n];
        for (int i = 0; i < n; i++) {
            atoms[fill[cellOf[i]]++] = i; // ascending i within each cell
        }
        int[] cand = new int[n];
        for (int i = 0; i < n; i++) {
            int cx = cellOf[i] % hx;
            int cy = cellOf[i] / hx;
            int xs = hx < 3 ? 0 : cx - 1 + hx;
            int xn = Math.min(hx, 3);
            int ys = hy < 3 ? 0 : cy - 1 + hy;
            int yn = Math.min(hy, 3);
            int count = 0;
            for (int b = 0; b < yn; b++) {
                int ccy = (ys + b) % hy;
                for (int a = 0; a < xn; a++) {
                    int cc = ccy * hx + (xs + a) % hx;
                    for (int k = start[cc]; k < start[cc + 1]; k++) {
                        int j = atoms[k];
                        if (j > i) {
                            cand[count++] = j;
                        }
                    }
                }
            }
            Arrays.sort(cand, 0, count);
            for (int k = 0; k < count; k++) {
                int j = cand[k];
                double dx = s.minImageX(s.x[i] - s.x[j]);
                double dy = s.minImageY(s.y[i] - s.y[j]);
                double r2 = dx * dx + dy * dy;
                if (r2 < max2 && !topology.isExcluded(i, j)) {
                    visitor.visit(i, j, r2);
                }
            }
        }
    }

    @Override
    public long neighbourBuilds() {
        if (state != null && n > 0 && sinceSync > 0) {
            syncStatus(); // the count lives on the device; read it only when asked
        }
        return builds;
    }

    @Override
    public void close() {
        releaseBuffers();
        for (cl_kernel k : List.of(kCheck, kClear, kBin, kScan, kFill, kSort, kBuild, kFinish, kForces, kSortPositions,
                kTiled, kReduceEnergy, kKick, kDrift, kThermostat, kKinetic, kPhilox, kMotion)) {
            CL.clReleaseKernel(k);
        }
        CL.clReleaseProgram(program);
        CL.clReleaseCommandQueue(queue);
        CL.clReleaseContext(context);
        state = null;
    }

    private void bound() {
        if (state == null) {
            throw new IllegalStateException("backend 'opencl' is not bound to a system: call bind(...) first");
        }
    }

    // ------------------------------------------------------------------ JOCL helpers

    private static long roundUp(long count) {
        return Math.max(WG, (count + WG - 1) / WG * WG);
    }

    private void run(cl_kernel k, long global, long local) {
        CL.clEnqueueNDRangeKernel(queue, k, 1, null, new long[] {global}, new long[] {local}, 0, null, null);
    }

    private static void args(cl_kernel k, Object... values) {
        for (int a = 0; a < values.length; a++) {
            Object v = values[a];
            if (v instanceof cl_mem m) {
                CL.clSetKernelArg(k, a, Sizeof.cl_mem, Pointer.to(m));
            } else if (v instanceof Integer i) {
                CL.clSetKernelArg(k, a, Sizeof.cl_int, Pointer.to(new int[] {i}));
            } else if (v instanceof Float f) {
                CL.clSetKernelArg(k, a, Sizeof.cl_float, Pointer.to(new float[] {f}));
            } else if (v instanceof Long l) {
                CL.clSetKernelArg(k, a, Sizeof.cl_long, Pointer.to(new long[] {l}));
            } else {
                throw new IllegalArgumentException("kernel argument " + a + ": " + v);
            }
        }
    }

    private cl_mem buffer(long bytes) {
        cl_mem m = CL.clCreateBuffer(context, CL_MEM_READ_WRITE, Math.max(bytes, 16), null, null);
        buffers.add(m);
        return m;
    }

    private cl_mem floats(long count) {
        return buffer(Math.max(1, count) * Sizeof.cl_float);
    }

    private cl_mem ints(long count) {
        return buffer(Math.max(1, count) * Sizeof.cl_int);
    }

    private cl_mem upload(float[] data) {
        cl_mem m = floats(data.length);
        write(m, data);
        return m;
    }

    private void write(cl_mem m, float[] data) {
        if (data.length > 0) {
            CL.clEnqueueWriteBuffer(queue, m, CL_TRUE, 0, (long) data.length * Sizeof.cl_float, Pointer.to(data), 0, null, null);
        }
    }

    private void write(cl_mem m, int[] data) {
        if (data.length > 0) {
            CL.clEnqueueWriteBuffer(queue, m, CL_TRUE, 0, (long) data.length * Sizeof.cl_int, Pointer.to(data), 0, null, null);
        }
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private void releaseBuffers() {
        for (cl_mem m : buffers) {
            CL.clReleaseMemObject(m);
        }
        buffers.clear();
    }
}
