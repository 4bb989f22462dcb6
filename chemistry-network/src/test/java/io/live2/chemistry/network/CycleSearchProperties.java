package io.live2.chemistry.network;

import io.live2.model.analysis.ReactionNetworkTool.Cycle;
import io.live2.model.analysis.ReactionNetworkTool.CycleSearch;
import io.live2.model.analysis.ReactionNetworkTool.NetworkData;
import io.live2.model.analysis.ReactionNetworkTool.ReactionNode;
import io.live2.model.analysis.ReactionNetworkTool.SpeciesNode;
import io.live2.model.analysis.ReactionNetworkTool.Stoich;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.JohnsonSimpleCycles;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Random small networks: every reported cycle is valid, bounded and truly amplifying; none is missed or doubled. */
class CycleSearchProperties {

    private final JGraphTNetworkTool tool = new JGraphTNetworkTool();

    @Provide
    Arbitrary<NetworkData> networks() {
        Arbitrary<Integer> speciesCount = Arbitraries.integers().between(1, 6);
        return speciesCount.flatMap(n -> {
            Arbitrary<Stoich> term = Combinators.combine(
                    Arbitraries.integers().between(0, n - 1), Arbitraries.integers().between(1, 2))
                    .as((s, c) -> new Stoich("S" + s, c));
            Arbitrary<List<Stoich>> side = term.list().ofMinSize(0).ofMaxSize(3);
            Arbitrary<List<List<Stoich>>> sides = side.list().ofSize(2);
            return sides.list().ofMinSize(0).ofMaxSize(7).map(rs -> {
                List<SpeciesNode> species = IntStream.range(0, n)
                        .mapToObj(i -> new SpeciesNode("S" + i, "F" + i, null)).toList();
                List<ReactionNode> reactions = new ArrayList<>();
                for (int i = 0; i < rs.size(); i++) {
                    reactions.add(new ReactionNode("R" + i, rs.get(i).get(0), rs.get(i).get(1), 1, i));
                }
                return new NetworkData(species, reactions);
            });
        });
    }

    @Property(tries = 400)
    void reportedCyclesAreValidBoundedAmplifyingAndUnique(@ForAll("networks") NetworkData n,
                                                          @ForAll @IntRange(min = 1, max = 4) int maxReactions,
                                                          @ForAll @IntRange(min = 1, max = 50) int maxCycles) {
        CycleSearch search = tool.autocatalyticCycles(n, maxReactions, maxCycles);
        Map<String, ReactionNode> byId = new HashMap<>();
        n.reactions().forEach(r -> byId.put(r.id(), r));
        assertTrue(search.cycles().size() <= maxCycles);
        Set<List<String>> seen = new HashSet<>();
        for (Cycle c : search.cycles()) {
            int k = c.reactionIds().size();
            assertTrue(k >= 1 && k <= maxReactions, c.toString());
            assertEquals(k, c.speciesKeys().size());
            assertEquals(k, new HashSet<>(c.reactionIds()).size(), "simple: reactions distinct");
            assertEquals(k, new HashSet<>(c.speciesKeys()).size(), "simple: species distinct");
            for (int i = 0; i < k; i++) {
                ReactionNode r = byId.get(c.reactionIds().get(i));
                String in = c.speciesKeys().get(i);
                String out = c.speciesKeys().get((i + 1) % k);
                assertTrue(r.reactants().stream().anyMatch(s -> s.species().equals(in)), in + " feeds " + r.id());
                assertTrue(r.products().stream().anyMatch(s -> s.species().equals(out)), r.id() + " makes " + out);
            }
            assertEquals(independentAmplified(c, byId), c.amplified());
            assertTrue(!c.amplified().isEmpty());
            assertTrue(seen.add(canonical(c)), "reported twice: " + c);
        }
    }

    /** Completeness against JGraphT's Johnson enumeration, filtered afterwards by length and amplification. */
    @Property(tries = 400)
    void agreesWithJohnsonWhenNotTruncated(@ForAll("networks") NetworkData n,
                                           @ForAll @IntRange(min = 1, max = 4) int maxReactions) {
        CycleSearch search = tool.autocatalyticCycles(n, maxReactions, 10_000);
        assertTrue(!search.truncated());
        Map<String, ReactionNode> byId = new HashMap<>();
        n.reactions().forEach(r -> byId.put(r.id(), r));

        Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        // vertex names interned: JohnsonSimpleCycles copies edges into subgraphs and JGraphT 1.5.2's intrusive-edge
        // check compares an edge's stored endpoints by identity, so equal-but-distinct Strings make it throw
        n.species().forEach(s -> g.addVertex(("s:" + s.key()).intern()));
        for (ReactionNode r : n.reactions()) {
            g.addVertex(("r:" + r.id()).intern());
            r.reactants().forEach(s -> addOnce(g, "s:" + s.species(), "r:" + r.id()));
            r.products().forEach(s -> addOnce(g, "r:" + r.id(), "s:" + s.species()));
        }
        Set<List<String>> expected = new TreeSet<>(BoundedCycleSearch::compareLists);
        long[] withinBound = {0};
        new JohnsonSimpleCycles<>(g).findSimpleCycles(cycle -> {
            if (cycle.size() > 2 * maxReactions) {
                return;
            }
            withinBound[0]++;
            int start = cycle.get(0).startsWith("s:") ? 0 : 1;
            List<String> species = new ArrayList<>();
            List<String> reactions = new ArrayList<>();
            for (int i = 0; i < cycle.size(); i += 2) {
                species.add(cycle.get((start + i) % cycle.size()).substring(2));
                reactions.add(cycle.get((start + i + 1) % cycle.size()).substring(2));
            }
            Cycle c = new Cycle(reactions, species, List.of());
            if (!independentAmplified(c, byId).isEmpty()) {
                expected.add(canonical(c));
            }
        });
        Set<List<String>> actual = new TreeSet<>(BoundedCycleSearch::compareLists);
        search.cycles().forEach(c -> actual.add(canonical(c)));
        assertEquals(expected, actual);
        assertEquals(withinBound[0], search.cyclesExamined());
        Statistics.label("has autocatalytic cycle").collect(!actual.isEmpty());
        Statistics.label("has cycle").collect(withinBound[0] > 0);
        Statistics.label("has autocatalytic cycle").coverage(c -> c.check(true).percentage(p -> p >= 15));
        Statistics.label("has cycle").coverage(c -> c.check(false).percentage(p -> p >= 5));
    }

    private static void addOnce(Graph<String, DefaultEdge> g, String from, String to) {
        if (!g.containsEdge(from, to)) {
            g.addEdge(from.intern(), to.intern());
        }
    }

    /** Amplified members recomputed from the reaction records: sum over the cycle's reactions of products − reactants. */
    private static List<String> independentAmplified(Cycle c, Map<String, ReactionNode> byId) {
        List<String> out = new ArrayList<>(new TreeSet<>(c.speciesKeys()));
        out.removeIf(x -> {
            int net = 0;
            for (String id : c.reactionIds()) {
                ReactionNode r = byId.get(id);
                net += r.products().stream().filter(s -> s.species().equals(x)).mapToInt(Stoich::count).sum();
                net -= r.reactants().stream().filter(s -> s.species().equals(x)).mapToInt(Stoich::count).sum();
            }
            return net <= 0;
        });
        return out;
    }

    /** Rotation-free form: the interleaved walk s0 r0 s1 r1 ... started at its smallest reaction id. */
    private static List<String> canonical(Cycle c) {
        int k = c.reactionIds().size();
        int first = 0;
        for (int i = 1; i < k; i++) {
            if (c.reactionIds().get(i).compareTo(c.reactionIds().get(first)) < 0) {
                first = i;
            }
        }
        List<String> walk = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            walk.add(c.speciesKeys().get((first + j) % k));
            walk.add(c.reactionIds().get((first + j) % k));
        }
        return walk;
    }
}
