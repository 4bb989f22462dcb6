package io.live2.chemistry.network;

import io.live2.model.analysis.ReactionNetworkTool;
import io.live2.model.analysis.ReactionNetworkTool.Cycle;
import io.live2.model.analysis.ReactionNetworkTool.CycleSearch;
import io.live2.model.analysis.ReactionNetworkTool.NetworkData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AutocatalyticCyclesTest {

    private final JGraphTNetworkTool tool = new JGraphTNetworkTool();

    @Test
    void foundByServiceLoader() {
        List<ReactionNetworkTool> tools = ServiceLoader.load(ReactionNetworkTool.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertTrue(tools.stream().anyMatch(t -> t instanceof JGraphTNetworkTool), tools.toString());
        assertEquals("jgrapht", tool.name());
    }

    @Test
    void directAutocatalysisIsOneReactionCycle() {
        NetworkData n = new Networks().r("R1", "A + B -> 2 A").build();
        CycleSearch s = tool.autocatalyticCycles(n, 4, 1000);
        assertEquals(List.of(new Cycle(List.of("R1"), List.of("A"), List.of("A"))), s.cycles());
        assertFalse(s.truncated());
        assertEquals(1, s.cyclesExamined());
    }

    @Test
    void formoseLikeToyCycleAmplifiesA() {
        NetworkData n = new Networks().r("R1", "A + B -> C").r("R2", "C -> 2 A + D").build();
        CycleSearch s = tool.autocatalyticCycles(n, 4, 1000);
        assertEquals(List.of(new Cycle(List.of("R1", "R2"), List.of("A", "C"), List.of("A"))), s.cycles());
        assertFalse(s.truncated());
    }

    @Test
    void plainCycleIsNotAutocatalytic() {
        NetworkData n = new Networks().r("R1", "A -> B").r("R2", "B -> A").build();
        CycleSearch s = tool.autocatalyticCycles(n, 4, 1000);
        assertEquals(List.of(), s.cycles());
        assertEquals(1, s.cyclesExamined(), "the cycle is seen, and rejected");
        assertFalse(s.truncated());
    }

    @Test
    void reversibleExchangeIsNotAutocatalytic() {
        // four cycles (A or B into R1, C or D back), all with net 0
        NetworkData n = new Networks().r("R1", "A + B -> C + D").r("R2", "C + D -> A + B").build();
        CycleSearch s = tool.autocatalyticCycles(n, 4, 1000);
        assertEquals(List.of(), s.cycles());
        assertEquals(4, s.cyclesExamined());
    }

    @Test
    void acyclicNetworkHasNoCycles() {
        NetworkData n = new Networks().r("R1", "A + B -> C").r("R2", "C -> D + E").r("R3", "D -> F").build();
        CycleSearch s = tool.autocatalyticCycles(n, 4, 1000);
        assertEquals(List.of(), s.cycles());
        assertEquals(0, s.cyclesExamined());
        assertFalse(s.truncated());
    }

    @Test
    void emptyNetwork() {
        CycleSearch s = tool.autocatalyticCycles(new NetworkData(List.of(), List.of()), 4, 10);
        assertEquals(List.of(), s.cycles());
        assertFalse(s.truncated());
    }

    @Test
    void maxCyclesTruncates() {
        NetworkData n = new Networks().r("R1", "A + B -> 2 A").r("R2", "C + B -> 2 C").r("R3", "D + B -> 2 D").build();
        CycleSearch all = tool.autocatalyticCycles(n, 4, 1000);
        assertEquals(3, all.cycles().size());
        assertFalse(all.truncated());
        CycleSearch one = tool.autocatalyticCycles(n, 4, 1);
        assertEquals(1, one.cycles().size());
        assertTrue(one.truncated());
        CycleSearch exact = tool.autocatalyticCycles(n, 4, 3);
        assertEquals(3, exact.cycles().size());
        assertFalse(exact.truncated(), "exactly maxCycles cycles exist: nothing was left out");
    }

    @Test
    void lengthBoundExcludesLongerCycles() {
        // A -> B -> C -> 2 A: three reactions, A amplified
        NetworkData n = new Networks().r("R1", "A -> B").r("R2", "B -> C").r("R3", "C -> 2 A").build();
        assertEquals(List.of(), tool.autocatalyticCycles(n, 2, 1000).cycles());
        assertEquals(0, tool.autocatalyticCycles(n, 2, 1000).cyclesExamined());
        CycleSearch three = tool.autocatalyticCycles(n, 3, 1000);
        assertEquals(List.of(new Cycle(List.of("R1", "R2", "R3"), List.of("A", "B", "C"), List.of("A"))), three.cycles());
        assertFalse(three.truncated(), "the length bound alone is not a truncation");
    }

    @Test
    void hugeLengthBoundIsClampedToTheNetwork() {
        NetworkData n = new Networks().r("R1", "A -> B").r("R2", "B -> C").r("R3", "C -> 2 A").build();
        assertEquals(tool.autocatalyticCycles(n, 3, 1000), tool.autocatalyticCycles(n, Integer.MAX_VALUE, 1000));
    }

    @Test
    void rotationStartsAtLowestReactionIdAndOrderIsByReactionIds() {
        // same cycle written with a late species and early reaction
        NetworkData n = new Networks().r("R2", "Z -> 2 Y").r("R1", "Y -> Z").r("R0", "Q + B -> 2 Q").build();
        CycleSearch s = tool.autocatalyticCycles(n, 4, 1000);
        assertEquals(List.of(
                new Cycle(List.of("R0"), List.of("Q"), List.of("Q")),
                new Cycle(List.of("R1", "R2"), List.of("Y", "Z"), List.of("Y"))), s.cycles());
    }

    @Test
    void stepBudgetTruncates() {
        NetworkData n = new Networks().r("R1", "A + B -> 2 A").r("R2", "C + B -> 2 C").build();
        CycleSearch s = new JGraphTNetworkTool(1).autocatalyticCycles(n, 4, 1000);
        assertTrue(s.truncated());
    }

    @Test
    void inputOrderDoesNotMatter() {
        NetworkData a = new Networks().r("R1", "A + B -> C").r("R2", "C -> 2 A + D").r("R3", "D + A -> 2 D").build();
        NetworkData b = new NetworkData(a.species().reversed(), a.reactions().reversed());
        assertEquals(tool.autocatalyticCycles(a, 4, 1000), tool.autocatalyticCycles(b, 4, 1000));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> tool.autocatalyticCycles(new Networks().build(), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> tool.autocatalyticCycles(new Networks().build(), 1, 0));
        NetworkData unknown = new NetworkData(List.of(),
                List.of(new ReactionNetworkTool.ReactionNode("R1", List.of(new ReactionNetworkTool.Stoich("X", 1)), List.of(), 1, 0)));
        assertThrows(IllegalArgumentException.class, () -> tool.autocatalyticCycles(unknown, 4, 10));
    }
}
