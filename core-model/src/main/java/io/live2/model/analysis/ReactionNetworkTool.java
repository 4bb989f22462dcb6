package io.live2.model.analysis;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The reaction network: a bipartite graph of species and reaction nodes. Implemented by the chemistry-network
 * adapter on JGraphT and found with ServiceLoader, so the model and the engine never import JGraphT.
 */
public interface ReactionNetworkTool {
    String name();

    /** Writes the network as GraphML (species and reaction nodes, stoichiometry on the edges). */
    void writeGraphMl(NetworkData network, OutputStream out) throws IOException;

    /**
     * Autocatalytic cycles: directed cycles through species and reaction nodes in which some member species has net
     * positive stoichiometry around the cycle. Bounded: cycles of at most {@code maxReactions} reactions, at most
     * {@code maxCycles} reported (the search stops there and says so in {@link CycleSearch#truncated()}).
     */
    CycleSearch autocatalyticCycles(NetworkData network, int maxReactions, int maxCycles);

    /** Species: key and a display label (formula); reactions: id, reactant and product multisets, event count. */
    record NetworkData(List<SpeciesNode> species, List<ReactionNode> reactions) {
    }

    record SpeciesNode(String key, String label, String smiles) {
    }

    record ReactionNode(String id, List<Stoich> reactants, List<Stoich> products, long events, long firstStep) {
    }

    record Stoich(String species, int count) {
    }

    /**
     * @param reactionIds the cycle's reactions in order
     * @param speciesKeys the cycle's species in order (species i feeds reaction i)
     * @param amplified   the member species with net positive stoichiometry around the cycle
     */
    record Cycle(List<String> reactionIds, List<String> speciesKeys, List<String> amplified) {
    }

    record CycleSearch(List<Cycle> cycles, boolean truncated, long cyclesExamined) {
    }
}
