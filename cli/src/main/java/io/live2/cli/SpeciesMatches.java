package io.live2.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.live2.model.analysis.ChemistryToolkit.Identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The rows of `live find`: which species of a run are the molecule a user asked for. */
final class SpeciesMatches {
    static final String HEADER = "| query | formula | made | as the run wrote it | first seen | peak count | new bonds | pathway |\n"
            + "|---|---|---|---|---|---|---|---|";

    private SpeciesMatches() {
    }

    /**
     * The species that are the query: the same first InChIKey block (the constitution with its hydrogens; bond
     * orders, charges and radicals are the second block's and the InChI layers after it, and the run's graph has no
     * charges), or, when either side has no InChIKey, the same formula and canonical SMILES. Earliest first.
     */
    static List<JsonNode> matches(Identity query, List<JsonNode> species) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode s : species) {
            String key = s.path("inchikey").asText(null);
            boolean same = query.inchiKey() != null && key != null
                    ? skeleton(key).equals(skeleton(query.inchiKey()))
                    : query.formula().equals(s.path("formula").asText()) && query.smiles().equals(s.path("smiles").asText());
            if (same) {
                found.add(s);
            }
        }
        found.sort(Comparator.comparingLong((JsonNode s) -> s.path("first_seen_step").asLong())
                .thenComparing(s -> s.path("key").asText()));
        return found;
    }

    private static String skeleton(String inchiKey) {
        int dash = inchiKey.indexOf('-');
        return dash < 0 ? inchiKey : inchiKey.substring(0, dash);
    }

    static String row(String query, Identity id, FindCommand.RunSpecies run) {
        List<JsonNode> found = matches(id, run.species());
        if (found.isEmpty()) {
            return "| `" + query + "` | " + id.formula() + " | no | | | | | |";
        }
        JsonNode first = found.get(0);
        List<String> written = new ArrayList<>();
        long peak = 0;
        for (JsonNode s : found) {
            // several forms (bond orders, radicals, or tautomers, which standard InChI does not tell apart): each
            // with its own first appearance, so nobody reads formimidic acid's time as formamide's
            String form = "`" + s.path("smiles").asText("?") + "`";
            written.add(found.size() == 1 ? form : form + " (" + when(s.path("first_seen_step").asLong(), run) + ")");
            peak = Math.max(peak, s.path("abundance_peak").asLong());
        }
        String when = when(first.path("first_seen_step").asLong(), run) + " (step " + first.path("first_seen_step").asLong() + ")";
        return "| `" + query + "` | " + id.formula() + " | yes | " + String.join(", ", written) + " | " + when + " | "
                + peak + " | " + Pathways.newBonds(first.path("key").asText(), run.products()) + " | "
                + Pathways.of(first.path("key").asText(), run.products()) + " |";
    }

    private static String when(long step, FindCommand.RunSpecies run) {
        return Double.isNaN(run.timestepPs()) ? "step " + step : String.format(Locale.ROOT, "%.2f ps", step * run.timestepPs());
    }
}
