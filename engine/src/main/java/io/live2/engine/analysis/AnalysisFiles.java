package io.live2.engine.analysis;

import io.live2.engine.RunDirectory;
import io.live2.model.analysis.ChemistryToolkit;
import io.live2.model.analysis.ProductTracker;
import io.live2.model.analysis.ReactionNetworkTool;
import io.live2.model.analysis.ReactionNetworkTool.Stoich;
import io.live2.model.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the analysis outputs into results/ (field names fixed by the issue, other fields welcome). Every file is
 * written atomically and contains no wall-clock data, so re-analysing the same snapshots gives the same bytes.
 */
final class AnalysisFiles {
    private AnalysisFiles() {
    }

    static void write(Path runDir, AnalysisResult r, Optional<ChemistryToolkit> toolkit) throws IOException {
        Path results = runDir.resolve("results");
        Files.createDirectories(results);
        json(results.resolve("products.json"), products(r));
        json(results.resolve("molecules.json"), molecules(r));
        json(results.resolve("reactions.json"), reactions(r));
        json(results.resolve("reaction_network.json"), r.network());
        AtomicFiles.writeString(results.resolve("species_timeseries.csv"), timeSeriesCsv(r));
        Optional<ReactionNetworkTool> network = Toolkits.network();
        if (network.isPresent()) {
            AtomicFiles.write(results.resolve("reaction_network.graphml"), out -> network.get().writeGraphMl(r.network(), out));
        }
        if (toolkit.isPresent()) {
            AtomicFiles.writeString(results.resolve("molecules.sdf"), sdf(r, toolkit.get()));
        }
        AtomicFiles.writeString(results.resolve("report.html"), HtmlReport.render(r, toolkit));
    }

    private static void json(Path file, Object value) throws IOException {
        RunDirectory.open(file.getParent().getParent()).writeJson(file, value);
    }

    /** What was made (docs/analysis.md "What was made" defines every field). */
    private static Map<String, Object> products(AnalysisResult r) {
        Products p = r.products();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("frames", r.steps().size());
        root.put("feed_species", p.feed().stream().map(AnalysisFiles::speciesRef).toList());
        root.put("products_total", p.products().size());
        root.put("products_cross_feed", p.crossFeedProducts());
        root.put("new_heavy_atom_bonds", p.newHeavyAtomBonds());
        root.put("new_heavy_atom_bonds_final", p.newHeavyAtomBondsFinal());
        Map<String, Object> largest = null;
        if (p.largest() != null) {
            largest = speciesRef(p.largest().species());
            largest.put("heavy_atoms", p.largest().heavyAtoms());
            largest.put("atoms", p.largest().species().atoms());
            largest.put("first_step", p.largest().firstStep());
            largest.put("first_time_ps", p.largest().firstTimePs());
            largest.put("feed", p.largest().feed());
        }
        root.put("largest_molecule", largest);
        root.put("max_pathway_depth", ProductTracker.MAX_PATHWAY_DEPTH);
        List<Map<String, Object>> rows = new ArrayList<>();
        int rank = 0;
        for (Products.Row row : p.products()) {
            Map<String, Object> m = speciesRef(row.species());
            m.put("rank", ++rank);
            m.put("heavy_atoms", row.heavyAtoms());
            m.put("atoms", row.species().atoms());
            m.put("cross_feed_pairs", row.crossFeedPairs());
            m.put("first_step", row.firstStep());
            m.put("first_time_ps", row.firstTimePs());
            m.put("abundance_peak", row.abundancePeak());
            m.put("abundance_final", row.species().abundanceFinal());
            List<Map<String, Object>> path = new ArrayList<>();
            for (Products.Step s : row.pathway()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("step", s.step());
                e.put("time_ps", s.timePs());
                e.put("reaction", s.reactionId());
                e.put("equation", s.equation());
                path.add(e);
            }
            m.put("pathway", path);
            m.put("pathway_truncated", row.pathwayTruncated());
            rows.add(m);
        }
        root.put("products", rows);
        return root;
    }

    /** key, formula and SMILES (null without the toolkit or for open-chemistry kinds), in that order. */
    private static Map<String, Object> speciesRef(SpeciesRow s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", s.key());
        m.put("formula", s.formula());
        m.put("smiles", s.smiles());
        return m;
    }

    private static Map<String, Object> molecules(AnalysisResult r) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SpeciesRow s : r.species()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", s.key());
            m.put("smiles", s.smiles());
            m.put("formula", s.formula());
            m.put("inchikey", s.inchiKey());
            m.put("atoms", s.atoms());
            m.put("first_seen_step", s.firstSeenStep());
            m.put("last_seen_step", s.lastSeenStep());
            m.put("abundance_final", s.abundanceFinal());
            m.put("abundance_peak", s.abundancePeak());
            m.put("observations", s.observations());
            m.put("novel", s.novel());
            rows.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("frames", r.steps().size());
        root.put("species_count", rows.size());
        root.put("novel_species", r.novelSpecies());
        root.put("chemistry_toolkit", r.chemistryToolkit());
        root.put("species", rows);
        return root;
    }

    private static Map<String, Object> reactions(AnalysisResult r) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReactionRow t : r.reactions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("reactants", stoich(t.reactants()));
            m.put("products", stoich(t.products()));
            m.put("events", t.events());
            m.put("first_step", t.firstStep());
            m.put("last_step", t.lastStep());
            m.put("equation", t.equation());
            rows.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("reaction_types", rows.size());
        root.put("events", r.reactionEvents());
        root.put("reactions", rows);
        List<Map<String, Object>> cycles = new ArrayList<>();
        if (r.cycles() != null) {
            for (ReactionNetworkTool.Cycle c : r.cycles().cycles()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("reactions", c.reactionIds());
                m.put("species", c.speciesKeys());
                m.put("amplified", c.amplified());
                cycles.add(m);
            }
        }
        root.put("autocatalytic_cycles", cycles);
        Map<String, Object> search = new LinkedHashMap<>();
        search.put("available", r.cycles() != null);
        search.put("network_tool", r.networkTool());
        search.put("max_reactions_per_cycle", r.maxCycleReactions());
        search.put("max_cycles", r.maxCycles());
        search.put("truncated", r.cycles() != null && r.cycles().truncated());
        search.put("cycles_examined", r.cycles() == null ? 0 : r.cycles().cyclesExamined());
        root.put("autocatalysis_search", search);
        return root;
    }

    private static List<Map<String, Object>> stoich(List<Stoich> terms) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Stoich s : terms) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("species", s.species());
            m.put("count", s.count());
            out.add(m);
        }
        return out;
    }

    /** step × species abundance; one column per species key in catalogue order (what LAMMPS users get from species counting). */
    static String timeSeriesCsv(AnalysisResult r) {
        StringBuilder b = new StringBuilder("step");
        List<long[]> columns = new ArrayList<>();
        for (SpeciesRow s : r.species()) {
            b.append(',').append(s.key());
            columns.add(r.timeSeries().get(s.key()));
        }
        b.append('\n');
        for (int f = 0; f < r.steps().size(); f++) {
            b.append(r.steps().get(f));
            for (long[] col : columns) {
                b.append(',').append(col == null ? 0 : col[f]);
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** One representative 2-D structure per real-element species, with key, formula and SMILES as SD properties. */
    static String sdf(AnalysisResult r, ChemistryToolkit toolkit) {
        StringBuilder b = new StringBuilder();
        for (SpeciesRow s : r.species()) {
            if (!s.representative().allElemental()) {
                continue;
            }
            String block = toolkit.molBlock(s.representative(), s.formula());
            b.append(block);
            if (!block.endsWith("\n")) {
                b.append('\n');
            }
            b.append("> <key>\n").append(s.key()).append("\n\n");
            b.append("> <formula>\n").append(s.formula()).append("\n\n");
            if (s.smiles() != null) {
                b.append("> <smiles>\n").append(s.smiles()).append("\n\n");
            }
            b.append("> <abundance_peak>\n").append(s.abundancePeak()).append("\n\n");
            b.append("$$$$\n");
        }
        return b.toString();
    }
}
