package io.live2.chemistry.network;

import io.live2.model.analysis.ReactionNetworkTool.Cycle;
import io.live2.model.analysis.ReactionNetworkTool.CycleSearch;
import org.jgrapht.Graphs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Length- and count-bounded enumeration of the simple directed cycles of the bipartite network, each found exactly
 * once, and the autocatalysis test on each.
 *
 * <p>Canonical rooted DFS: every cycle is rooted at its lowest-index node, which is always a species because
 * species indices precede reaction indices and a bipartite cycle contains both kinds. From root {@code s} the DFS
 * walks only nodes of index {@code > s} and closes a cycle on an edge back to {@code s}; a simple cycle has one
 * lowest node and one walk from it, so it is found once. A backward BFS from the root (restricted to nodes
 * {@code >= s}) gives each node's distance to the root; a path is extended only if it can still close within
 * {@code 2 * maxReactions} edges, so dead branches are cut before they are walked.
 *
 * <p>Stops at the first of: {@code maxCycles + 1} autocatalytic cycles found (the extra one is dropped and proves
 * {@code truncated}), or the step budget (edge traversals) spent ({@code truncated} too).
 */
final class BoundedCycleSearch {

    private final NetworkGraph net;
    private final int maxEdges;
    private final int maxCycles;
    private final long stepBudget;
    private final int[][] succ;
    private final int[][] pred;

    private final int[] dist;
    private final boolean[] onPath;
    private final int[] path;

    private final List<Cycle> found = new ArrayList<>();
    private long examined;
    private long steps;
    private boolean truncated;

    BoundedCycleSearch(NetworkGraph net, int maxReactions, int maxCycles, long stepBudget) {
        this.net = net;
        // a simple cycle of k reactions also has k distinct species: k <= min(S, R), whatever the caller asks
        int longest = Math.max(1, Math.min(net.speciesCount, net.reactions.size()));
        this.maxEdges = 2 * Math.min(maxReactions, longest);
        this.maxCycles = maxCycles;
        this.stepBudget = stepBudget;
        int n = net.nodes.size();
        succ = new int[n][];
        pred = new int[n][];
        for (NetworkGraph.Node v : net.nodes) {
            succ[v.index()] = Graphs.successorListOf(net.graph, v).stream().mapToInt(NetworkGraph.Node::index)
                    .sorted().toArray();
            pred[v.index()] = Graphs.predecessorListOf(net.graph, v).stream().mapToInt(NetworkGraph.Node::index)
                    .sorted().toArray();
        }
        dist = new int[n];
        Arrays.fill(dist, Integer.MAX_VALUE);
        onPath = new boolean[n];
        path = new int[Math.min(n, maxEdges) + 1];
    }

    CycleSearch run() {
        int[] queue = new int[net.nodes.size()];
        for (int root = 0; root < net.speciesCount && !stop(); root++) {
            int touched = distancesTo(root, queue);
            if (dist[root] != Integer.MAX_VALUE && pred[root].length > 0) {
                onPath[root] = true;
                path[0] = root;
                dfs(root, root, 0);
                onPath[root] = false;
            }
            for (int i = 0; i < touched; i++) {
                dist[queue[i]] = Integer.MAX_VALUE;
            }
        }
        List<Cycle> cycles = new ArrayList<>(found);
        cycles.sort(Comparator.comparing(Cycle::reactionIds, BoundedCycleSearch::compareLists)
                .thenComparing(Cycle::speciesKeys, BoundedCycleSearch::compareLists));
        return new CycleSearch(List.copyOf(cycles), truncated, examined);
    }

    private boolean stop() {
        return truncated;
    }

    /** Backward BFS from root over nodes of index >= root, up to maxEdges - 1; returns how many were touched. */
    private int distancesTo(int root, int[] queue) {
        int head = 0;
        int tail = 0;
        dist[root] = 0;
        queue[tail++] = root;
        while (head < tail) {
            int v = queue[head++];
            if (dist[v] >= maxEdges - 1) {
                continue;
            }
            for (int u : pred[v]) {
                if (u > root && dist[u] == Integer.MAX_VALUE) {
                    dist[u] = dist[v] + 1;
                    queue[tail++] = u;
                }
            }
        }
        return tail;
    }

    /** path[0..depth] is the current simple path from root to v, depth edges long. */
    private void dfs(int root, int v, int depth) {
        for (int w : succ[v]) {
            if (stop()) {
                return;
            }
            if (++steps > stepBudget) {
                truncated = true;
                return;
            }
            if (w == root) {
                closed(depth + 1);
            } else if (w > root && !onPath[w] && dist[w] != Integer.MAX_VALUE && depth + 1 + dist[w] <= maxEdges) {
                onPath[w] = true;
                path[depth + 1] = w;
                dfs(root, w, depth + 1);
                onPath[w] = false;
            }
        }
    }

    /** The path path[0..edges-1] closed back to path[0]: alternating species, reaction, species, ... */
    private void closed(int edges) {
        examined++;
        int k = edges / 2;
        // rotate so that the reaction with the lowest index (= lowest id) comes first
        int first = 0;
        for (int i = 1; i < k; i++) {
            if (path[2 * i + 1] < path[2 * first + 1]) {
                first = i;
            }
        }
        int[] speciesIdx = new int[k];
        int[] reactionIdx = new int[k];
        for (int j = 0; j < k; j++) {
            int i = (first + j) % k;
            speciesIdx[j] = path[2 * i];
            reactionIdx[j] = path[2 * i + 1];
        }
        List<String> amplified = new ArrayList<>();
        int[] sortedSpecies = speciesIdx.clone();
        Arrays.sort(sortedSpecies); // index order = key order
        for (int s : sortedSpecies) {
            long sum = 0;
            for (int r : reactionIdx) {
                sum += net.netChange(r, s);
            }
            if (sum > 0) {
                amplified.add(net.nodes.get(s).key());
            }
        }
        if (amplified.isEmpty()) {
            return;
        }
        if (found.size() == maxCycles) {
            truncated = true;
            return;
        }
        List<String> reactionIds = new ArrayList<>(k);
        List<String> speciesKeys = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            speciesKeys.add(net.nodes.get(speciesIdx[j]).key());
            reactionIds.add(net.nodes.get(reactionIdx[j]).key());
        }
        found.add(new Cycle(List.copyOf(reactionIds), List.copyOf(speciesKeys), List.copyOf(amplified)));
    }

    static int compareLists(List<String> a, List<String> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
