package io.live2.chemistry.cdk;

import io.live2.model.analysis.ChemistryToolkit;
import io.live2.model.analysis.ChemistryToolkit.Identity;
import io.live2.model.analysis.MoleculeGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;
import org.openscience.cdk.smiles.SmilesParser;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;
import org.openscience.cdk.tools.manipulator.MolecularFormulaManipulator;

import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Known molecules (built by hand with real 2-D geometry) give known canonical SMILES and Hill formulae. */
class CdkToolkitTest {

    private final CdkToolkit toolkit = new CdkToolkit();

    static Stream<Arguments> known() {
        return Stream.of(
                Arguments.of("methane", (Supplier<MoleculeGraph>) Mol::methane, "C", "CH4"),
                Arguments.of("water", (Supplier<MoleculeGraph>) Mol::water, "O", "H2O"),
                Arguments.of("ammonia", (Supplier<MoleculeGraph>) Mol::ammonia, "N", "H3N"),
                // CDK 2.9 canonical order: HCN is written N#C, formamide O=CN, methanol OC, formic acid O=CO
                Arguments.of("hydrogen cyanide", (Supplier<MoleculeGraph>) Mol::hydrogenCyanide, "N#C", "CHN"),
                Arguments.of("formamide", (Supplier<MoleculeGraph>) Mol::formamide, "O=CN", "CH3NO"),
                Arguments.of("hydrogen", (Supplier<MoleculeGraph>) Mol::hydrogen, "[H][H]", "H2"),
                Arguments.of("carbon dioxide", (Supplier<MoleculeGraph>) Mol::carbonDioxide, "O=C=O", "CO2"),
                Arguments.of("methanol", (Supplier<MoleculeGraph>) Mol::methanol, "OC", "CH4O"),
                Arguments.of("formic acid", (Supplier<MoleculeGraph>) Mol::formicAcid, "O=CO", "CH2O2"),
                Arguments.of("methyl radical", (Supplier<MoleculeGraph>) Mol::methylRadical, "[CH3]", "CH3"),
                Arguments.of("hydrogen atom", (Supplier<MoleculeGraph>) Mol::hydrogenAtom, "[H]", "H"),
                Arguments.of("ethanol", (Supplier<MoleculeGraph>) Mol::ethanol, "OCC", "C2H6O"),
                Arguments.of("dimethyl ether", (Supplier<MoleculeGraph>) Mol::dimethylEther, "O(C)C", "C2H6O"),
                Arguments.of("glycine", (Supplier<MoleculeGraph>) Mol::glycine, "O=C(O)CN", "C2H5NO2"),
                // more radicals: no charges in the model, so CO's carbon (bonded valence 3) carries one unpaired electron
                Arguments.of("hydroxyl radical", (Supplier<MoleculeGraph>) () -> Mol.start("O").h(0, 0).graph(), "[OH]", "HO"),
                Arguments.of("oxygen atom", (Supplier<MoleculeGraph>) () -> Mol.start("O").graph(), "[O]", "O"),
                Arguments.of("carbon monoxide", (Supplier<MoleculeGraph>) () -> Mol.start("C").attach("O", 0, 0, 0.113, 3).graph(),
                        "[C]#O", "CO"));
    }

    @ParameterizedTest(name = "{0} -> {2} / {3}")
    @MethodSource("known")
    void knownSmilesAndFormula(String name, Supplier<MoleculeGraph> molecule, String smiles, String formula) {
        Identity id = toolkit.identify(molecule.get());
        System.out.printf("%-16s smiles=%-10s formula=%-8s inchiKey=%s%n", name, id.smiles(), id.formula(), id.inchiKey());
        assertEquals(smiles, id.smiles(), name);
        assertEquals(formula, id.formula(), name);
    }

    /** The expected SMILES are CDK's own canonical form: parsing them back and re-canonicalising is a fixed point. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("known")
    void expectedSmilesParseBackToTheSameMolecule(String name, Supplier<MoleculeGraph> molecule, String smiles,
                                                  String formula) throws Exception {
        SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
        IAtomContainer parsed = parser.parseSmiles(smiles);
        assertEquals(smiles, new SmilesGenerator(SmiFlavor.Canonical).create(parsed), name);
        // the SMILES reading gives the same formula as our explicit-hydrogen graph (radicals: bracket atoms keep H)
        assertEquals(formula, MolecularFormulaManipulator.getString(MolecularFormulaManipulator.getMolecularFormula(parsed)), name);
        // and the same graph: with every hydrogen explicit, both have the same atoms, bonds and canonical labelling
        AtomContainerManipulator.convertImplicitToExplicitHydrogens(parsed);
        IAtomContainer ours = CdkToolkit.toContainer(molecule.get());
        assertEquals(ours.getAtomCount(), parsed.getAtomCount(), name);
        assertEquals(ours.getBondCount(), parsed.getBondCount(), name);
        SmilesGenerator explicit = new SmilesGenerator(SmiFlavor.Canonical);
        assertEquals(explicit.create(ours), explicit.create(parsed), name);
    }

    @Test
    void isomersDifferInSmilesButShareTheFormula() {
        Identity ethanol = toolkit.identify(Mol.ethanol());
        Identity ether = toolkit.identify(Mol.dimethylEther());
        assertNotEquals(ethanol.smiles(), ether.smiles());
        assertEquals("C2H6O", ethanol.formula());
        assertEquals(ethanol.formula(), ether.formula());
        if (CdkToolkit.inchiAvailable()) {
            assertNotEquals(ethanol.inchiKey(), ether.inchiKey());
        }
    }

    @Test
    void radicalCountsFollowTheUsualValence() {
        assertEquals(1, CdkToolkit.radicalCount("H", 0));
        assertEquals(0, CdkToolkit.radicalCount("H", 1));
        assertEquals(1, CdkToolkit.radicalCount("C", 3));
        assertEquals(2, CdkToolkit.radicalCount("O", 0));
        assertEquals(0, CdkToolkit.radicalCount("N", 4)); // above the usual valence: no unpaired electrons assumed
        assertEquals(1, CdkToolkit.radicalCount("S", 3)); // next usual valence of S is 4
        IAtomContainer methyl = CdkToolkit.toContainer(Mol.methylRadical());
        assertEquals(1, methyl.getSingleElectronCount());
        assertEquals(0, methyl.getAtom(0).getImplicitHydrogenCount());
        assertEquals(0, CdkToolkit.toContainer(Mol.methane()).getSingleElectronCount());
    }

    @Test
    void coordinatesAreAngstrom() {
        IAtomContainer water = CdkToolkit.toContainer(Mol.water());
        assertEquals(0.96, water.getAtom(0).getPoint2d().distance(water.getAtom(1).getPoint2d()), 1e-9);
    }

    @Test
    void kindsAndBadInputAreRejected() {
        MoleculeGraph kinds = new MoleculeGraph(new String[]{"K1"}, new boolean[]{false}, new long[]{1},
                new int[0], new int[0], new int[0], new double[]{0}, new double[]{0});
        assertThrows(IllegalArgumentException.class, () -> toolkit.identify(kinds));
        MoleculeGraph bogus = new MoleculeGraph(new String[]{"Xx"}, new boolean[]{true}, new long[]{1},
                new int[0], new int[0], new int[0], new double[]{0}, new double[]{0});
        assertThrows(IllegalArgumentException.class, () -> toolkit.identify(bogus));
        MoleculeGraph quadruple = new MoleculeGraph(new String[]{"C", "C"}, new boolean[]{true, true}, new long[]{1, 2},
                new int[]{0}, new int[]{1}, new int[]{4}, new double[]{0, 0.1}, new double[]{0, 0});
        assertThrows(IllegalArgumentException.class, () -> toolkit.identify(quadruple));
    }

    /**
     * A user's SMILES (implicit hydrogens, any atom order) names the same molecule as the species the run built from
     * its graph: the same formula and InChIKey, and the canonical SMILES of the species.
     */
    @ParameterizedTest(name = "{0} as a user writes it: {1}")
    @MethodSource("closedShell")
    void userSmilesIdentifyLikeTheSpecies(String name, String userSmiles, Supplier<MoleculeGraph> molecule) {
        Identity species = toolkit.identify(molecule.get());
        Identity query = toolkit.identifySmiles(userSmiles);
        assertEquals(species.formula(), query.formula(), name);
        assertEquals(species.smiles(), query.smiles(), name);
        if (CdkToolkit.inchiAvailable()) {
            assertEquals(species.inchiKey(), query.inchiKey(), name);
        }
    }

    static Stream<Arguments> closedShell() {
        return Stream.of(
                Arguments.of("hydrogen cyanide", "C#N", (Supplier<MoleculeGraph>) Mol::hydrogenCyanide),
                Arguments.of("formamide", "NC=O", (Supplier<MoleculeGraph>) Mol::formamide),
                Arguments.of("methanol", "CO", (Supplier<MoleculeGraph>) Mol::methanol),
                Arguments.of("formic acid", "OC=O", (Supplier<MoleculeGraph>) Mol::formicAcid),
                Arguments.of("glycine", "NCC(=O)O", (Supplier<MoleculeGraph>) Mol::glycine),
                Arguments.of("dimethyl ether", "COC", (Supplier<MoleculeGraph>) Mol::dimethylEther));
    }

    @Test
    void userSmilesThatIsNotSmilesIsRejectedWithTheReason() {
        for (String bad : new String[]{"C1CC", "Xx", "C(", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> toolkit.identifySmiles(bad), bad);
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("not SMILES"), e.getMessage());
        }
        // isomers are told apart: ethanol and dimethyl ether share C2H6O, not their InChIKey
        if (CdkToolkit.inchiAvailable()) {
            assertNotEquals(toolkit.identifySmiles("CCO").inchiKey(), toolkit.identifySmiles("COC").inchiKey());
        }
    }

    @Test
    void nameSaysCdk() {
        assertEquals("cdk 2.9", toolkit.name());
        ChemistryToolkit asSpi = toolkit;
        assertEquals(toolkit.identify(Mol.water()), asSpi.identify(Mol.water()));
    }
}
