package io.live2.compute.aparapi;

import com.aparapi.Kernel;

/**
 * All device passes of the Aparapi backend in one kernel class, so that every pass sees the same device buffers
 * (Aparapi keeps one buffer per array field of a kernel instance). {@link #op} selects the pass. The host runs it
 * in explicit mode: arrays move only on {@code put}/{@code get}.
 *
 * <p>Aparapi translates this bytecode to OpenCL C, so the code sticks to what it understands: primitive fields
 * and arrays, no objects, no allocation, no lambdas, no {@code switch}, no {@code continue}, helper methods with
 * primitive parameters only. Top-level class (a nested kernel class triggers Aparapi's "unexpected NestHost"
 * warning).
 */
final class MdKernel extends Kernel {
    static final int OP_BIN = 1;
    static final int OP_NEIGHBOURS = 2;
    static final int OP_MOVED = 3;
    static final int OP_FORCES = 4;
    static final int OP_REDUCE_ENERGY = 5;
    static final int OP_KICK = 6;
    static final int OP_DRIFT = 7;
    static final int OP_THERMOSTAT = 8;
    static final int OP_REDUCE_KINETIC = 9;
    static final int OP_PHILOX = 10;

    /** Atoms per reduction chunk: one work item sums one chunk in ascending atom order. */
    static final int CHUNK = 64;
    /** Bond slots per atom (Topology.SLOTS). */
    static final int SLOTS = 4;
    /** Most distinct 1-3 partners per atom: SLOTS * (SLOTS - 1). */
    static final int MAX13 = 12;

    private static final long MASK32 = 0xFFFFFFFFL;
    private static final long M0 = 0xD2511F53L;
    private static final long M1 = 0xCD9E8D57L;
    private static final int W0 = 0x9E3779B9;
    private static final int W1 = 0xBB67AE85;

    // --- scalars (kernel arguments, sent on every execute) ---
    int op;
    int n;
    int chunks;
    int types;
    float boxX;
    float boxY;
    float reach2;
    float allowedMove2;
    int cellsX;
    int cellsY;
    int allPairs;
    int stride;
    float dt;
    double c1;
    double kT;
    int k0;
    int k1;
    int stepLo;
    int stepHi;
    int purpose;

    // --- per-atom state, float32 SoA ---
    float[] x = new float[1];
    float[] y = new float[1];
    float[] vx = new float[1];
    float[] vy = new float[1];
    float[] fx = new float[1];
    float[] fy = new float[1];
    int[] type = new int[1];
    int[] idLo = new int[1];
    int[] idHi = new int[1];

    // --- per-type and per-type-pair tables ---
    float[] mass = new float[1];
    float[] invMass = new float[1];
    float[] c12 = new float[1];
    float[] c6 = new float[1];
    float[] cut2 = new float[1];
    float[] shift = new float[1];
    float[] r13 = new float[1];

    // --- topology, flattened per atom by the host on topologyChanged() ---
    int[] bondCount = new int[1];
    int[] bondPartner = new int[1];
    float[] morseDepth = new float[1];
    float[] morseRe = new float[1];
    float[] morseA = new float[1];
    int[] count13 = new int[1];
    int[] partner13 = new int[1];

    // --- cells and neighbour list ---
    int[] atomCell = new int[1];
    int[] cellStart = new int[2];
    int[] cellFill = new int[1];
    int[] cellAtoms = new int[1];
    int[] nbCount = new int[1];
    int[] nbList = new int[1];
    float[] x0 = new float[1];
    float[] y0 = new float[1];
    int[] moved = new int[1];

    // --- per-atom energies and per-chunk partial sums ---
    float[] eLj = new float[1];
    float[] eBond = new float[1];
    float[] e13 = new float[1];
    float[] eVir = new float[1];
    float[] pLj = new float[1];
    float[] pBond = new float[1];
    float[] p13 = new float[1];
    float[] pVir = new float[1];
    float[] pKin = new float[1];

    // --- Philox parity test output: four ints per atom ---
    int[] rngOut = new int[4];

    @Override
    public void run() {
        // independent ifs, no else-if chain: Aparapi 3.0.2 fails on if/else-if chains with nested ifs
        // ("IllegalStateException: child list broken")
        int g = getGlobalId();
        int perAtom = g < n ? 1 : 0;
        int perChunk = g < chunks ? 1 : 0;
        if (op == OP_BIN && g == 0) {
            bin();
        }
        if (op == OP_NEIGHBOURS && perAtom == 1) {
            neighbours(g);
        }
        if (op == OP_MOVED && perChunk == 1) {
            movedChunk(g);
        }
        if (op == OP_FORCES && perAtom == 1) {
            forces(g);
        }
        if (op == OP_REDUCE_ENERGY && perChunk == 1) {
            reduceEnergy(g);
        }
        if (op == OP_KICK && perAtom == 1) {
            kick(g);
        }
        if (op == OP_DRIFT && perAtom == 1) {
            drift(g);
        }
        if (op == OP_THERMOSTAT && perAtom == 1) {
            thermostat(g);
        }
        if (op == OP_REDUCE_KINETIC && perChunk == 1) {
            reduceKinetic(g);
        }
        if (op == OP_PHILOX && perAtom == 1) {
            philoxRaw(g);
        }
    }

    private void kick(int i) {
        float s = invMass[type[i]] * dt;
        vx[i] = vx[i] + fx[i] * s;
        vy[i] = vy[i] + fy[i] * s;
    }

    private void drift(int i) {
        x[i] = wrap(x[i] + vx[i] * dt, boxX);
        y[i] = wrap(y[i] + vy[i] * dt, boxY);
    }

    private float wrap(float v, float box) {
        float w = v - box * floor(v / box);
        if (w >= box) {
            w = w - box;
        }
        if (w < 0f) {
            w = 0f;
        }
        return w;
    }

    private float minImage(float d, float box) {
        float r = d;
        if (d > 0.5f * box) {
            r = d - box;
        }
        if (d < -0.5f * box) {
            r = d + box;
        }
        return r;
    }

    /** Counting sort of atoms into cells; one work item, so each cell lists its atoms in ascending order. */
    private void bin() {
        int cells = cellsX * cellsY;
        for (int c = 0; c <= cells; c++) {
            cellStart[c] = 0;
        }
        for (int i = 0; i < n; i++) {
            int cx = min(cellsX - 1, max(0, (int) (x[i] / boxX * cellsX)));
            int cy = min(cellsY - 1, max(0, (int) (y[i] / boxY * cellsY)));
            int c = cy * cellsX + cx;
            atomCell[i] = c;
            cellStart[c + 1] = cellStart[c + 1] + 1;
        }
        for (int c = 0; c < cells; c++) {
            cellStart[c + 1] = cellStart[c + 1] + cellStart[c];
            cellFill[c] = 0;
        }
        for (int i = 0; i < n; i++) {
            int c = atomCell[i];
            int k = cellStart[c] + cellFill[c];
            cellFill[c] = cellFill[c] + 1;
            cellAtoms[k] = i;
        }
    }

    /** 1 when j is bonded or 1-3 to i (both lists are short and fixed-size per atom). */
    private int excluded(int i, int j) {
        int found = 0;
        for (int k = 0; k < bondCount[i]; k++) {
            if (bondPartner[i * SLOTS + k] == j) {
                found = 1;
            }
        }
        for (int k = 0; k < count13[i]; k++) {
            if (partner13[i * MAX13 + k] == j) {
                found = 1;
            }
        }
        return found;
    }

    /** Appends j to i's list (sorted insertion) when within reach and not excluded; returns the new count. */
    private int consider(int i, int j, int c) {
        int out = c;
        if (j != i) {
            float dx = minImage(x[i] - x[j], boxX);
            float dy = minImage(y[i] - y[j], boxY);
            float r2 = dx * dx + dy * dy;
            if (r2 < reach2) {
                int ex = 0;
                if (bondCount[i] > 0) {
                    ex = excluded(i, j);
                }
                if (ex == 0) {
                    if (c < stride) {
                        int base = i * stride;
                        int k = c;
                        while (k > 0 && nbList[base + k - 1] > j) {
                            nbList[base + k] = nbList[base + k - 1];
                            k--;
                        }
                        nbList[base + k] = j;
                    }
                    out = c + 1;
                }
            }
        }
        return out;
    }

    /** Full neighbour list of atom i, ascending partner index; nbCount may exceed stride (host then grows it). */
    private void neighbours(int i) {
        int c = 0;
        if (allPairs == 1) {
            for (int j = 0; j < n; j++) {
                c = consider(i, j, c);
            }
        } else {
            int home = atomCell[i];
            int cx = home % cellsX;
            int cy = home / cellsX;
            for (int oy = -1; oy <= 1; oy++) {
                int row = ((cy + oy + cellsY) % cellsY) * cellsX;
                for (int ox = -1; ox <= 1; ox++) {
                    int cell = row + (cx + ox + cellsX) % cellsX;
                    for (int k = cellStart[cell]; k < cellStart[cell + 1]; k++) {
                        c = consider(i, cellAtoms[k], c);
                    }
                }
            }
        }
        nbCount[i] = c;
        x0[i] = x[i];
        y0[i] = y[i];
    }

    private void movedChunk(int g) {
        int flag = 0;
        int end = min(n, (g + 1) * CHUNK);
        for (int i = g * CHUNK; i < end; i++) {
            float dx = minImage(x[i] - x0[i], boxX);
            float dy = minImage(y[i] - y0[i], boxY);
            if (dx * dx + dy * dy > allowedMove2) {
                flag = 1;
            }
        }
        moved[g] = flag;
    }

    /** Gather: atom i's LJ over its list (ascending j), then Morse per bond slot, then soft 1-3 (ascending). */
    private void forces(int i) {
        float xi = x[i];
        float yi = y[i];
        int ti = type[i];
        float sfx = 0f;
        float sfy = 0f;
        float slj = 0f;
        float sbond = 0f;
        float s13 = 0f;
        float svir = 0f;
        int base = i * stride;
        int cnt = nbCount[i];
        for (int k = 0; k < cnt; k++) {
            int j = nbList[base + k];
            float dx = minImage(xi - x[j], boxX);
            float dy = minImage(yi - y[j], boxY);
            float r2 = dx * dx + dy * dy;
            int p = ti * types + type[j];
            if (r2 < cut2[p]) {
                float ir2 = 1f / r2;
                float ir6 = ir2 * ir2 * ir2;
                float fOverR = (12f * c12[p] * ir6 - 6f * c6[p]) * ir6 * ir2;
                sfx = sfx + fOverR * dx;
                sfy = sfy + fOverR * dy;
                slj = slj + (c12[p] * ir6 - c6[p]) * ir6 - shift[p];
                svir = svir + fOverR * r2;
            }
        }
        int nb = bondCount[i];
        for (int k = 0; k < nb; k++) {
            int j = bondPartner[i * SLOTS + k];
            float dx = minImage(xi - x[j], boxX);
            float dy = minImage(yi - y[j], boxY);
            float r2 = dx * dx + dy * dy;
            float r = sqrt(r2);
            float d = morseDepth[i * SLOTS + k];
            float a = morseA[i * SLOTS + k];
            float e = exp(-a * (r - morseRe[i * SLOTS + k]));
            float fOverR = -2f * d * a * (1f - e) * e / r;
            sfx = sfx + fOverR * dx;
            sfy = sfy + fOverR * dy;
            sbond = sbond + d * ((1f - e) * (1f - e) - 1f);
            svir = svir + fOverR * r2;
        }
        int n13 = count13[i];
        for (int k = 0; k < n13; k++) {
            int j = partner13[i * MAX13 + k];
            float dx = minImage(xi - x[j], boxX);
            float dy = minImage(yi - y[j], boxY);
            float r2 = dx * dx + dy * dy;
            float r = sqrt(r2);
            float rc = r13[ti * types + type[j]];
            if (r < rc) {
                float s = 1f - r / rc;
                float fOverR = 2f * 100f * s / rc / r;
                sfx = sfx + fOverR * dx;
                sfy = sfy + fOverR * dy;
                s13 = s13 + 100f * s * s;
                svir = svir + fOverR * r2;
            }
        }
        fx[i] = sfx;
        fy[i] = sfy;
        eLj[i] = 0.5f * slj;
        eBond[i] = 0.5f * sbond;
        e13[i] = 0.5f * s13;
        eVir[i] = 0.5f * svir;
    }

    private void reduceEnergy(int g) {
        float a = 0f;
        float b = 0f;
        float c = 0f;
        float v = 0f;
        int end = min(n, (g + 1) * CHUNK);
        for (int i = g * CHUNK; i < end; i++) {
            a = a + eLj[i];
            b = b + eBond[i];
            c = c + e13[i];
            v = v + eVir[i];
        }
        pLj[g] = a;
        pBond[g] = b;
        p13[g] = c;
        pVir[g] = v;
    }

    private void reduceKinetic(int g) {
        float k = 0f;
        int end = min(n, (g + 1) * CHUNK);
        for (int i = g * CHUNK; i < end; i++) {
            k = k + 0.5f * mass[type[i]] * (vx[i] * vx[i] + vy[i] * vy[i]);
        }
        pKin[g] = k;
    }

    /** High 32 bits of the unsigned product of two 32-bit values given as non-negative longs, without overflow. */
    private int mulHi(long a, long b) {
        long bl = b & 0xFFFFL;
        long bh = (b >> 16) & 0xFFFFL;
        long t1 = a * bl;
        long t2 = a * bh;
        long lowSum = t1 + ((t2 & 0xFFFFL) << 16);
        return (int) (((t2 >> 16) + (lowSum >> 32)) & MASK32);
    }

    /** Low 32 bits of the same product. */
    private int mulLo(long a, long b) {
        long bl = b & 0xFFFFL;
        long bh = (b >> 16) & 0xFFFFL;
        long t1 = a * bl;
        long t2 = a * bh;
        return (int) ((t1 + ((t2 & 0xFFFFL) << 16)) & MASK32);
    }

    /**
     * Philox-4x32-10 keyed by (k0, k1) with counter (stepLo, stepHi, idLo, purpose ^ (idHi &lt;&lt; 16)): the same
     * 32-bit outputs as io.live2.model.random.Philox#block. Writes them to rngOut[4i..4i+3] (OP_PHILOX) or uses
     * them for the Box–Muller normals of the O-step.
     */
    private void philoxRaw(int i) {
        int c0 = stepLo;
        int c1v = stepHi;
        int c2 = idLo[i];
        int c3 = purpose ^ (idHi[i] << 16);
        int a = k0;
        int b = k1;
        for (int round = 0; round < 10; round++) {
            if (round > 0) {
                a = a + W0;
                b = b + W1;
            }
            long u0 = ((long) c0) & MASK32;
            long u2 = ((long) c2) & MASK32;
            int hi0 = mulHi(u0, M0);
            int lo0 = mulLo(u0, M0);
            int hi1 = mulHi(u2, M1);
            int lo1 = mulLo(u2, M1);
            c0 = hi1 ^ c1v ^ a;
            c1v = lo1;
            c2 = hi0 ^ c3 ^ b;
            c3 = lo0;
        }
        rngOut[4 * i] = c0;
        rngOut[4 * i + 1] = c1v;
        rngOut[4 * i + 2] = c2;
        rngOut[4 * i + 3] = c3;
    }

    private double toUnit(int hi, int lo) {
        long bits = ((((long) hi) & MASK32) << 21) ^ ((((long) lo) & MASK32) >> 11);
        return ((double) (bits & 0x1FFFFFFFFFFFFFL) + 0.5) * 1.1102230246251565E-16;
    }

    /** Langevin O-step: v ← c1·v + √((1 − c1²)·kT/m)·ξ, ξ from Philox (purpose LANGEVIN) via Box–Muller in double. */
    private void thermostat(int i) {
        philoxRaw(i);
        double u0 = toUnit(rngOut[4 * i], rngOut[4 * i + 1]);
        double u1 = toUnit(rngOut[4 * i + 2], rngOut[4 * i + 3]);
        double r = sqrt(-2.0 * log(u0));
        double t = 6.283185307179586 * u1;
        double c = c1;
        double sd = sqrt((1.0 - c * c) * kT / mass[type[i]]);
        vx[i] = (float) (c * vx[i] + sd * r * cos(t));
        vy[i] = (float) (c * vy[i] + sd * r * sin(t));
    }
}
