/*
 * Live 2.0 OpenCL kernels: float32 structure-of-arrays, one work-item per atom (or per cell).
 *
 * Build-time constants (set by the host): WG (work-group size of per-atom kernels and reductions, a power of
 * two), SCAN_WG (work-group size of the single-group prefix scan), MORSE_STRIDE (orders per type pair, 1 + max
 * order), K13 (soft 1-3 repulsion strength), TILE_WG and TILE_CAP (work-group size and local-memory capacity, in
 * atoms, of forces_tiled).
 *
 * Layout: per-atom arrays are indexed [i]; per-atom lists (neighbours, bond partners, 1-3 partners) are stored
 * slot-major, [slot * n + i], so that neighbouring work-items read neighbouring addresses (coalesced).
 *
 * status[0]: rebuild flag (set by check_displacement or the host, cleared by finish_build);
 * status[1]: neighbour-list builds so far; status[2]: the largest neighbour count seen in the last build. An atom
 * whose list would exceed the capacity keeps its true count in nbr_count and the force kernel scans its cells
 * directly (same order, so the same forces); the host reads status[2] only when it synchronises anyway and grows
 * the list for the next builds.
 *
 * Two force kernels: `forces` (one work-item per atom over its neighbour list) and `forces_tiled` (one work-group
 * per strip of cells, the 3 x (strip + 2) cell block staged in __local memory from cell-sorted copies of x, y and
 * type, no neighbour list). Both add each atom's pair terms in the same order (cell rows, cells, ascending index).
 *
 * Determinism: no kernel sums floats in an order that depends on scheduling. Forces are gathered per atom in
 * the neighbour-list order, which is a pure function of the positions (cells scanned in a fixed order, atoms in a
 * cell sorted by index); energies are reduced per work-group with a fixed tree and the group partials are summed
 * by the host in group order (in double).
 */

#define ST_REBUILD 0
#define ST_BUILDS 1
#define ST_NEED 2

inline float min_image(float d, float box) {
    return d - box * rint(d / box);
}

inline int cell_of(float xi, float yi, int ncx, int ncy, float bx, float by) {
    int cx = (int) (xi / bx * (float) ncx);
    int cy = (int) (yi / by * (float) ncy);
    cx = clamp(cx, 0, ncx - 1);
    cy = clamp(cy, 0, ncy - 1);
    return cy * ncx + cx;
}

/* ---------------------------------------------------------------- neighbour search */

__kernel void check_displacement(int n, float bx, float by, float half_skin2,
                                 __global const float* x, __global const float* y,
                                 __global const float* x0, __global const float* y0,
                                 __global int* status) {
    int i = get_global_id(0);
    if (i >= n) {
        return;
    }
    float dx = min_image(x[i] - x0[i], bx);
    float dy = min_image(y[i] - y0[i], by);
    if (dx * dx + dy * dy > half_skin2) {
        status[ST_REBUILD] = 1; /* every writer writes 1: a race-free OR reduction */
    }
}

__kernel void clear_cells(int ncell, __global int* cell_count, __global int* status) {
    if (status[ST_REBUILD] == 0) {
        return;
    }
    int c = get_global_id(0);
    if (c == 0) {
        status[ST_NEED] = 0;
    }
    if (c < ncell) {
        cell_count[c] = 0;
    }
}

/* Bins atom i and remembers its position at this build (the displacement check compares against it). */
__kernel void bin_count(int n, int ncx, int ncy, float bx, float by,
                        __global const float* x, __global const float* y,
                        __global int* cell, __global int* cell_count,
                        __global float* x0, __global float* y0, __global const int* status) {
    if (status[ST_REBUILD] == 0) {
        return;
    }
    int i = get_global_id(0);
    if (i >= n) {
        return;
    }
    float xi = x[i];
    float yi = y[i];
    int c = cell_of(xi, yi, ncx, ncy, bx, by);
    cell[i] = c;
    atomic_inc(&cell_count[c]);
    x0[i] = xi;
    y0[i] = yi;
}

/* Exclusive prefix sum of the cell counts by one work-group of SCAN_WG items (each scans a contiguous chunk). */
__kernel void scan_cells(int ncell, __global const int* cell_count, __global int* cell_start,
                         __global int* cell_cursor, __global const int* status) {
    __local int sums[SCAN_WG];
    if (status[ST_REBUILD] == 0) {
        return; /* uniform over the group: no work-item reaches a barrier */
    }
    int lid = get_local_id(0);
    int chunk = (ncell + SCAN_WG - 1) / SCAN_WG;
    int from = min(lid * chunk, ncell);
    int to = min(from + chunk, ncell);
    int s = 0;
    for (int k = from; k < to; k++) {
        s += cell_count[k];
    }
    sums[lid] = s;
    barrier(CLK_LOCAL_MEM_FENCE);
    if (lid == 0) {
        int acc = 0;
        for (int k = 0; k < SCAN_WG; k++) {
            int t = sums[k];
            sums[k] = acc;
            acc += t;
        }
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    int acc = sums[lid];
    for (int k = from; k < to; k++) {
        cell_start[k] = acc;
        cell_cursor[k] = acc;
        acc += cell_count[k];
    }
    if (lid == SCAN_WG - 1) {
        cell_start[ncell] = acc;
    }
}

__kernel void bin_fill(int n, __global const int* cell, __global int* cell_cursor, __global int* cell_atoms,
                       __global const int* status) {
    if (status[ST_REBUILD] == 0) {
        return;
    }
    int i = get_global_id(0);
    if (i >= n) {
        return;
    }
    int pos = atomic_inc(&cell_cursor[cell[i]]);
    cell_atoms[pos] = i;
}

/* The atomics above fill a cell in scheduling order: sort each cell by atom index so the lists are deterministic. */
__kernel void sort_cells(int ncell, __global const int* cell_start, __global int* cell_atoms,
                         __global const int* status) {
    if (status[ST_REBUILD] == 0) {
        return;
    }
    int c = get_global_id(0);
    if (c >= ncell) {
        return;
    }
    int from = cell_start[c];
    int to = cell_start[c + 1];
    for (int a = from + 1; a < to; a++) {
        int v = cell_atoms[a];
        int b = a - 1;
        while (b >= from && cell_atoms[b] > v) {
            cell_atoms[b + 1] = cell_atoms[b];
            b--;
        }
        cell_atoms[b + 1] = v;
    }
}

inline bool excluded(int i, int j, int n, int nb, int n13, __global const int* bond_partner,
                     __global const int* c13_partner) {
    for (int k = 0; k < nb; k++) {
        if (bond_partner[k * n + i] == j) {
            return true;
        }
    }
    for (int k = 0; k < n13; k++) {
        if (c13_partner[k * n + i] == j) {
            return true;
        }
    }
    return false;
}

/*
 * Runs the statements after (c, i, xi, yi) for every atom j != i in the 3x3 block of cells around cell c (fewer when
 * the box is under 3 cells wide), with dx, dy its minimum-image separation from (xi, yi); `continue` skips to the
 * next j. The order is fixed (rows, cells, atoms by index): the list build and the overflow scan share this one
 * definition because they must visit the same atoms in the same order. Uses ncx, ncy, bx, by, x, y, cell_start and
 * cell_atoms of the enclosing function.
 */
#define FOR_EACH_STENCIL_NEIGHBOUR(c, i, xi, yi, ...) {                                                          \
    int cx_ = (c) % ncx;                                                                                         \
    int cy_ = (c) / ncx;                                                                                         \
    int xs_ = ncx < 3 ? 0 : cx_ - 1 + ncx;                                                                       \
    int xn_ = ncx < 3 ? ncx : 3;                                                                                 \
    int ys_ = ncy < 3 ? 0 : cy_ - 1 + ncy;                                                                       \
    int yn_ = ncy < 3 ? ncy : 3;                                                                                 \
    for (int b_ = 0; b_ < yn_; b_++) {                                                                           \
        int ccy_ = (ys_ + b_) % ncy;                                                                             \
        for (int a_ = 0; a_ < xn_; a_++) {                                                                       \
            int cc_ = ccy_ * ncx + (xs_ + a_) % ncx;                                                             \
            int to_ = cell_start[cc_ + 1];                                                                       \
            for (int k_ = cell_start[cc_]; k_ < to_; k_++) {                                                     \
                int j = cell_atoms[k_];                                                                          \
                if (j == (i)) {                                                                                  \
                    continue;                                                                                    \
                }                                                                                                \
                float dx = min_image((xi) - x[j], bx);                                                           \
                float dy = min_image((yi) - y[j], by);                                                           \
                __VA_ARGS__                                                                                      \
            }                                                                                                    \
        }                                                                                                        \
    }                                                                                                            \
}


/*
 * Full neighbour list of atom i: every non-excluded j != i within cutoff + skin, scanning the 3x3 block of cells
 * row by row (or every cell of a dimension with fewer than 3 cells) and each cell in ascending atom index.
 */
__kernel void build_list(int n, int ncx, int ncy, float bx, float by, float reach2,
                         __global const float* x, __global const float* y, __global const int* cell,
                         __global const int* cell_start, __global const int* cell_atoms,
                         __global const int* bond_count, __global const int* bond_partner,
                         __global const int* c13_count, __global const int* c13_partner,
                         __global int* nbr_count, __global int* nbr, int max_nbr, __global int* status) {
    if (status[ST_REBUILD] == 0) {
        return;
    }
    int i = get_global_id(0);
    if (i >= n) {
        return;
    }
    float xi = x[i];
    float yi = y[i];
    int nb = bond_count[i];
    int n13 = c13_count[i];
    int cnt = 0;
    FOR_EACH_STENCIL_NEIGHBOUR(cell[i], i, xi, yi,
        if (dx * dx + dy * dy < reach2) {
            if ((nb > 0 || n13 > 0) && excluded(i, j, n, nb, n13, bond_partner, c13_partner)) {
                continue;
            }
            if (cnt < max_nbr) {
                nbr[cnt * n + i] = j;
            }
            cnt++;
        })
    nbr_count[i] = cnt; /* > max_nbr: overflow, the force kernel scans the cells for this atom */
    atomic_max(&status[ST_NEED], cnt);
}

__kernel void finish_build(__global int* status) {
    if (get_global_id(0) == 0 && status[ST_REBUILD] != 0) {
        status[ST_REBUILD] = 0;
        status[ST_BUILDS] += 1;
    }
}

/* ---------------------------------------------------------------- forces */

/* acc = (fx, fy, LJ energy, virial) of one atom; energies and virial are counted in full here and halved on output. */
inline float4 lj_add(float4 acc, float dx, float dy, float r2, float c12p, float c6p, float shiftp) {
    float ir2 = 1.0f / r2;
    float ir6 = ir2 * ir2 * ir2;
    float f = (12.0f * c12p * ir6 - 6.0f * c6p) * ir6 * ir2;
    acc.x += f * dx;
    acc.y += f * dy;
    acc.z += (c12p * ir6 - c6p) * ir6 - shiftp;
    acc.w += f * r2;
    return acc;
}

/*
 * LJ of atom i over its cells, straight from global memory: the 3x3 block of cells of the last build, scanned in
 * build_list's order, every non-excluded j within its cutoff. The cells of the last build hold every partner
 * within the cutoff now (cells are at least cutoff + skin wide and no atom moved more than skin/2 since), so this
 * gives the forces the full neighbour list would give. Used for atoms whose list overflowed and for tiles whose
 * block does not fit in local memory.
 */
inline float4 lj_scan(float4 acc, int i, float xi, float yi, int row, int n, int ncx, int ncy, float bx, float by,
                      __global const float* x, __global const float* y, __global const int* type,
                      __global const int* cell, __global const int* cell_start, __global const int* cell_atoms,
                      __global const float* c12, __global const float* c6, __global const float* cut2,
                      __global const float* shift, int nb, int n13,
                      __global const int* bond_partner, __global const int* c13_partner) {
    bool excl = nb > 0 || n13 > 0;
    FOR_EACH_STENCIL_NEIGHBOUR(cell[i], i, xi, yi,
        float r2 = dx * dx + dy * dy;
        int p = row + type[j];
        if (r2 < cut2[p] && !(excl && excluded(i, j, n, nb, n13, bond_partner, c13_partner))) {
            acc = lj_add(acc, dx, dy, r2, c12[p], c6[p], shift[p]);
        })
    return acc;
}

/*
 * Morse over atom i's bonds (slot order), then the soft 1-3 repulsion (ascending partner order), like the CPU
 * BondedTerms. Adds to acc (fx, fy, -, virial); eb = (bond energy, 1-3 energy).
 */
inline float4 bonded_add(float4 acc, float2* eb, int i, float xi, float yi, int row, int n, float bx, float by,
                         __global const float* x, __global const float* y, __global const int* type,
                         __global const float* r13, __global const float* morse_d, __global const float* morse_re,
                         __global const float* morse_a, int nb, __global const int* bond_partner,
                         __global const int* bond_order, int n13, __global const int* c13_partner) {
    for (int k = 0; k < nb; k++) {
        int j = bond_partner[k * n + i];
        int m = (row + type[j]) * MORSE_STRIDE + bond_order[k * n + i];
        float dx = min_image(xi - x[j], bx);
        float dy = min_image(yi - y[j], by);
        float r2 = dx * dx + dy * dy;
        float r = sqrt(r2);
        float d = morse_d[m];
        float a = morse_a[m];
        float e = exp(-a * (r - morse_re[m]));
        float s = 1.0f - e;
        float f = -2.0f * d * a * s * e / r;
        acc.x += f * dx;
        acc.y += f * dy;
        (*eb).x += d * (s * s - 1.0f);
        acc.w += f * r2;
    }
    for (int k = 0; k < n13; k++) {
        int j = c13_partner[k * n + i];
        float dx = min_image(xi - x[j], bx);
        float dy = min_image(yi - y[j], by);
        float r2 = dx * dx + dy * dy;
        float r = sqrt(r2);
        float rc = r13[row + type[j]];
        if (r < rc) {
            float s = 1.0f - r / rc;
            float f = 2.0f * K13 * s / rc / r;
            acc.x += f * dx;
            acc.y += f * dy;
            (*eb).y += K13 * s * s;
            acc.w += f * r2;
        }
    }
    return acc;
}

/* Writes atom i's force and, on energy steps, its half pair energies and virial (slot-major, q * n + i). */
inline void store_atom(int i, int n, float4 acc, float2 eb, __global float* fx, __global float* fy,
                       int want_energy, __global float* eatom) {
    fx[i] = acc.x;
    fy[i] = acc.y;
    if (want_energy) {
        eatom[i] = 0.5f * acc.z;
        eatom[n + i] = 0.5f * eb.x;
        eatom[2 * n + i] = 0.5f * eb.y;
        eatom[3 * n + i] = 0.5f * acc.w;
    }
}

/*
 * Gathers atom i's force (one work-item per atom, no atomics): shifted LJ over its neighbour list (or over its
 * cells when the list overflowed), then the bonded terms. Coalesced: list slot k of atoms i, i+1, ... are adjacent.
 */
__kernel void forces(int n, int nt, float bx, float by, int ncx, int ncy,
                     __global const float* x, __global const float* y, __global const int* type,
                     __global const int* nbr_count, __global const int* nbr, int max_nbr,
                     __global const int* cell, __global const int* cell_start, __global const int* cell_atoms,
                     __global const float* c12, __global const float* c6, __global const float* cut2,
                     __global const float* shift, __global const float* r13,
                     __global const float* morse_d, __global const float* morse_re, __global const float* morse_a,
                     __global const int* bond_count, __global const int* bond_partner, __global const int* bond_order,
                     __global const int* c13_count, __global const int* c13_partner,
                     __global float* fx, __global float* fy, int want_energy, __global float* eatom) {
    int i = get_global_id(0);
    if (i >= n) {
        return;
    }
    float xi = x[i];
    float yi = y[i];
    int row = type[i] * nt;
    int nb = bond_count[i];
    int n13 = c13_count[i];
    float4 acc = (float4) (0.0f);
    float2 eb = (float2) (0.0f);
    int cnt = nbr_count[i];
    if (cnt <= max_nbr) {
        for (int k = 0; k < cnt; k++) {
            int j = nbr[k * n + i];
            float dx = min_image(xi - x[j], bx);
            float dy = min_image(yi - y[j], by);
            float r2 = dx * dx + dy * dy;
            int p = row + type[j];
            if (r2 < cut2[p]) {
                acc = lj_add(acc, dx, dy, r2, c12[p], c6[p], shift[p]);
            }
        }
    } else {
        acc = lj_scan(acc, i, xi, yi, row, n, ncx, ncy, bx, by, x, y, type, cell, cell_start, cell_atoms,
                      c12, c6, cut2, shift, nb, n13, bond_partner, c13_partner);
    }
    acc = bonded_add(acc, &eb, i, xi, yi, row, n, bx, by, x, y, type, r13, morse_d, morse_re, morse_a,
                     nb, bond_partner, bond_order, n13, c13_partner);
    store_atom(i, n, acc, eb, fx, fy, want_energy, eatom);
}

/* Cell-sorted copies of x, y, type (slot k holds atom cell_atoms[k]), so that forces_tiled loads whole cell rows
 * with contiguous, coalesced reads. One gather per atom per step. */
__kernel void sort_positions(int n, __global const int* cell_atoms, __global const float* x,
                             __global const float* y, __global const int* type,
                             __global float* xs, __global float* ys, __global int* ts) {
    int k = get_global_id(0);
    if (k >= n) {
        return;
    }
    int a = cell_atoms[k];
    xs[k] = x[a];
    ys[k] = y[a];
    ts[k] = type[a];
}

/*
 * Local-memory tiled forces, no neighbour list. Work-group g (TILE_WG items) owns a strip of up to `strip`
 * consecutive cells in cell row cy; its atoms are one contiguous range of the cell-sorted arrays. The group stages
 * the 3 rows x (strip + 2) cells around the strip (9 contiguous ranges: left cell, middle cells, right cell of
 * each row, with wrap-around) into __local memory with coalesced loads, once; then each work-item takes atoms of
 * the strip and loops over the staged atoms of its own 3 x 3 cells (contiguous in local memory per row). Each
 * staged atom is reused by every atom of the strip within reach of it (~3 cells' worth). Requires ncx, ncy >= 3
 * and strip <= ncx - 2 (the host falls back to `forces` otherwise). A block of more than TILE_CAP atoms (a dense
 * cluster) is not staged: the group then scans global memory (lj_scan), still correct.
 */
__kernel void forces_tiled(int n, int nt, float bx, float by, int ncx, int ncy, int strip, int strips_per_row,
                           __global const float* xs, __global const float* ys, __global const int* ts,
                           __global const float* x, __global const float* y, __global const int* type,
                           __global const int* cell, __global const int* cell_start, __global const int* cell_atoms,
                           __global const float* c12, __global const float* c6, __global const float* cut2,
                           __global const float* shift, __global const float* r13,
                           __global const float* morse_d, __global const float* morse_re,
                           __global const float* morse_a, __global const int* bond_count,
                           __global const int* bond_partner, __global const int* bond_order,
                           __global const int* c13_count, __global const int* c13_partner,
                           __global float* fx, __global float* fy, int want_energy, __global float* eatom) {
    __local float lx[TILE_CAP];
    __local float ly[TILE_CAP];
    __local int lt[TILE_CAP];
    __local int lj[TILE_CAP];
    int g = get_group_id(0);
    int lid = get_local_id(0);
    int cy = g / strips_per_row;
    int cx0 = (g % strips_per_row) * strip;
    int cx1 = min(cx0 + strip, ncx);
    int cl = cx0 == 0 ? ncx - 1 : cx0 - 1; /* left neighbour column (wraps) */
    int cr = cx1 == ncx ? 0 : cx1;         /* right neighbour column (wraps) */

    /* the 9 staged ranges, computed redundantly by every work-item (same addresses: broadcast loads) */
    int gstart[9];
    int glen[9];
    int total = 0;
    for (int r = 0; r < 3; r++) {
        int rb = ((cy - 1 + r + ncy) % ncy) * ncx;
        gstart[3 * r] = cell_start[rb + cl];
        glen[3 * r] = cell_start[rb + cl + 1] - gstart[3 * r];
        gstart[3 * r + 1] = cell_start[rb + cx0];
        glen[3 * r + 1] = cell_start[rb + cx1] - gstart[3 * r + 1];
        gstart[3 * r + 2] = cell_start[rb + cr];
        glen[3 * r + 2] = cell_start[rb + cr + 1] - gstart[3 * r + 2];
        total += glen[3 * r] + glen[3 * r + 1] + glen[3 * r + 2];
    }
    bool fits = total <= TILE_CAP; /* uniform over the group */
    if (fits) {
        int lo = 0;
        for (int q = 0; q < 9; q++) {
            for (int t = lid; t < glen[q]; t += TILE_WG) {
                int src = gstart[q] + t;
                lx[lo + t] = xs[src];
                ly[lo + t] = ys[src];
                lt[lo + t] = ts[src];
                lj[lo + t] = cell_atoms[src];
            }
            lo += glen[q];
        }
    }
    barrier(CLK_LOCAL_MEM_FENCE); /* reached by every work-item: no return above */

    int a0 = cell_start[cy * ncx + cx0];
    int a1 = cell_start[cy * ncx + cx1];
    for (int s = a0 + lid; s < a1; s += TILE_WG) { /* no barrier inside: divergence is harmless */
        int i = cell_atoms[s];
        float xi = xs[s];
        float yi = ys[s];
        int row = ts[s] * nt;
        int nb = bond_count[i];
        int n13 = c13_count[i];
        float4 acc = (float4) (0.0f);
        float2 eb = (float2) (0.0f);
        if (fits) {
            bool excl = nb > 0 || n13 > 0;
            int cxa = cell[i] % ncx; /* cx0 <= cxa < cx1 */
            int rowbase = 0;
            for (int r = 0; r < 3; r++) {
                int rb = ((cy - 1 + r + ncy) % ncy) * ncx;
                int mid = rowbase + glen[3 * r];
                /* the window: cell cxa-1 (left cell or a middle cell), cxa, cxa+1 (a middle cell or the right cell) */
                int from = cxa == cx0 ? rowbase : mid + cell_start[rb + cxa - 1] - gstart[3 * r + 1];
                int to = cxa + 1 == cx1 ? mid + glen[3 * r + 1] + glen[3 * r + 2]
                                        : mid + cell_start[rb + cxa + 2] - gstart[3 * r + 1];
                for (int k = from; k < to; k++) {
                    int j = lj[k];
                    if (j == i) {
                        continue;
                    }
                    float dx = min_image(xi - lx[k], bx);
                    float dy = min_image(yi - ly[k], by);
                    float r2 = dx * dx + dy * dy;
                    int p = row + lt[k];
                    if (r2 < cut2[p] && !(excl && excluded(i, j, n, nb, n13, bond_partner, c13_partner))) {
                        acc = lj_add(acc, dx, dy, r2, c12[p], c6[p], shift[p]);
                    }
                }
                rowbase = mid + glen[3 * r + 1] + glen[3 * r + 2];
            }
        } else {
            acc = lj_scan(acc, i, xi, yi, row, n, ncx, ncy, bx, by, x, y, type, cell, cell_start, cell_atoms,
                          c12, c6, cut2, shift, nb, n13, bond_partner, c13_partner);
        }
        acc = bonded_add(acc, &eb, i, xi, yi, row, n, bx, by, x, y, type, r13, morse_d, morse_re, morse_a,
                         nb, bond_partner, bond_order, n13, c13_partner);
        store_atom(i, n, acc, eb, fx, fy, want_energy, eatom);
    }
}

/* Energy steps only: reduces the per-atom half energies with a fixed tree per work-group of WG atoms (by index,
 * whichever force kernel wrote them) into partial[4 * group + q]; the host adds the group partials in order. */
__kernel void reduce_energy(int n, __global const float* eatom, __global float* partial) {
    __local float red[4 * WG];
    int i = get_global_id(0);
    int lid = get_local_id(0);
    for (int q = 0; q < 4; q++) {
        red[q * WG + lid] = i < n ? eatom[q * n + i] : 0.0f;
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int s = WG / 2; s > 0; s >>= 1) {
        if (lid < s) {
            red[lid] += red[lid + s];
            red[WG + lid] += red[WG + lid + s];
            red[2 * WG + lid] += red[2 * WG + lid + s];
            red[3 * WG + lid] += red[3 * WG + lid + s];
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (lid == 0) {
        int grp = get_group_id(0);
        partial[4 * grp] = red[0];
        partial[4 * grp + 1] = red[WG];
        partial[4 * grp + 2] = red[2 * WG];
        partial[4 * grp + 3] = red[3 * WG];
    }
}

/* ---------------------------------------------------------------- integration */

__kernel void kick(int n, float dt, __global const int* type, __global const float* inv_mass,
                   __global const float* fx, __global const float* fy, __global float* vx, __global float* vy) {
    int i = get_global_id(0);
    if (i >= n) {
        return;
    }
    float im = inv_mass[type[i]];
    vx[i] += fx[i] * im * dt;
    vy[i] += fy[i] * im * dt;
}

/* fmod is exact, so a position any distance outside the box lands inside it (v - box floor(v/box) does not). */
inline float wrap(float v, float box) {
    float w = fmod(v, box);
    if (w < 0.0f) {
        w += box;
    }
    return w >= box ? w - box : w;
}

__kernel void drift(int n, float dt, float bx, float by, __global float* x, __global float* y,
                    __global const float* vx, __global const float* vy) {
    int i = get_global_id(0);
    if (i >= n) {
        return;
    }
    x[i] = wrap(x[i] + vx[i] * dt, bx);
    y[i] = wrap(y[i] + vy[i] * dt, by);
}

/* Philox-4x32-10, bit-identical to io.live2.model.random.Philox.block. */
inline uint4 philox(ulong seed, ulong step, ulong atom, uint purpose) {
    uint c0 = (uint) step;
    uint c1 = (uint) (step >> 32);
    uint c2 = (uint) atom;
    uint c3 = purpose ^ (((uint) (atom >> 32)) << 16);
    uint a = (uint) seed;
    uint b = (uint) (seed >> 32);
    for (int round = 0; round < 10; round++) {
        if (round > 0) {
            a += 0x9E3779B9u;
            b += 0xBB67AE85u;
        }
        uint hi0 = mul_hi(0xD2511F53u, c0);
        uint lo0 = 0xD2511F53u * c0;
        uint hi1 = mul_hi(0xCD9E8D57u, c2);
        uint lo1 = 0xCD9E8D57u * c2;
        c0 = hi1 ^ c1 ^ a;
        c1 = lo1;
        c2 = hi0 ^ c3 ^ b;
        c3 = lo0;
    }
    return (uint4) (c0, c1, c2, c3);
}

/* The top 24 of the 53 bits the Java generator uses for a double uniform, as a float in (0, 1]. */
inline float unit24(uint hi) {
    return ((float) (hi >> 8) + 0.5f) * 5.9604644775390625e-8f;
}

__kernel void philox_blocks(int n, ulong seed, ulong step, uint purpose, __global const long* id,
                            __global uint* out) {
    int i = get_global_id(0);
    if (i >= n) {
        return;
    }
    uint4 c = philox(seed, step, (ulong) id[i], purpose);
    out[4 * i] = c.s0;
    out[4 * i + 1] = c.s1;
    out[4 * i + 2] = c.s2;
    out[4 * i + 3] = c.s3;
}

/* Langevin O-step: v <- c1 v + sqrt(noise kT / m) xi, noise = 1 - c1^2 (computed in double by the host). */
__kernel void thermostat(int n, float c1, float noise_kt, ulong seed, ulong step, uint purpose,
                         __global const long* id, __global const int* type, __global const float* inv_mass,
                         __global float* vx, __global float* vy) {
    int i = get_global_id(0);
    if (i >= n) {
        return;
    }
    uint4 c = philox(seed, step, (ulong) id[i], purpose);
    float u0 = unit24(c.s0);
    float u1 = unit24(c.s2);
    float r = sqrt(-2.0f * log(u0));
    float t = 6.283185307179586f * u1;
    float sd = sqrt(noise_kt * inv_mass[type[i]]);
    vx[i] = c1 * vx[i] + sd * r * cos(t);
    vy[i] = c1 * vy[i] + sd * r * sin(t);
}

__kernel void kinetic(int n, __global const int* type, __global const float* mass,
                      __global const float* vx, __global const float* vy, __global float* partial) {
    __local float red[WG];
    int i = get_global_id(0);
    int lid = get_local_id(0);
    float k = 0.0f;
    if (i < n) {
        k = 0.5f * mass[type[i]] * (vx[i] * vx[i] + vy[i] * vy[i]);
    }
    red[lid] = k;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int s = WG / 2; s > 0; s >>= 1) {
        if (lid < s) {
            red[lid] += red[lid + s];
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (lid == 0) {
        partial[get_group_id(0)] = red[0];
    }
}

/*
 * The engine's per-step sanity check, reduced per work-group: the largest v^2 and (f/m)^2 and whether any atom is
 * not finite or outside the box (3 floats per group). The host reads 12 bytes per group instead of the state; when
 * a group reports trouble (or float overflow) the host reads the state and checks it exactly in double.
 */
__kernel void motion(int n, float bx, float by, __global const int* type, __global const float* inv_mass,
                     __global const float* x, __global const float* y, __global const float* vx,
                     __global const float* vy, __global const float* fx, __global const float* fy,
                     __global float* partial) {
    __local float rv[WG];
    __local float ra[WG];
    __local float rb[WG];
    int i = get_global_id(0);
    int lid = get_local_id(0);
    float v2 = 0.0f;
    float a2 = 0.0f;
    float bad = 0.0f;
    if (i < n) {
        float im = inv_mass[type[i]];
        v2 = vx[i] * vx[i] + vy[i] * vy[i];
        a2 = (fx[i] * fx[i] + fy[i] * fy[i]) * (im * im);
        /* written so that NaN fails every comparison */
        int sound = (v2 <= FLT_MAX) && (a2 <= FLT_MAX) && (x[i] >= 0.0f) && (x[i] < bx) && (y[i] >= 0.0f) && (y[i] < by);
        bad = sound ? 0.0f : 1.0f;
        if (!sound) {
            v2 = 0.0f;
            a2 = 0.0f;
        }
    }
    rv[lid] = v2;
    ra[lid] = a2;
    rb[lid] = bad;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int s = WG / 2; s > 0; s >>= 1) {
        if (lid < s) {
            rv[lid] = fmax(rv[lid], rv[lid + s]);
            ra[lid] = fmax(ra[lid], ra[lid + s]);
            rb[lid] = fmax(rb[lid], rb[lid + s]);
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (lid == 0) {
        int g = get_group_id(0);
        partial[3 * g] = rv[0];
        partial[3 * g + 1] = ra[0];
        partial[3 * g + 2] = rb[0];
    }
}

