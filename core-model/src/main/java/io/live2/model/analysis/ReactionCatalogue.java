package io.live2.model.analysis;

import io.live2.model.analysis.ReactionDetector.ReactionEvent;
import io.live2.model.analysis.ReactionNetworkTool.Stoich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reaction types: events aggregated by their reactant and product species multisets. Ids R1, R2, ... follow the
 * order of first appearance. A type and its reverse are different types. Not thread-safe.
 */
public final class ReactionCatalogue {

    /**
     * @param reactants species with multiplicity, sorted by key
     * @param products  species with multiplicity, sorted by key
     * @param events    events of this type
     * @param firstStep step of the first event
     * @param lastStep  step of the latest event
     */
    public record ReactionType(String id, List<Stoich> reactants, List<Stoich> products, long events, long firstStep,
                               long lastStep) {
    }

    private static final class Agg {
        final String id;
        final List<Stoich> reactants;
        final List<Stoich> products;
        final long firstStep;
        long events;
        long lastStep;

        Agg(String id, List<Stoich> reactants, List<Stoich> products, long firstStep) {
            this.id = id;
            this.reactants = reactants;
            this.products = products;
            this.firstStep = firstStep;
        }
    }

    private final Map<List<List<String>>, Agg> byKey = new HashMap<>();
    private final List<Agg> inOrder = new ArrayList<>();
    private long eventCount;

    public void add(ReactionEvent e) {
        List<String> r = sorted(e.reactants());
        List<String> p = sorted(e.products());
        List<List<String>> key = List.of(r, p);
        Agg a = byKey.get(key);
        if (a == null) {
            a = new Agg("R" + (inOrder.size() + 1), stoich(r), stoich(p), e.step());
            byKey.put(key, a);
            inOrder.add(a);
        }
        a.events++;
        a.lastStep = Math.max(a.lastStep, e.step());
        eventCount++;
    }

    /** Types in id order. */
    public List<ReactionType> types() {
        List<ReactionType> out = new ArrayList<>(inOrder.size());
        for (Agg a : inOrder) {
            out.add(new ReactionType(a.id, a.reactants, a.products, a.events, a.firstStep, a.lastStep));
        }
        return out;
    }

    /** The id of the type an added event belongs to, or null when no such event was added. */
    public String idOf(ReactionEvent e) {
        Agg a = byKey.get(List.of(sorted(e.reactants()), sorted(e.products())));
        return a == null ? null : a.id;
    }

    /** Events added so far. */
    public long eventCount() {
        return eventCount;
    }

    private static List<String> sorted(List<String> keys) {
        List<String> s = new ArrayList<>(keys);
        s.sort(null);
        return List.copyOf(s);
    }

    /** Run-length groups of a sorted key list. */
    static List<Stoich> stoich(List<String> sortedKeys) {
        List<Stoich> out = new ArrayList<>();
        int i = 0;
        while (i < sortedKeys.size()) {
            int j = i;
            while (j < sortedKeys.size() && sortedKeys.get(j).equals(sortedKeys.get(i))) {
                j++;
            }
            out.add(new Stoich(sortedKeys.get(i), j - i));
            i = j;
        }
        return List.copyOf(out);
    }
}
