package io.live2.model;

import java.util.Arrays;

/**
 * The bond graph: for each atom slot up to {@link #SLOTS} partners with a bond order each.
 * Partners are kept sorted ascending per atom so that every traversal order is a pure function of the graph
 * (never of the history of insertions), which keeps forces bit-identical across resume and thread counts.
 */
public final class Topology {
    /** Upper bound on bonds per atom: the largest valence in the model (C: 4). */
    public static final int SLOTS = 4;

    private final int n;
    private final int[] partner;
    private final byte[] order;
    private final byte[] count;
    private long version;

    public Topology(int n) {
        this.n = n;
        partner = new int[n * SLOTS];
        order = new byte[n * SLOTS];
        count = new byte[n];
        Arrays.fill(partner, -1);
    }

    public int size() {
        return n;
    }

    /** Increases on every change; lets caches (neighbour lists, analysis) know they are stale. */
    public long version() {
        return version;
    }

    public int degree(int i) {
        return count[i];
    }

    public int partner(int i, int slot) {
        return partner[i * SLOTS + slot];
    }

    public int orderAt(int i, int slot) {
        return order[i * SLOTS + slot];
    }

    /** Sum of bond orders of atom i. */
    public int valenceUsed(int i) {
        int s = 0;
        for (int k = 0; k < count[i]; k++) {
            s += order[i * SLOTS + k];
        }
        return s;
    }

    /** Bond order between i and j, 0 if not bonded. */
    public int bondOrder(int i, int j) {
        int base = i * SLOTS;
        for (int k = 0; k < count[i]; k++) {
            if (partner[base + k] == j) {
                return order[base + k];
            }
        }
        return 0;
    }

    /** True when i and j are distinct, not bonded, and share a bonded neighbour. */
    public boolean isOneThree(int i, int j) {
        if (i == j || bondOrder(i, j) != 0) {
            return false;
        }
        int bi = i * SLOTS;
        int bj = j * SLOTS;
        for (int a = 0; a < count[i]; a++) {
            int p = partner[bi + a];
            for (int b = 0; b < count[j]; b++) {
                if (partner[bj + b] == p) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the pair is excluded from LJ: bonded or 1-3. */
    public boolean isExcluded(int i, int j) {
        if (count[i] == 0 || count[j] == 0) {
            return false;
        }
        return bondOrder(i, j) != 0 || isOneThree(i, j);
    }

    public void addBond(int i, int j, int bondOrder) {
        if (i == j) {
            throw new IllegalArgumentException("an atom cannot bond to itself: " + i);
        }
        if (bondOrder < 1 || bondOrder > PhysicsDatabase.MAX_ORDER) {
            throw new IllegalArgumentException("bond order must be 1.." + PhysicsDatabase.MAX_ORDER + ", got " + bondOrder);
        }
        if (bondOrder(i, j) != 0) {
            throw new IllegalStateException("atoms " + i + " and " + j + " are already bonded");
        }
        if (count[i] >= SLOTS || count[j] >= SLOTS) {
            throw new IllegalStateException("no free bond slot on atom " + (count[i] >= SLOTS ? i : j));
        }
        insertSorted(i, j, bondOrder);
        insertSorted(j, i, bondOrder);
        version++;
    }

    public void removeBond(int i, int j) {
        if (bondOrder(i, j) == 0) {
            throw new IllegalStateException("atoms " + i + " and " + j + " are not bonded");
        }
        removeFrom(i, j);
        removeFrom(j, i);
        version++;
    }

    public void setOrder(int i, int j, int bondOrder) {
        if (bondOrder < 1 || bondOrder > PhysicsDatabase.MAX_ORDER) {
            throw new IllegalArgumentException("bond order must be 1.." + PhysicsDatabase.MAX_ORDER + ", got " + bondOrder);
        }
        setIn(i, j, bondOrder);
        setIn(j, i, bondOrder);
        version++;
    }

    /** Number of bonds (each counted once). */
    public int bondCount() {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += count[i];
        }
        return s / 2;
    }

    public Topology copy() {
        Topology t = new Topology(n);
        System.arraycopy(partner, 0, t.partner, 0, partner.length);
        System.arraycopy(order, 0, t.order, 0, order.length);
        System.arraycopy(count, 0, t.count, 0, count.length);
        t.version = version;
        return t;
    }

    private void insertSorted(int i, int j, int o) {
        int base = i * SLOTS;
        int c = count[i];
        int k = c;
        while (k > 0 && partner[base + k - 1] > j) {
            partner[base + k] = partner[base + k - 1];
            order[base + k] = order[base + k - 1];
            k--;
        }
        partner[base + k] = j;
        order[base + k] = (byte) o;
        count[i] = (byte) (c + 1);
    }

    private void removeFrom(int i, int j) {
        int base = i * SLOTS;
        int c = count[i];
        int k = 0;
        while (partner[base + k] != j) {
            k++;
        }
        for (; k < c - 1; k++) {
            partner[base + k] = partner[base + k + 1];
            order[base + k] = order[base + k + 1];
        }
        partner[base + c - 1] = -1;
        order[base + c - 1] = 0;
        count[i] = (byte) (c - 1);
    }

    private void setIn(int i, int j, int o) {
        int base = i * SLOTS;
        for (int k = 0; k < count[i]; k++) {
            if (partner[base + k] == j) {
                order[base + k] = (byte) o;
                return;
            }
        }
        throw new IllegalStateException("atoms " + i + " and " + j + " are not bonded");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Topology t && t.n == n && Arrays.equals(t.partner, partner) && Arrays.equals(t.order, order);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(partner);
    }
}
