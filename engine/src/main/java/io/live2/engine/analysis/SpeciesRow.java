package io.live2.engine.analysis;

import io.live2.model.analysis.MoleculeGraph;

/** One species as the outputs show it: the catalogue record joined with its cheminformatics identity. */
record SpeciesRow(String key, String smiles, String formula, String inchiKey, int atoms, long firstSeenStep,
                  long lastSeenStep, long abundanceFinal, long abundancePeak, long observations, boolean novel,
                  MoleculeGraph representative) {
}
