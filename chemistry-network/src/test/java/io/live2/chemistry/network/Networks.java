package io.live2.chemistry.network;

import io.live2.model.analysis.ReactionNetworkTool.NetworkData;
import io.live2.model.analysis.ReactionNetworkTool.ReactionNode;
import io.live2.model.analysis.ReactionNetworkTool.SpeciesNode;
import io.live2.model.analysis.ReactionNetworkTool.Stoich;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Small builder for test networks: {@code new Networks().r("R1", "A + B -> 2 A").build()}. */
final class Networks {
    private final Set<String> species = new LinkedHashSet<>();
    private final List<ReactionNode> reactions = new ArrayList<>();

    Networks r(String id, String equation) {
        String[] sides = equation.split("->");
        reactions.add(new ReactionNode(id, side(sides[0]), side(sides[1]), 1 + reactions.size(), 10L * reactions.size()));
        return this;
    }

    Networks species(String key) {
        species.add(key);
        return this;
    }

    private List<Stoich> side(String text) {
        List<Stoich> out = new ArrayList<>();
        for (String term : text.trim().split("\\s*\\+\\s*")) {
            if (term.isBlank() || term.equals("0")) {
                continue;
            }
            String[] parts = term.trim().split("\\s+");
            int count = parts.length == 2 ? Integer.parseInt(parts[0]) : 1;
            String key = parts[parts.length - 1];
            species.add(key);
            out.add(new Stoich(key, count));
        }
        return out;
    }

    NetworkData build() {
        List<SpeciesNode> nodes = species.stream().map(k -> new SpeciesNode(k, k + "_f", "[" + k + "]")).toList();
        return new NetworkData(nodes, List.copyOf(reactions));
    }
}
