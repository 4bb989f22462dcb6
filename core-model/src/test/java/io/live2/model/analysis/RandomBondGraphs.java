package io.live2.model.analysis;

import io.live2.model.Topology;

import java.util.Map;
import java.util.Random;

/** Random bond sets for the analysis properties: pairs keyed min·n + max, at most {@link Topology#SLOTS} bonds per atom. */
final class RandomBondGraphs {
    private RandomBondGraphs() {
    }

    /** Tries {@code tries} random pairs; each new one within the slot limit is bonded, order 1 (80 %) or 1-3. */
    static void addRandomBonds(Random r, int n, int[] deg, Map<Long, Integer> bonds, int tries) {
        for (int t = 0; t < tries; t++) {
            int i = r.nextInt(n);
            int j = r.nextInt(n);
            long k = (long) Math.min(i, j) * n + Math.max(i, j);
            if (i != j && !bonds.containsKey(k) && deg[i] < Topology.SLOTS && deg[j] < Topology.SLOTS) {
                bonds.put(k, 1 + (r.nextDouble() < 0.8 ? 0 : r.nextInt(3)));
                deg[i]++;
                deg[j]++;
            }
        }
    }

    /** The bonds as {a, b, order} rows, in the map's iteration order. */
    static int[][] toArray(Map<Long, Integer> bonds, int n) {
        int[][] out = new int[bonds.size()][];
        int e = 0;
        for (Map.Entry<Long, Integer> b : bonds.entrySet()) {
            out[e++] = new int[] {(int) (b.getKey() / n), (int) (b.getKey() % n), b.getValue()};
        }
        return out;
    }
}
