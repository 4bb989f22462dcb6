package io.live2.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.live2.model.analysis.ChemistryToolkit.Identity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which species of a run `live find` takes for the molecule asked for. */
class SpeciesMatchesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode species(String key, String smiles, String formula, String inchiKey, long first, long peak) {
        var n = JSON.createObjectNode().put("key", key).put("smiles", smiles).put("formula", formula)
                .put("first_seen_step", first).put("abundance_peak", peak);
        if (inchiKey != null) {
            n.put("inchikey", inchiKey);
        }
        return n;
    }

    // formaldehyde and hydroxymethylene share CH2O but not where the hydrogens sit, so not the first block
    private static final JsonNode FORMALDEHYDE_RADICAL_PAIR = species("k2", "[CH2][O]", "CH2O", "WSFSSNUMVMOOMR-UHFFFAOYSA-N", 900, 2);
    private static final JsonNode FORMALDEHYDE = species("k1", "C=O", "CH2O", "WSFSSNUMVMOOMR-UHFFFAOYSA-N", 1200, 5);
    private static final JsonNode HYDROXYMETHYLENE = species("k3", "[CH]O", "CH2O", "BAVDSKNBSXKOMT-UHFFFAOYSA-N", 100, 9);

    @Test
    void theConstitutionMatchesWhateverTheBondOrdersAndRadicals() {
        Identity query = new Identity("C=O", "CH2O", "WSFSSNUMVMOOMR-UHFFFAOYSA-N");
        List<JsonNode> found = SpeciesMatches.matches(query, List.of(FORMALDEHYDE, HYDROXYMETHYLENE, FORMALDEHYDE_RADICAL_PAIR));
        assertEquals(List.of("k2", "k1"), found.stream().map(s -> s.path("key").asText()).toList(), "earliest first, isomer left out");
    }

    @Test
    void withoutInchiFormulaAndCanonicalSmilesDecide() {
        Identity query = new Identity("C=O", "CH2O", null);
        List<JsonNode> found = SpeciesMatches.matches(query, List.of(FORMALDEHYDE, HYDROXYMETHYLENE, FORMALDEHYDE_RADICAL_PAIR));
        assertEquals(List.of("k1"), found.stream().map(s -> s.path("key").asText()).toList());
    }

    @Test
    void aRowGivesTheFirstAppearanceInPicosecondsAndThePeakOverTheMatches() {
        var run = new FindCommand.RunSpecies(List.of(FORMALDEHYDE, HYDROXYMETHYLENE, FORMALDEHYDE_RADICAL_PAIR), 0.00025, null);
        String row = SpeciesMatches.row("C=O", new Identity("C=O", "CH2O", "WSFSSNUMVMOOMR-UHFFFAOYSA-N"), run);
        assertTrue(row.startsWith("| `C=O` | CH2O | yes | `[CH2][O]` (0.23 ps), `C=O` (0.30 ps) | 0.23 ps (step 900) | 5 |"), row);
        String none = SpeciesMatches.row("NCC(=O)O", new Identity("NCC(=O)O", "C2H5NO2", "DHMQDGOQFOQNFH-UHFFFAOYSA-N"), run);
        assertTrue(none.startsWith("| `NCC(=O)O` | C2H5NO2 | no |"), none);
    }

    @Test
    void theRowCarriesTheNewBondsAndThePathwayOfTheEarliestMatch() throws Exception {
        JsonNode products = JSON.readTree("""
                {"feed_species": [{"key": "k3"}],
                 "products": [{"key": "k2", "cross_feed_pairs": ["C-O"], "pathway_truncated": true,
                   "pathway": [{"step": 400, "time_ps": 0.1, "equation": "CH4 -> CH2 + H2"},
                               {"step": 900, "time_ps": 0.225, "equation": "CH2 + O -> CH2O"}]}]}""");
        var run = new FindCommand.RunSpecies(List.of(FORMALDEHYDE, FORMALDEHYDE_RADICAL_PAIR), 0.00025, products);
        String row = SpeciesMatches.row("C=O", new Identity("C=O", "CH2O", "WSFSSNUMVMOOMR-UHFFFAOYSA-N"), run);
        assertTrue(row.endsWith("| 5 | C-O | 0.10 ps: CH4 -> CH2 + H2; 0.23 ps: CH2 + O -> CH2O; … |"), row);
        assertEquals("feed", Pathways.of("k3", products));
        assertEquals("–", Pathways.of("k1", products), "a species products.json does not list");
    }
}
