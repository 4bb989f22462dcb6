package io.live2.model.analysis;

import io.live2.model.analysis.ReactionDetector.ReactionEvent;
import io.live2.model.analysis.ReactionNetworkTool.Stoich;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a run made, read from the frames alone (no reaction rules, no list of target molecules): every atom's origin is
 * the molecule it belonged to in the first analysed frame (the feed); a bond between two heavy atoms (any label but H)
 * of different origins is a new heavy-atom bond, which no feed molecule contained. Per species it records the heavy-atom
 * count and the element pairs of such cross-feed bonds; per run the distinct cross-feed atom pairs ever bonded, and the
 * first reaction event that formed each species, from which {@link #report} rebuilds the pathway to every product.
 * Fed by {@link ChemistryAnalysis} once per frame, frames in increasing step order. Not thread-safe.
 */
public final class ProductTracker {
    /** Reactions of a pathway at most: the product's own forming reaction, then up to 7 levels of intermediates. */
    public static final int MAX_PATHWAY_DEPTH = 8;

    /**
     * One reaction of a pathway: the first event that formed some species of it.
     *
     * @param reactionId the event's reaction type (ReactionCatalogue id), null when the catalogue does not know it
     */
    public record PathStep(long step, double timePs, String reactionId, List<Stoich> reactants, List<Stoich> products) {
    }

    /**
     * A species absent from the first frame.
     *
     * @param crossFeedPairs element pairs ("C-N", symbols sorted) of cross-feed heavy-atom bonds seen in any molecule
     *                       of this species, sorted; empty when every heavy-atom bond it was seen with joined atoms of
     *                       one feed molecule
     * @param pathway        the first-forming reactions leading to it, in step order, its own forming reaction last;
     *                       empty when no atom-mapped event formed it
     * @param truncated      the pathway stopped at {@link #MAX_PATHWAY_DEPTH} with intermediates left unexplained
     */
    public record Product(String key, int heavyAtoms, int atoms, List<String> crossFeedPairs, long firstStep,
                          double firstTimePs, long abundancePeak, List<PathStep> pathway, boolean truncated) {
        public boolean crossFeed() {
            return !crossFeedPairs.isEmpty();
        }
    }

    /** The species with the most heavy atoms (then most atoms, then first seen, then key), feed or not. */
    public record Largest(String key, int heavyAtoms, int atoms, long firstStep, double firstTimePs, boolean feed) {
    }

    /**
     * @param newHeavyAtomBonds      per element pair, distinct atom pairs of different origins ever bonded (a bond that
     *                               breaks and re-forms between the same two atoms counts once)
     * @param newHeavyAtomBondsFinal per element pair, such bonds present in the latest frame
     * @param products               species absent from the first frame, by heavy atoms (most first), first step, key
     * @param feedSpecies            keys present in the first frame, sorted
     */
    public record Report(Map<String, Integer> newHeavyAtomBonds, Map<String, Integer> newHeavyAtomBondsFinal,
                         Largest largest, List<Product> products, List<String> feedSpecies) {
        public int crossFeedProducts() {
            return (int) products.stream().filter(Product::crossFeed).count();
        }
    }

    private static final class Species {
        final int heavyAtoms;
        final int atoms;
        final long firstStep;
        final double firstTimePs;
        final TreeSet<String> crossPairs = new TreeSet<>();

        Species(int heavyAtoms, int atoms, long firstStep, double firstTimePs) {
            this.heavyAtoms = heavyAtoms;
            this.atoms = atoms;
            this.firstStep = firstStep;
            this.firstTimePs = firstTimePs;
        }
    }

    /** A forming event, numbered in detection order so that equal steps still sort the same way every time. */
    private record Formation(long ordinal, long step, double timePs, ReactionEvent event) {
    }

    private record AtomPair(long lo, long hi) {
    }

    private ReactionDetector.LongIntMap origin;
    private final Set<String> feed = new HashSet<>();
    private final Map<String, Species> species = new HashMap<>();
    private final Map<String, Formation> firstFormation = new HashMap<>();
    private final Set<AtomPair> crossBonds = new HashSet<>();
    private final Map<String, Integer> newBonds = new TreeMap<>();
    private Map<String, Integer> newBondsFinal = new TreeMap<>();
    private long formations;
    private long frames;

    /**
     * One analysis frame.
     *
     * @param events the atom-mapped events between the previous frame and this one (empty for the first)
     */
    public void accept(long step, double timePs, List<MoleculeGraph> molecules, List<String> keys, List<ReactionEvent> events) {
        if (molecules.size() != keys.size()) {
            throw new IllegalArgumentException(molecules.size() + " molecules but " + keys.size() + " keys");
        }
        if (frames == 0) {
            recordOrigins(molecules, keys);
        }
        for (ReactionEvent e : events) {
            Formation f = new Formation(formations++, step, timePs, e);
            for (String p : e.products()) {
                firstFormation.putIfAbsent(p, f);
            }
        }
        Map<String, Integer> present = new TreeMap<>();
        for (int i = 0; i < molecules.size(); i++) {
            MoleculeGraph g = molecules.get(i);
            Species sp = species.get(keys.get(i));
            if (sp == null) {
                sp = new Species(heavyAtoms(g), g.atomCount(), step, timePs);
                species.put(keys.get(i), sp);
            }
            if (sp.heavyAtoms >= 2) {
                crossFeedBonds(g, sp, present);
            }
        }
        newBondsFinal = present;
        frames++;
    }

    /** Origins are molecule indices of the first frame, which are in order of smallest atom id: deterministic. */
    private void recordOrigins(List<MoleculeGraph> molecules, List<String> keys) {
        int atoms = 0;
        for (MoleculeGraph g : molecules) {
            atoms += g.atomCount();
        }
        origin = new ReactionDetector.LongIntMap(Math.max(4, atoms));
        for (int m = 0; m < molecules.size(); m++) {
            for (long id : molecules.get(m).atomIds()) {
                origin.put(id, m);
            }
        }
        feed.addAll(keys);
    }

    /**
     * Heavy-atom bonds of g whose atoms came from different feed molecules. An atom absent from the first frame (never
     * in a closed simulation) has no known origin, so its bonds are not counted: no claim without evidence.
     */
    private void crossFeedBonds(MoleculeGraph g, Species sp, Map<String, Integer> present) {
        String[] labels = g.labels();
        long[] ids = g.atomIds();
        for (int e = 0; e < g.bondCount(); e++) {
            int a = g.bondA()[e];
            int b = g.bondB()[e];
            if (isHydrogen(labels[a]) || isHydrogen(labels[b])) {
                continue;
            }
            int oa = origin.get(ids[a]);
            int ob = origin.get(ids[b]);
            if (oa < 0 || ob < 0 || oa == ob) {
                continue;
            }
            String pair = pair(labels[a], labels[b]);
            sp.crossPairs.add(pair);
            present.merge(pair, 1, Integer::sum);
            if (crossBonds.add(new AtomPair(Math.min(ids[a], ids[b]), Math.max(ids[a], ids[b])))) {
                newBonds.merge(pair, 1, Integer::sum);
            }
        }
    }

    /** The pair label: the two labels sorted and joined by '-', e.g. "C-N", "C-C". */
    static String pair(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "-" + b : b + "-" + a;
    }

    static boolean isHydrogen(String label) {
        return "H".equals(label);
    }

    static int heavyAtoms(MoleculeGraph g) {
        int n = 0;
        for (String l : g.labels()) {
            if (!isHydrogen(l)) {
                n++;
            }
        }
        return n;
    }

    /** The report so far; abundance peaks come from the catalogue, reaction ids from the reaction catalogue. */
    public Report report(SpeciesCatalogue catalogue, ReactionCatalogue reactions) {
        Map<String, Long> peak = new HashMap<>();
        for (SpeciesCatalogue.SpeciesRecord r : catalogue.species()) {
            peak.put(r.key(), r.abundancePeak());
        }
        List<String> keys = new ArrayList<>(species.keySet());
        keys.sort(null);
        Largest largest = null;
        List<Product> products = new ArrayList<>();
        for (String k : keys) {
            Species s = species.get(k);
            Largest c = new Largest(k, s.heavyAtoms, s.atoms, s.firstStep, s.firstTimePs, feed.contains(k));
            if (largest == null || LARGEST.compare(c, largest) < 0) {
                largest = c;
            }
            if (!feed.contains(k)) {
                boolean[] truncated = {false};
                products.add(new Product(k, s.heavyAtoms, s.atoms, List.copyOf(s.crossPairs), s.firstStep, s.firstTimePs,
                        peak.getOrDefault(k, 0L), pathway(k, reactions, truncated), truncated[0]));
            }
        }
        products.sort(Comparator.comparingInt(Product::heavyAtoms).reversed().thenComparingLong(Product::firstStep)
                .thenComparing(Product::key));
        List<String> feedKeys = new ArrayList<>(feed);
        feedKeys.sort(null);
        return new Report(Collections.unmodifiableMap(new TreeMap<>(newBonds)),
                Collections.unmodifiableMap(new TreeMap<>(newBondsFinal)), largest, List.copyOf(products), List.copyOf(feedKeys));
    }

    private static final Comparator<Largest> LARGEST = Comparator.comparingInt(Largest::heavyAtoms).reversed()
            .thenComparing(Comparator.comparingInt(Largest::atoms).reversed())
            .thenComparingLong(Largest::firstStep).thenComparing(Largest::key);

    /**
     * The first-forming reaction of the product, then, for each of its reactants that is not a feed species (in key
     * order), that reactant's first-forming reaction, recursively, each species explained once, at most
     * {@link #MAX_PATHWAY_DEPTH} reactions deep. First-forming steps strictly decrease along a chain (a reactant existed
     * before the event that consumed it), so the walk always ends; the result is sorted by step, then detection order.
     */
    List<PathStep> pathway(String product, ReactionCatalogue reactions, boolean[] truncated) {
        Set<Formation> found = new LinkedHashSet<>();
        Set<String> explained = new HashSet<>();
        explained.add(product);
        walk(product, 1, explained, found, truncated);
        List<Formation> ordered = new ArrayList<>(found);
        ordered.sort(Comparator.comparingLong(Formation::step).thenComparingLong(Formation::ordinal));
        List<PathStep> out = new ArrayList<>(ordered.size());
        for (Formation f : ordered) {
            out.add(new PathStep(f.step(), f.timePs(), reactions.idOf(f.event()), ReactionCatalogue.stoich(f.event().reactants()),
                    ReactionCatalogue.stoich(f.event().products())));
        }
        return List.copyOf(out);
    }

    private void walk(String key, int depth, Set<String> explained, Set<Formation> found, boolean[] truncated) {
        Formation f = firstFormation.get(key);
        if (f == null || !found.add(f)) {
            return;
        }
        for (String r : new TreeSet<>(f.event().reactants())) {
            if (feed.contains(r) || !explained.add(r)) {
                continue;
            }
            if (depth >= MAX_PATHWAY_DEPTH) {
                truncated[0] = true;
                continue;
            }
            walk(r, depth + 1, explained, found, truncated);
        }
    }

    /** Frames seen so far. */
    public long frames() {
        return frames;
    }
}
