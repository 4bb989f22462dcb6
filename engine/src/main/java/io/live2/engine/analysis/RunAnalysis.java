package io.live2.engine.analysis;

import io.live2.engine.RunDirectoryException;
import io.live2.model.io.StepFiles;
import io.live2.model.analysis.ChemistryAnalysis;
import io.live2.model.analysis.ChemistryToolkit;
import io.live2.model.analysis.MoleculeGraph;
import io.live2.model.analysis.ReactionCatalogue;
import io.live2.model.analysis.ReactionNetworkTool;
import io.live2.model.analysis.ReactionNetworkTool.Stoich;
import io.live2.model.analysis.SpeciesCatalogue;
import io.live2.model.io.FrameLog;
import io.live2.model.io.SnapshotJson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chemistry analysis of a run directory: reads the frames of snapshots/ in step order (the frame log, or one
 * snapshot file per frame in directories written before it), finds molecules, species and atom-mapped
 * reactions (core-model), names species with the chemistry toolkit and builds the reaction network when those
 * adapters are present, tracks what the run made from its feed (core-model's ProductTracker), and writes
 * results/products.json, molecules.json, reactions.json, species_timeseries.csv, reaction_network.graphml and .json,
 * molecules.sdf and report.html. The same snapshots always give the same files:
 * `live run` calls this when a run ends and `live analyze` calls it on demand.
 */
public final class RunAnalysis {
    /** Autocatalysis search bounds (docs/analysis.md). */
    public static final int MAX_CYCLE_REACTIONS = 4;
    public static final int MAX_CYCLES = 1000;

    /**
     * What the analysis found, for results.json and the command line.
     *
     * @param products          species absent from the first frame
     * @param productsCrossFeed products with a heavy-atom bond between atoms of different feed molecules
     * @param newHeavyAtomBonds per element pair ("C-N"), distinct cross-feed heavy-atom bonds formed over the run
     * @param largestFormula    the largest species (most heavy atoms, then atoms); null when nothing was analysed
     * @param largestFeed       the largest species was already in the first frame
     */
    public record Summary(int frames, int species, int novelSpecies, int reactionTypes, long reactionEvents,
                          int autocatalyticCycles, int products, int productsCrossFeed, Map<String, Integer> newHeavyAtomBonds,
                          String largestFormula, int largestHeavyAtoms, double largestTimePs, boolean largestFeed,
                          double seconds) {

        /** Adds the analysis fields to a results.json map (field names in docs/getting-started.md). */
        public void addTo(Map<String, Object> results) {
            results.put("analysis_frames", frames);
            results.put("species_total", species);
            results.put("species_novel", novelSpecies);
            results.put("reaction_types", reactionTypes);
            results.put("reaction_events", reactionEvents);
            results.put("autocatalytic_cycles", autocatalyticCycles);
            results.put("products", products);
            results.put("products_cross_feed", productsCrossFeed);
            results.put("new_heavy_atom_bonds", newHeavyAtomBonds);
            if (largestFormula != null) {
                results.put("largest_molecule_formula", largestFormula);
                results.put("largest_molecule_heavy_atoms", largestHeavyAtoms);
                results.put("largest_molecule_time_ps", largestTimePs);
                results.put("largest_molecule_feed", largestFeed);
            }
        }
    }

    private RunAnalysis() {
    }

    /**
     * @throws io.live2.model.io.DamagedFileException when a snapshot cannot be read back (the message names it)
     * @throws RunDirectoryException                  when there are no snapshots
     */
    public static Summary analyze(Path runDirectory) throws IOException {
        long start = System.nanoTime();
        Path dir = runDirectory.resolve("snapshots");
        ChemistryAnalysis analysis = new ChemistryAnalysis();
        int frames;
        if (!FrameLog.segments(dir).isEmpty()) {
            frames = FrameLog.read(dir, analysis::accept);
        } else {
            // a run directory written before the frame log: one snapshot file per frame
            List<Path> snapshots = snapshots(dir);
            for (Path p : snapshots) {
                analysis.accept(SnapshotJson.read(p));
            }
            frames = snapshots.size();
        }
        if (frames == 0) {
            throw new RunDirectoryException(dir + ": no snapshot frames (frames_<step>.jsonl.gz) or snapshot files"
                    + " (snapshot_<step>.json) to analyse");
        }
        AnalysisResult result = summarise(analysis, Toolkits.chemistry(), Toolkits.network());
        AnalysisFiles.write(runDirectory, result, Toolkits.chemistry());
        double seconds = (System.nanoTime() - start) / 1e9;
        Products made = result.products();
        Products.Largest largest = made.largest();
        return new Summary(frames, result.species().size(), result.novelSpecies(), result.reactions().size(),
                result.reactionEvents(), result.cycles() == null ? 0 : result.cycles().cycles().size(), made.products().size(),
                made.crossFeedProducts(), made.newHeavyAtomBonds(), largest == null ? null : largest.species().formula(),
                largest == null ? 0 : largest.heavyAtoms(), largest == null ? 0 : largest.firstTimePs(),
                largest != null && largest.feed(), seconds);
    }

    static List<Path> snapshots(Path dir) throws IOException {
        return StepFiles.snapshots(dir); // by step number: past step 10^9 the names are longer and text order is wrong
    }

    static AnalysisResult summarise(ChemistryAnalysis analysis, Optional<ChemistryToolkit> toolkit,
                                    Optional<ReactionNetworkTool> networkTool) {
        SpeciesCatalogue catalogue = analysis.catalogue();
        List<SpeciesRow> species = new ArrayList<>();
        Map<String, String> formulaOf = new HashMap<>();
        Map<String, SpeciesRow> rowOf = new HashMap<>();
        for (SpeciesCatalogue.SpeciesRecord r : catalogue.species()) {
            MoleculeGraph g = r.representative();
            String smiles = null;
            String inchiKey = null;
            String formula = Formulas.of(g);
            if (g.allElemental() && toolkit.isPresent()) {
                ChemistryToolkit.Identity id = toolkit.get().identify(g);
                smiles = id.smiles();
                inchiKey = id.inchiKey();
                formula = id.formula() != null ? id.formula() : formula;
            }
            formulaOf.put(r.key(), formula);
            SpeciesRow row = new SpeciesRow(r.key(), smiles, formula, inchiKey, r.atoms(), r.firstSeenStep(), r.lastSeenStep(),
                    r.abundanceFinal(), r.abundancePeak(), r.observations(), r.novel(), g);
            rowOf.put(r.key(), row);
            species.add(row);
        }
        List<ReactionRow> reactions = new ArrayList<>();
        for (ReactionCatalogue.ReactionType t : analysis.reactions().types()) {
            String equation = side(t.reactants(), formulaOf) + " -> " + side(t.products(), formulaOf);
            reactions.add(new ReactionRow(t.id(), t.reactants(), t.products(), t.events(), t.firstStep(), t.lastStep(), equation));
        }
        ReactionNetworkTool.NetworkData network = new ReactionNetworkTool.NetworkData(
                species.stream().map(s -> new ReactionNetworkTool.SpeciesNode(s.key(), s.formula(), s.smiles())).toList(),
                reactions.stream().map(r -> new ReactionNetworkTool.ReactionNode(r.id(), r.reactants(), r.products(), r.events(),
                        r.firstStep())).toList());
        ReactionNetworkTool.CycleSearch cycles = networkTool
                .map(tool -> tool.autocatalyticCycles(network, MAX_CYCLE_REACTIONS, MAX_CYCLES)).orElse(null);
        Products products = Products.of(analysis.products(), rowOf,
                sides -> side(sides.get(0), formulaOf) + " -> " + side(sides.get(1), formulaOf));
        return new AnalysisResult(species, reactions, products, analysis.reactions().eventCount(), catalogue.steps(),
                catalogue.timeSeries(), catalogue.novelPerFrame(), network, cycles, MAX_CYCLE_REACTIONS, MAX_CYCLES,
                toolkit.map(ChemistryToolkit::name).orElse(null), networkTool.map(ReactionNetworkTool::name).orElse(null));
    }

    private static String side(List<Stoich> terms, Map<String, String> formulaOf) {
        StringBuilder b = new StringBuilder();
        for (Stoich s : terms) {
            if (!b.isEmpty()) {
                b.append(" + ");
            }
            if (s.count() > 1) {
                b.append(s.count()).append(' ');
            }
            b.append(formulaOf.getOrDefault(s.species(), s.species()));
        }
        return b.toString();
    }
}
