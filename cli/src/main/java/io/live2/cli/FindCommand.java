package io.live2.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.live2.engine.analysis.Toolkits;
import io.live2.model.analysis.ChemistryToolkit;
import io.live2.model.analysis.ChemistryToolkit.Identity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * live find DIR SMILES...: whether a run made the molecules a user names, read from the run's analysis
 * (results/molecules.json, and results/products.json for pathways when present). The user supplies the molecules:
 * nothing in the engine or the analysis knows of a target.
 */
@Command(name = "find", mixinStandardHelpOptions = true,
        description = {"Report whether the run in DIR made each molecule given as SMILES: the matching species, when it "
                + "first appeared and its peak count, as a Markdown table.",
                "A species matches when its InChIKey's first block (atoms, connections and hydrogen positions; not bond "
                        + "orders, charges or radicals; tautomers such as formamide and formimidic acid share it) equals "
                        + "the query's, or, without InChI, when formula and canonical SMILES are equal. Each matching form "
                        + "is listed with its own first appearance."})
final class FindCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Run directory written by 'live run' (analysed).")
    Path dir;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "SMILES", description = "Molecules to look for, e.g. NCC(=O)O.")
    List<String> queries;

    @Override
    public Integer call() throws IOException {
        Path molecules = dir.resolve("results/molecules.json");
        if (!Files.isRegularFile(molecules)) {
            throw new BadInputException("DIR: " + dir + " has no results/molecules.json; run 'live analyze " + dir + "' first");
        }
        ChemistryToolkit toolkit = Toolkits.chemistry().orElseThrow(() -> new BadInputException(
                "live find needs the chemistry-cdk adapter on the class path to read SMILES"));
        ObjectMapper json = new ObjectMapper();
        RunSpecies run = RunSpecies.read(json, dir);
        System.out.println(SpeciesMatches.HEADER);
        for (String query : queries) {
            Identity id;
            try {
                id = toolkit.identifySmiles(query);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("SMILES: '" + query + "' is " + e.getMessage());
            }
            System.out.println(SpeciesMatches.row(query, id, run));
        }
        return Main.OK;
    }

    /** The species of an analysed run and the facts a match row shows. */
    record RunSpecies(List<JsonNode> species, double timestepPs, JsonNode products) {
        static RunSpecies read(ObjectMapper json, Path dir) throws IOException {
            JsonNode molecules = json.readTree(dir.resolve("results/molecules.json").toFile());
            List<JsonNode> species = new java.util.ArrayList<>();
            molecules.path("species").forEach(species::add);
            double dt = Double.NaN;
            Path metadata = dir.resolve("metadata.json");
            if (Files.isRegularFile(metadata)) {
                dt = json.readTree(metadata.toFile()).path("config").path("timestep").asDouble(Double.NaN);
            }
            Path productsFile = dir.resolve("results/products.json");
            JsonNode products = Files.isRegularFile(productsFile) ? json.readTree(productsFile.toFile()) : null;
            return new RunSpecies(species, dt, products);
        }
    }
}
