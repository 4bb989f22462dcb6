package io.live2.engine;

import io.live2.model.Topology;

/** Counts connected components of the bond graph with union-find (path halving, union by index). */
final class Molecules {
    private Molecules() {
    }

    static int count(Topology t) {
        int n = t.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        int components = n;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < t.degree(i); k++) {
                int j = t.partner(i, k);
                if (j > i) {
                    int a = find(parent, i);
                    int b = find(parent, j);
                    if (a != b) {
                        parent[Math.max(a, b)] = Math.min(a, b);
                        components--;
                    }
                }
            }
        }
        return components;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
