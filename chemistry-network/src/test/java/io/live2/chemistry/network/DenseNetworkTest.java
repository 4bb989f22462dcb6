package io.live2.chemistry.network;

import io.live2.model.analysis.ReactionNetworkTool.CycleSearch;
import io.live2.model.analysis.ReactionNetworkTool.NetworkData;
import io.live2.model.analysis.ReactionNetworkTool.ReactionNode;
import io.live2.model.analysis.ReactionNetworkTool.SpeciesNode;
import io.live2.model.analysis.ReactionNetworkTool.Stoich;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dense random network (a hub species like water in most reactions): the bounds keep the search short. */
class DenseNetworkTest {

    static NetworkData dense(int speciesCount, int reactionCount, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<SpeciesNode> species = IntStream.range(0, speciesCount)
                .mapToObj(i -> new SpeciesNode(String.format("S%04d", i), "F" + i, null)).toList();
        List<ReactionNode> reactions = new ArrayList<>();
        for (int r = 0; r < reactionCount; r++) {
            List<Stoich> in = List.of(new Stoich("S0000", 1), new Stoich(species.get(rnd.nextInt(speciesCount)).key(), 1));
            List<Stoich> out = List.of(new Stoich(species.get(rnd.nextInt(speciesCount)).key(), 1 + rnd.nextInt(2)),
                    new Stoich("S0000", rnd.nextInt(2) + 1));
            reactions.add(new ReactionNode(String.format("R%05d", r), in, out, 1, r));
        }
        return new NetworkData(species, reactions);
    }

    @Test
    @Timeout(60)
    void defaultsStayBoundedAndDeterministic() {
        NetworkData n = dense(300, 2000, 42);
        JGraphTNetworkTool tool = new JGraphTNetworkTool();
        long t0 = System.nanoTime();
        CycleSearch a = tool.autocatalyticCycles(n, JGraphTNetworkTool.DEFAULT_MAX_REACTIONS, JGraphTNetworkTool.DEFAULT_MAX_CYCLES);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("dense 300 species / 2000 reactions: %d cycles reported, %d examined, truncated=%s, %d ms%n",
                a.cycles().size(), a.cyclesExamined(), a.truncated(), ms);
        assertEquals(JGraphTNetworkTool.DEFAULT_MAX_CYCLES, a.cycles().size());
        assertTrue(a.truncated());
        assertEquals(a, tool.autocatalyticCycles(n, JGraphTNetworkTool.DEFAULT_MAX_REACTIONS, JGraphTNetworkTool.DEFAULT_MAX_CYCLES));
    }

    @Test
    @Timeout(60)
    void stepBudgetBoundsWorkWhenFewCyclesAmplify() {
        // only conservative exchanges: many cycles, none autocatalytic, so only the step budget can stop the search
        int s = 60;
        List<SpeciesNode> species = IntStream.range(0, s).mapToObj(i -> new SpeciesNode("S" + i, "F" + i, null)).toList();
        List<ReactionNode> reactions = new ArrayList<>();
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                if (i != j) {
                    reactions.add(new ReactionNode("R" + i + "_" + j, List.of(new Stoich("S" + i, 1)), List.of(new Stoich("S" + j, 1)), 1, 0));
                }
            }
        }
        long t0 = System.nanoTime();
        CycleSearch c = new JGraphTNetworkTool().autocatalyticCycles(new NetworkData(species, reactions), 4, 1000);
        System.out.printf("exchange-only %d reactions, default step budget: %d examined, truncated=%s, %d ms%n",
                reactions.size(), c.cyclesExamined(), c.truncated(), (System.nanoTime() - t0) / 1_000_000);
        assertEquals(List.of(), c.cycles());
        assertTrue(c.truncated());
        assertTrue(c.cyclesExamined() > 0);
    }
}
