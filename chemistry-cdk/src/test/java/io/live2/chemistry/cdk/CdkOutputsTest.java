package io.live2.chemistry.cdk;

import io.live2.model.analysis.ChemistryToolkit;
import io.live2.model.analysis.MoleculeGraph;
import org.junit.jupiter.api.Test;
import org.openscience.cdk.inchi.InChIGenerator;
import org.openscience.cdk.inchi.InChIGeneratorFactory;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.io.iterator.IteratingSDFReader;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.tools.manipulator.MolecularFormulaManipulator;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** InChIKey, SDF round trip, SVG, ServiceLoader registration, thread safety and throughput. */
class CdkOutputsTest {

    private final CdkToolkit toolkit = new CdkToolkit();

    private static List<MoleculeGraph> all() {
        return List.of(Mol.methane(), Mol.water(), Mol.ammonia(), Mol.hydrogenCyanide(), Mol.formamide(),
                Mol.hydrogen(), Mol.carbonDioxide(), Mol.methanol(), Mol.formicAcid(), Mol.methylRadical(),
                Mol.hydrogenAtom(), Mol.ethanol(), Mol.dimethylEther(), Mol.glycine());
    }

    /** What InChIGeneratorFactory itself reports here, independent of the toolkit's cached probe. */
    private static boolean factoryWorks() {
        try {
            InChIGenerator gen = InChIGeneratorFactory.getInstance()
                    .getInChIGenerator(CdkToolkit.toContainer(Mol.methane()));
            return gen.getInchiKey() != null;
        } catch (Exception | LinkageError e) {
            System.out.println("InChIGeneratorFactory fails here: " + e);
            return false;
        }
    }

    @Test
    void inchiKeyWhenTheNativeLibraryLoadsNullOtherwise() {
        boolean available = factoryWorks();
        assertEquals(available, CdkToolkit.inchiAvailable(), "toolkit probe must agree with InChIGeneratorFactory");
        if (available) {
            System.out.println("InChI native library loads here");
            assertEquals("VNWKTOKETHGBQD-UHFFFAOYSA-N", toolkit.identify(Mol.methane()).inchiKey());
            assertEquals("XLYOFNOQVPJJNP-UHFFFAOYSA-N", toolkit.identify(Mol.water()).inchiKey());
            assertEquals("QGZKDVFQNNGYKY-UHFFFAOYSA-N", toolkit.identify(Mol.ammonia()).inchiKey());
            assertNull(CdkToolkit.inchiUnavailableReason());
        } else {
            System.out.println("InChI unavailable: " + CdkToolkit.inchiUnavailableReason());
            assertNull(toolkit.identify(Mol.methane()).inchiKey());
            assertNull(toolkit.identify(Mol.water()).inchiKey());
        }
    }

    @Test
    void sdfRoundTripKeepsFormulae() throws Exception {
        List<MoleculeGraph> molecules = all();
        StringBuilder sdf = new StringBuilder();
        for (int i = 0; i < molecules.size(); i++) {
            String block = toolkit.molBlock(molecules.get(i), "species-" + i);
            assertTrue(block.endsWith("M  END\n"), block);
            assertFalse(block.contains("$$$$"));
            sdf.append(block).append("$$$$\n");
        }
        List<String> titles = new ArrayList<>();
        List<String> formulae = new ArrayList<>();
        try (IteratingSDFReader reader = new IteratingSDFReader(new StringReader(sdf.toString()),
                SilentChemObjectBuilder.getInstance())) {
            while (reader.hasNext()) {
                IAtomContainer m = reader.next();
                titles.add(m.getTitle());
                formulae.add(MolecularFormulaManipulator.getString(MolecularFormulaManipulator.getMolecularFormula(m)));
            }
        }
        assertEquals(molecules.size(), formulae.size());
        for (int i = 0; i < molecules.size(); i++) {
            assertEquals("species-" + i, titles.get(i));
            assertEquals(toolkit.identify(molecules.get(i)).formula(), formulae.get(i), titles.get(i));
        }
    }

    @Test
    void molBlockIsDeterministicAndCarriesRadicalsAndCoordinates() {
        String a = toolkit.molBlock(Mol.methylRadical(), "methyl");
        String b = toolkit.molBlock(Mol.methylRadical(), "methyl");
        assertEquals(a, b, "no timestamp in the program line");
        String[] lines = a.split("\n");
        assertEquals("methyl", lines[0]);
        assertTrue(lines[1].startsWith("  CDK") && lines[1].endsWith("2D"), lines[1]);
        assertTrue(lines[3].endsWith("V2000"), lines[3]);
        assertTrue(a.contains("M  RAD  1   1   2"), a); // atom 1 is a doublet
        // C at (3.0, 2.0) nm is (30, 20) Å
        assertTrue(lines[4].startsWith("   30.0000   20.0000    0.0000 C"), lines[4]);
    }

    @Test
    void svgIsAStandaloneDocument() {
        for (MoleculeGraph g : all()) {
            String svg = toolkit.depictSvg(g);
            assertTrue(svg.startsWith("<?xml") || svg.startsWith("<svg"), svg);
            assertTrue(svg.contains("xmlns='http://www.w3.org/2000/svg'") || svg.contains("xmlns=\"http://www.w3.org/2000/svg\""));
            assertTrue(svg.stripTrailing().endsWith("</svg>"), svg);
        }
    }

    @Test
    void smilesOfEverySpeciesIsDepicted() {
        for (MoleculeGraph g : all()) {
            String smiles = toolkit.identify(g).smiles();
            String svg = toolkit.depictSmilesSvg(smiles);
            assertTrue(svg.startsWith("<svg") && svg.stripTrailing().endsWith("</svg>"), smiles + ": " + svg);
        }
        for (String bad : new String[]{"C1CC", "Xx", "C(", ""}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> toolkit.depictSmilesSvg(bad), bad);
            assertTrue(e.getMessage().startsWith("not SMILES"), e.getMessage());
        }
    }

    @Test
    void svgSurvivesDegenerateCoordinates() {
        MoleculeGraph g = Mol.formamide();
        MoleculeGraph flat = new MoleculeGraph(g.labels(), g.elemental(), g.atomIds(), g.bondA(), g.bondB(),
                g.bondOrder(), new double[g.atomCount()], new double[g.atomCount()]);
        String svg = toolkit.depictSvg(flat);
        assertTrue(svg.startsWith("<svg") && svg.contains("</svg>"));
    }

    @Test
    void serviceLoaderFindsCdkToolkit() {
        List<String> found = ServiceLoader.load(ChemistryToolkit.class).stream()
                .map(p -> p.type().getName()).toList();
        assertTrue(found.contains(CdkToolkit.class.getName()), found.toString());
        ChemistryToolkit loaded = ServiceLoader.load(ChemistryToolkit.class).findFirst().orElseThrow();
        assertEquals("O", loaded.identify(Mol.water()).smiles());
    }

    @Test
    void concurrentCallsAgreeWithSequentialOnes() throws Exception {
        List<MoleculeGraph> molecules = all();
        List<ChemistryToolkit.Identity> expected = molecules.stream().map(toolkit::identify).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < molecules.size(); i++) {
                        if (!expected.get(i).equals(toolkit.identify(molecules.get(i)))) {
                            return false;
                        }
                        toolkit.molBlock(molecules.get(i), "t");
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : futures) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fastEnoughForThousandsOfSpecies() {
        List<MoleculeGraph> molecules = all();
        for (int i = 0; i < 200; i++) { // warm up
            toolkit.identify(molecules.get(i % molecules.size()));
        }
        int n = 3000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            toolkit.identify(molecules.get(i % molecules.size()));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("identify: %d molecules in %.3f s (%.0f /s, InChI %s)%n", n, seconds, n / seconds,
                CdkToolkit.inchiAvailable() ? "on" : "off");
        assertTrue(seconds < 30, "identify of " + n + " small molecules took " + seconds + " s");
    }
}
