package io.live2.engine.analysis;

import io.live2.model.analysis.ProductTracker;
import io.live2.model.analysis.ReactionNetworkTool.Stoich;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the run made, as the outputs show it: core-model's {@link ProductTracker.Report} joined with each species'
 * formula, SMILES and structure (from the chemistry toolkit, as molecules.json has them), and pathways written as
 * equations in formulas. products.json, the report's first section and the results.json top line all read this.
 *
 * @param newHeavyAtomBonds      per element pair ("C-N"), distinct atom pairs of different feed molecules ever bonded
 * @param newHeavyAtomBondsFinal per element pair, such bonds present in the last frame
 * @param largest                null only when no frame was analysed
 * @param products               species absent from the first frame, by heavy atoms, then first step, then key
 * @param feed                   the species of the first frame, in key order
 */
record Products(Map<String, Integer> newHeavyAtomBonds, Map<String, Integer> newHeavyAtomBondsFinal, Largest largest,
                List<Row> products, List<SpeciesRow> feed) {

    /** One reaction of a pathway; equation in formulas with " -> " as in reactions.json. */
    record Step(long step, double timePs, String reactionId, String equation) {
    }

    record Row(SpeciesRow species, int heavyAtoms, List<String> crossFeedPairs, long firstStep, double firstTimePs,
               long abundancePeak, List<Step> pathway, boolean pathwayTruncated) {
        boolean crossFeed() {
            return !crossFeedPairs.isEmpty();
        }
    }

    record Largest(SpeciesRow species, int heavyAtoms, long firstStep, double firstTimePs, boolean feed) {
    }

    int crossFeedProducts() {
        return (int) products.stream().filter(Row::crossFeed).count();
    }

    /**
     * @param speciesOf the output row of every species key the report names
     * @param equation  writes a reaction's two sides in formulas
     */
    static Products of(ProductTracker.Report r, Map<String, SpeciesRow> speciesOf,
                       Function<List<List<Stoich>>, String> equation) {
        List<Row> rows = new ArrayList<>(r.products().size());
        for (ProductTracker.Product p : r.products()) {
            List<Step> steps = new ArrayList<>(p.pathway().size());
            for (ProductTracker.PathStep s : p.pathway()) {
                steps.add(new Step(s.step(), s.timePs(), s.reactionId(), equation.apply(List.of(s.reactants(), s.products()))));
            }
            rows.add(new Row(speciesOf.get(p.key()), p.heavyAtoms(), p.crossFeedPairs(), p.firstStep(), p.firstTimePs(),
                    p.abundancePeak(), List.copyOf(steps), p.truncated()));
        }
        ProductTracker.Largest l = r.largest();
        Largest largest = l == null ? null
                : new Largest(speciesOf.get(l.key()), l.heavyAtoms(), l.firstStep(), l.firstTimePs(), l.feed());
        return new Products(r.newHeavyAtomBonds(), r.newHeavyAtomBondsFinal(), largest, List.copyOf(rows),
                r.feedSpecies().stream().map(speciesOf::get).toList());
    }
}
