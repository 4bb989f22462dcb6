package io.live2.chemistry.cdk;

import io.live2.model.analysis.MoleculeGraph;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The same graph is the same species however its atoms (and bonds) are numbered. */
class CanonicalSmilesProperties {

    private final CdkToolkit toolkit = new CdkToolkit();

    @Provide
    Arbitrary<MoleculeGraph> molecules() {
        return Arbitraries.of(List.of(Mol.methane(), Mol.water(), Mol.ammonia(), Mol.hydrogenCyanide(),
                Mol.formamide(), Mol.hydrogen(), Mol.carbonDioxide(), Mol.methanol(), Mol.formicAcid(),
                Mol.methylRadical(), Mol.ethanol(), Mol.dimethylEther(), Mol.glycine()));
    }

    @Property(tries = 300)
    void renumberingKeepsTheCanonicalSmilesAndFormula(@ForAll("molecules") MoleculeGraph molecule,
                                                      @ForAll Random random) {
        MoleculeGraph shuffled = Mol.renumbered(molecule, random);
        var original = toolkit.identify(molecule);
        var renumbered = toolkit.identify(shuffled);
        assertEquals(original.smiles(), renumbered.smiles(), molecule + " vs " + shuffled);
        assertEquals(original.formula(), renumbered.formula());
        assertEquals(original.inchiKey(), renumbered.inchiKey());
    }
}
