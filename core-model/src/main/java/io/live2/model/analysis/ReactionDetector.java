package io.live2.model.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

/**
 * Atom-mapped reaction events between two analysis frames (CHEMISTRY.md section 7). Molecules present in both frames
 * with the same atom ids, labels and bonds take no part. Among the changed ones, an old and a new molecule are linked
 * when they share an atom (by atom id); each connected group of the links is one event, reactants (old keys) to
 * products (new keys). Both sides of an event hold exactly the same atoms, so events are balanced by construction.
 *
 * <p>A group whose two sides do not hold the same atom set can only arise when atoms appear or vanish between the
 * frames (never in a closed simulation); such groups are not reported as reactions and are counted in
 * {@link #unbalancedSkipped()}. Exchange events whose reactant and product species are the same multiset
 * (e.g. H + H2 → H2 + H with different atoms) are real atom-mapped events and are reported. Not thread-safe.
 */
public final class ReactionDetector {

    /**
     * @param reactants species keys of the old molecules, sorted (repeated for several molecules of one species)
     * @param products  species keys of the new molecules, sorted
     * @param atoms     atoms taking part (the same on both sides)
     */
    public record ReactionEvent(long step, List<String> reactants, List<String> products, int atoms) {
    }

    /** An event with the ids of its atoms (ascending): the atom mapping itself. */
    public record MappedEvent(ReactionEvent event, long[] atomIds) {
    }

    private long unbalancedSkipped;

    /** Events between two frames, in order of their smallest atom id. */
    public List<ReactionEvent> between(long step, List<MoleculeGraph> previous, List<String> previousKeys,
                                       List<MoleculeGraph> current, List<String> currentKeys) {
        List<MappedEvent> mapped = betweenMapped(step, previous, previousKeys, current, currentKeys);
        List<ReactionEvent> out = new ArrayList<>(mapped.size());
        for (MappedEvent m : mapped) {
            out.add(m.event());
        }
        return out;
    }

    /** As {@link #between}, with each event's atom ids. */
    public List<MappedEvent> betweenMapped(long step, List<MoleculeGraph> previous, List<String> previousKeys,
                                           List<MoleculeGraph> current, List<String> currentKeys) {
        if (previous.size() != previousKeys.size() || current.size() != currentKeys.size()) {
            throw new IllegalArgumentException("molecule and key lists differ in length");
        }
        HashSet<MoleculeGraph> prevSet = new HashSet<>(previous);
        HashSet<MoleculeGraph> curSet = new HashSet<>(current);
        List<Integer> oldChanged = new ArrayList<>();
        List<Integer> newChanged = new ArrayList<>();
        int oldAtoms = 0;
        for (int i = 0; i < previous.size(); i++) {
            if (!curSet.contains(previous.get(i))) {
                oldChanged.add(i);
                oldAtoms += previous.get(i).atomCount();
            }
        }
        for (int i = 0; i < current.size(); i++) {
            if (!prevSet.contains(current.get(i))) {
                newChanged.add(i);
            }
        }
        if (oldChanged.isEmpty() && newChanged.isEmpty()) {
            return List.of();
        }
        int no = oldChanged.size();
        int nn = newChanged.size();
        // atom id -> index (0..no) of the changed old molecule holding it
        LongIntMap owner = new LongIntMap(Math.max(4, oldAtoms));
        for (int k = 0; k < no; k++) {
            for (long id : previous.get(oldChanged.get(k)).atomIds()) {
                owner.put(id, k);
            }
        }
        int[] parent = new int[no + nn];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        boolean[] orphan = new boolean[nn];
        for (int k = 0; k < nn; k++) {
            for (long id : current.get(newChanged.get(k)).atomIds()) {
                int o = owner.get(id);
                if (o >= 0) {
                    union(parent, o, no + k);
                } else {
                    orphan[k] = true;
                }
            }
        }
        // groups, keyed by root; collect members
        int[] groupOf = new int[no + nn];
        Arrays.fill(groupOf, -1);
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < no + nn; i++) {
            int r = find(parent, i);
            if (groupOf[r] < 0) {
                groupOf[r] = groups.size();
                groups.add(new Group());
            }
            Group gr = groups.get(groupOf[r]);
            MoleculeGraph m = i < no ? previous.get(oldChanged.get(i)) : current.get(newChanged.get(i - no));
            String key = i < no ? previousKeys.get(oldChanged.get(i)) : currentKeys.get(newChanged.get(i - no));
            long minId = Long.MAX_VALUE;
            for (long id : m.atomIds()) {
                minId = Math.min(minId, id);
            }
            gr.minId = Math.min(gr.minId, minId);
            if (i < no) {
                gr.reactants.add(key);
                gr.old.add(m);
                gr.oldAtoms += m.atomCount();

            } else {
                gr.products.add(key);
                gr.newAtoms += m.atomCount();
                gr.orphans |= orphan[i - no];
            }
        }
        groups.sort((a, b) -> Long.compare(a.minId, b.minId));
        List<MappedEvent> out = new ArrayList<>(groups.size());
        for (Group gr : groups) {
            // without orphans every new atom lies in an old molecule of its own group (it was linked to it); new
            // atoms are distinct, so new set is a subset of old set, and equal counts make the sets equal
            if (gr.orphans || gr.oldAtoms != gr.newAtoms || gr.reactants.isEmpty()
                    || gr.products.isEmpty()) {
                unbalancedSkipped++;
                continue;
            }
            Collections.sort(gr.reactants);
            Collections.sort(gr.products);
            long[] ids = new long[gr.oldAtoms];
            int k = 0;
            for (MoleculeGraph m : gr.old) {
                System.arraycopy(m.atomIds(), 0, ids, k, m.atomCount());
                k += m.atomCount();
            }
            Arrays.sort(ids);
            out.add(new MappedEvent(new ReactionEvent(step, List.copyOf(gr.reactants), List.copyOf(gr.products),
                    gr.oldAtoms), ids));
        }
        return out;
    }

    /** Groups not reported because their two sides held different atoms (atoms appeared or vanished). */
    public long unbalancedSkipped() {
        return unbalancedSkipped;
    }

    private static final class Group {
        final List<String> reactants = new ArrayList<>(2);
        final List<String> products = new ArrayList<>(2);
        final List<MoleculeGraph> old = new ArrayList<>(2);
        long minId = Long.MAX_VALUE;
        int oldAtoms;
        int newAtoms;
        boolean orphans;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            if (ra < rb) {
                parent[rb] = ra;
            } else {
                parent[ra] = rb;
            }
        }
    }

    /** Open-addressing map from long to non-negative int; get returns -1 when absent. */
    static final class LongIntMap {
        private final long[] keys;
        private final int[] values;
        private final boolean[] used;
        private final int mask;

        LongIntMap(int expected) {
            int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
            keys = new long[cap];
            values = new int[cap];
            used = new boolean[cap];
            mask = cap - 1;
        }

        private int slot(long k) {
            long h = k * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }

        void put(long k, int v) {
            int i = slot(k);
            while (used[i] && keys[i] != k) {
                i = (i + 1) & mask;
            }
            used[i] = true;
            keys[i] = k;
            values[i] = v;
        }

        int get(long k) {
            int i = slot(k);
            while (used[i]) {
                if (keys[i] == k) {
                    return values[i];
                }
                i = (i + 1) & mask;
            }
            return -1;
        }
    }
}
