package io.live2.chemistry.network;

import io.live2.model.analysis.ReactionNetworkTool;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.jgrapht.nio.graphml.GraphMLExporter.AttributeCategory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@link ReactionNetworkTool} on JGraphT 1.5.2: the network as a bipartite directed graph (species → reaction for
 * each reactant, reaction → species for each product, the count on the edge), GraphML through jgrapht-io, and a
 * length- and count-bounded search for autocatalytic cycles (see docs/analysis-network.md).
 */
public final class JGraphTNetworkTool implements ReactionNetworkTool {

    /** Default cycle length bound, in reactions (a cycle of k reactions has 2k nodes). */
    public static final int DEFAULT_MAX_REACTIONS = 4;
    /** Default bound on the autocatalytic cycles reported. */
    public static final int DEFAULT_MAX_CYCLES = 1000;
    /** Default work bound: edge traversals of the cycle search before it stops and reports truncated. */
    public static final long DEFAULT_STEP_BUDGET = 50_000_000L;

    private final long stepBudget;

    public JGraphTNetworkTool() {
        this(DEFAULT_STEP_BUDGET);
    }

    /** @param stepBudget edge traversals the cycle search may spend before it stops (truncated) */
    public JGraphTNetworkTool(long stepBudget) {
        if (stepBudget < 1) {
            throw new IllegalArgumentException("stepBudget must be >= 1: " + stepBudget);
        }
        this.stepBudget = stepBudget;
    }

    @Override
    public String name() {
        return "jgrapht";
    }

    @Override
    public void writeGraphMl(NetworkData network, OutputStream out) throws IOException {
        NetworkGraph net = NetworkGraph.of(network);
        GraphMLExporter<NetworkGraph.Node, NetworkGraph.Link> exporter = new GraphMLExporter<>(JGraphTNetworkTool::nodeId);
        exporter.setEdgeIdProvider(l -> nodeId(l.source()) + "-" + nodeId(l.target()));
        exporter.registerAttribute("kind", AttributeCategory.NODE, AttributeType.STRING);
        exporter.registerAttribute("key", AttributeCategory.NODE, AttributeType.STRING);
        exporter.registerAttribute("label", AttributeCategory.NODE, AttributeType.STRING);
        exporter.registerAttribute("smiles", AttributeCategory.NODE, AttributeType.STRING);
        exporter.registerAttribute("events", AttributeCategory.NODE, AttributeType.LONG);
        exporter.registerAttribute("first_step", AttributeCategory.NODE, AttributeType.LONG);
        exporter.registerAttribute("stoichiometry", AttributeCategory.EDGE, AttributeType.INT);
        exporter.registerAttribute("role", AttributeCategory.EDGE, AttributeType.STRING);
        Map<String, String> labels = net.species.stream()
                .collect(Collectors.toMap(SpeciesNode::key, s -> s.label() == null ? s.key() : s.label()));
        exporter.setVertexAttributeProvider(v -> nodeAttributes(net, v, labels));
        exporter.setEdgeAttributeProvider(l -> {
            Map<String, Attribute> m = new LinkedHashMap<>();
            m.put("stoichiometry", DefaultAttribute.createAttribute(l.count()));
            m.put("role", DefaultAttribute.createAttribute(l.role() == NetworkGraph.Role.REACTANT ? "reactant" : "product"));
            return m;
        });
        // our writer, flushed but not closed: the caller owns the stream
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            exporter.exportGraph(net.graph, w);
        } catch (RuntimeException e) {
            throw new IOException("GraphML export failed", e);
        }
        w.flush();
    }

    private static String nodeId(NetworkGraph.Node n) {
        return (n.kind() == NetworkGraph.Kind.SPECIES ? "s" : "r") + n.index();
    }

    private static Map<String, Attribute> nodeAttributes(NetworkGraph net, NetworkGraph.Node v, Map<String, String> labels) {
        Map<String, Attribute> m = new LinkedHashMap<>();
        if (v.kind() == NetworkGraph.Kind.SPECIES) {
            SpeciesNode s = net.speciesOf(v);
            m.put("kind", DefaultAttribute.createAttribute("species"));
            m.put("key", DefaultAttribute.createAttribute(s.key()));
            m.put("label", DefaultAttribute.createAttribute(s.label() == null ? s.key() : s.label()));
            if (s.smiles() != null) {
                m.put("smiles", DefaultAttribute.createAttribute(s.smiles()));
            }
        } else {
            ReactionNode r = net.reactionOf(v);
            m.put("kind", DefaultAttribute.createAttribute("reaction"));
            m.put("key", DefaultAttribute.createAttribute(r.id()));
            m.put("label", DefaultAttribute.createAttribute(equation(r, labels)));
            m.put("events", DefaultAttribute.createAttribute(r.events()));
            m.put("first_step", DefaultAttribute.createAttribute(r.firstStep()));
        }
        return m;
    }

    /** "CH4 + 2 H2O -> CO2 + 4 H2" in species labels. */
    static String equation(ReactionNode r, Map<String, String> labels) {
        return side(r.reactants(), labels) + " -> " + side(r.products(), labels);
    }

    private static String side(List<Stoich> side, Map<String, String> labels) {
        if (side == null || side.isEmpty()) {
            return "0";
        }
        return side.stream()
                .map(st -> (st.count() == 1 ? "" : st.count() + " ") + labels.getOrDefault(st.species(), st.species()))
                .collect(Collectors.joining(" + "));
    }

    @Override
    public CycleSearch autocatalyticCycles(NetworkData network, int maxReactions, int maxCycles) {
        if (maxReactions < 1) {
            throw new IllegalArgumentException("maxReactions must be >= 1: " + maxReactions);
        }
        if (maxCycles < 1) {
            throw new IllegalArgumentException("maxCycles must be >= 1: " + maxCycles);
        }
        return new BoundedCycleSearch(NetworkGraph.of(network), maxReactions, maxCycles, stepBudget).run();
    }
}
