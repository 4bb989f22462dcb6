package io.live2.chemistry.network;

import io.live2.model.analysis.ReactionNetworkTool.NetworkData;
import io.live2.model.analysis.ReactionNetworkTool.ReactionNode;
import io.live2.model.analysis.ReactionNetworkTool.SpeciesNode;
import io.live2.model.analysis.ReactionNetworkTool.Stoich;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The bipartite species/reaction digraph built from {@link NetworkData}: an edge species → reaction for each
 * reactant, reaction → species for each product, the count on the edge. Nodes are indexed deterministically: species
 * sorted by key (indices 0..S-1), then reactions sorted by id (S..S+R-1), whatever the input order.
 */
final class NetworkGraph {

    enum Kind { SPECIES, REACTION }

    enum Role { REACTANT, PRODUCT }

    /** A node: its kind, its dense index in the canonical order and its key (species key or reaction id). */
    record Node(Kind kind, int index, String key) {
    }

    /** One edge; at most one per ordered (source, target) pair, so value equality is safe as a JGraphT edge. */
    record Link(Node source, Node target, int count, Role role) {
    }

    final Graph<Node, Link> graph;
    final List<Node> nodes;
    final List<SpeciesNode> species;
    final List<ReactionNode> reactions;
    /** Per reaction (index r - S): net change of each species index, product count minus reactant count. */
    final List<Map<Integer, Integer>> netChange;
    final int speciesCount;

    private NetworkGraph(Graph<Node, Link> graph, List<Node> nodes, List<SpeciesNode> species,
                         List<ReactionNode> reactions, List<Map<Integer, Integer>> netChange) {
        this.graph = graph;
        this.nodes = nodes;
        this.species = species;
        this.reactions = reactions;
        this.netChange = netChange;
        this.speciesCount = species.size();
    }

    static NetworkGraph of(NetworkData data) {
        Objects.requireNonNull(data, "network");
        Objects.requireNonNull(data.species(), "network.species");
        Objects.requireNonNull(data.reactions(), "network.reactions");
        List<SpeciesNode> species = new ArrayList<>(data.species());
        species.forEach(s -> Objects.requireNonNull(s.key(), "species key"));
        species.sort(Comparator.comparing(SpeciesNode::key));
        List<ReactionNode> reactions = new ArrayList<>(data.reactions());
        reactions.forEach(r -> Objects.requireNonNull(r.id(), "reaction id"));
        reactions.sort(Comparator.comparing(ReactionNode::id));

        Graph<Node, Link> g = new DefaultDirectedGraph<>(null, null, false);
        List<Node> nodes = new ArrayList<>(species.size() + reactions.size());
        Map<String, Node> byKey = new HashMap<>();
        for (SpeciesNode s : species) {
            Node n = new Node(Kind.SPECIES, nodes.size(), s.key());
            if (byKey.put(s.key(), n) != null) {
                throw new IllegalArgumentException("duplicate species key: " + s.key());
            }
            nodes.add(n);
            g.addVertex(n);
        }
        List<Map<Integer, Integer>> net = new ArrayList<>(reactions.size());
        String previousId = null;
        for (ReactionNode r : reactions) {
            if (r.id().equals(previousId)) {
                throw new IllegalArgumentException("duplicate reaction id: " + r.id());
            }
            previousId = r.id();
            Node rn = new Node(Kind.REACTION, nodes.size(), r.id());
            nodes.add(rn);
            g.addVertex(rn);
            Map<Node, Integer> in = merge(r, r.reactants(), byKey);
            Map<Node, Integer> out = merge(r, r.products(), byKey);
            Map<Integer, Integer> change = new HashMap<>();
            in.forEach((s, c) -> {
                g.addEdge(s, rn, new Link(s, rn, c, Role.REACTANT));
                change.merge(s.index(), -c, Integer::sum);
            });
            out.forEach((s, c) -> {
                g.addEdge(rn, s, new Link(rn, s, c, Role.PRODUCT));
                change.merge(s.index(), c, Integer::sum);
            });
            net.add(change);
        }
        return new NetworkGraph(g, List.copyOf(nodes), List.copyOf(species), List.copyOf(reactions), List.copyOf(net));
    }

    /** Sums repeated entries of one side of a reaction; rejects unknown species and non-positive counts. */
    private static Map<Node, Integer> merge(ReactionNode r, List<Stoich> side, Map<String, Node> byKey) {
        Map<Node, Integer> merged = new LinkedHashMap<>();
        if (side == null) {
            return merged;
        }
        for (Stoich st : side) {
            Node s = byKey.get(st.species());
            if (s == null) {
                throw new IllegalArgumentException("reaction " + r.id() + " names unknown species " + st.species());
            }
            if (st.count() < 1) {
                throw new IllegalArgumentException("reaction " + r.id() + ": count " + st.count() + " of " + st.species());
            }
            merged.merge(s, st.count(), Math::addExact);
        }
        return merged;
    }

    SpeciesNode speciesOf(Node n) {
        return species.get(n.index());
    }

    ReactionNode reactionOf(Node n) {
        return reactions.get(n.index() - speciesCount);
    }

    /** Net change of species index {@code s} in reaction node index {@code r}: products minus reactants. */
    int netChange(int r, int s) {
        return netChange.get(r - speciesCount).getOrDefault(s, 0);
    }
}
