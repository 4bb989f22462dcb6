package io.live2.model.analysis;

/**
 * Cheminformatics for species made of real elements: canonical SMILES, Hill formula, InChIKey, MDL molfile and 2-D
 * depiction. Implemented by the chemistry-cdk adapter (Chemistry Development Kit) and found with ServiceLoader, so
 * the model and the engine never import CDK. Implementations must be thread-safe or document otherwise.
 */
public interface ChemistryToolkit {
    /** Short name for logs and metadata, e.g. "cdk 2.9". */
    String name();

    /**
     * Identity of a molecule whose atoms are all real elements (explicit hydrogens, bond orders as given, no charges):
     * canonical SMILES, Hill formula, and InChIKey (null when the InChI library cannot be loaded here).
     * Atoms with fewer bonds than their usual valence are radicals, never implicit hydrogens.
     */
    Identity identify(MoleculeGraph molecule);

    /** An MDL V2000 molfile block (no "$$$$" terminator) with the molecule's 2-D coordinates, titled. */
    String molBlock(MoleculeGraph molecule, String title);

    /** A standalone SVG depiction of the molecule. */
    String depictSvg(MoleculeGraph molecule);

    /**
     * A standalone SVG depiction of a molecule written as SMILES (as {@link #identify} writes it), laid out by the
     * toolkit: the dashboard draws a species from its table row. A toolkit that cannot read SMILES keeps this default.
     *
     * @throws IllegalArgumentException when the text is not SMILES the toolkit can read (the message says why)
     * @throws UnsupportedOperationException when this toolkit does not read SMILES
     */
    default String depictSmilesSvg(String smiles) {
        throw new UnsupportedOperationException(name() + " does not read SMILES");
    }

    /**
     * The identity of a molecule written as SMILES by a user (implicit hydrogens as SMILES defines them), in the same
     * terms as {@link #identify}: canonical SMILES, Hill formula and InChIKey, so a user's query can be compared with
     * the species of a run. A toolkit that cannot read SMILES keeps this default.
     *
     * @throws IllegalArgumentException when the text is not SMILES the toolkit can read (the message says why)
     * @throws UnsupportedOperationException when this toolkit does not read SMILES
     */
    default Identity identifySmiles(String smiles) {
        throw new UnsupportedOperationException(name() + " does not read SMILES");
    }

    /** @param inchiKey null when unavailable */
    record Identity(String smiles, String formula, String inchiKey) {
    }
}
