package io.live2.chemistry.cdk;

import io.live2.model.analysis.ChemistryToolkit;
import io.live2.model.analysis.MoleculeGraph;
import org.openscience.cdk.config.Elements;
import org.openscience.cdk.depict.Depiction;
import org.openscience.cdk.depict.DepictionGenerator;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.inchi.InChIGenerator;
import org.openscience.cdk.inchi.InChIGeneratorFactory;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.interfaces.IChemObjectBuilder;
import org.openscience.cdk.io.MDLV2000Writer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;
import org.openscience.cdk.smiles.SmilesParser;
import org.openscience.cdk.exception.InvalidSmilesException;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;
import org.openscience.cdk.tools.manipulator.MolecularFormulaManipulator;

import javax.vecmath.Point2d;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

/**
 * {@link ChemistryToolkit} on the Chemistry Development Kit (CDK 2.9).
 *
 * <p>A {@link MoleculeGraph} of real elements becomes a CDK atom container with every hydrogen an explicit atom
 * (implicit hydrogen count 0 on all atoms). An atom whose bond orders sum to less than its usual valence is a radical:
 * it gets one single electron per missing bond, so the methyl radical is {@code [CH3]} and a lone hydrogen atom is
 * {@code [H]} rather than methane or {@code [HH]}. Coordinates (nm) are scaled to ångström for the molfile and the
 * depiction.
 *
 * <p>Thread-safe: every call builds its own CDK objects; only the InChI native call is serialised, because the InChI
 * C library is not guaranteed re-entrant. InChI availability (the native library loads through JNA) is probed once;
 * when it cannot load, {@link Identity#inchiKey()} is null and nothing throws.
 */
public final class CdkToolkit implements ChemistryToolkit {

    private static final IChemObjectBuilder BUILDER = SilentChemObjectBuilder.getInstance();
    private static final double NM_TO_ANGSTROM = 10.0;
    private static final Object INCHI_LOCK = new Object();

    /** Usual (lowest) valences; an atom below its valence carries single electrons. Unknown elements: no radicals. */
    private static final Map<String, int[]> VALENCES = Map.ofEntries(
            Map.entry("H", new int[]{1}), Map.entry("B", new int[]{3}), Map.entry("C", new int[]{4}),
            Map.entry("N", new int[]{3}), Map.entry("O", new int[]{2}), Map.entry("F", new int[]{1}),
            Map.entry("Si", new int[]{4}), Map.entry("P", new int[]{3, 5}), Map.entry("S", new int[]{2, 4, 6}),
            Map.entry("Cl", new int[]{1}), Map.entry("Se", new int[]{2, 4, 6}), Map.entry("Br", new int[]{1}),
            Map.entry("I", new int[]{1}), Map.entry("He", new int[]{0}), Map.entry("Ne", new int[]{0}),
            Map.entry("Ar", new int[]{0}));

    public CdkToolkit() {
    }

    @Override
    public String name() {
        return "cdk 2.9";
    }

    @Override
    public Identity identify(MoleculeGraph molecule) {
        IAtomContainer full = toContainer(molecule);
        String formula = MolecularFormulaManipulator.getString(MolecularFormulaManipulator.getMolecularFormula(full));
        String smiles;
        try {
            smiles = new SmilesGenerator(SmiFlavor.Canonical).create(suppressed(molecule));
        } catch (CDKException e) {
            throw new IllegalArgumentException("CDK cannot write SMILES for " + molecule + ": " + e.getMessage(), e);
        }
        return new Identity(smiles, formula, inchiKey(full));
    }

    @Override
    public String molBlock(MoleculeGraph molecule, String title) {
        IAtomContainer container = toContainer(molecule);
        container.setTitle(title == null ? "" : title);
        StringWriter out = new StringWriter();
        try (MDLV2000Writer writer = new MDLV2000Writer(out)) {
            writer.write(container);
        } catch (CDKException e) {
            throw new IllegalArgumentException("CDK cannot write a molfile for " + molecule + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return withoutTimestamp(out.toString());
    }

    @Override
    public String depictSvg(MoleculeGraph molecule) {
        IAtomContainer container = suppressed(molecule);
        if (degenerateLayout(container)) {
            for (IAtom atom : container.atoms()) {
                atom.setPoint2d(null); // DepictionGenerator lays the molecule out itself when no 2-D coordinates exist
            }
        }
        try {
            String svg = new DepictionGenerator().depict(container).toSvgStr(Depiction.UNITS_PX);
            int start = svg.indexOf("<svg");
            return start > 0 ? svg.substring(start) : svg; // drop the XML prolog so the SVG inlines into HTML
        } catch (CDKException e) {
            throw new IllegalArgumentException("CDK cannot depict " + molecule + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Identity identifySmiles(String smiles) {
        IAtomContainer container = parsed(smiles);
        String formula = MolecularFormulaManipulator.getString(MolecularFormulaManipulator.getMolecularFormula(container));
        try {
            String canonical = new SmilesGenerator(SmiFlavor.Canonical).create(container);
            return new Identity(canonical, formula, inchiKey(container));
        } catch (CDKException e) {
            throw new IllegalArgumentException("CDK cannot write SMILES for " + smiles + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String depictSmilesSvg(String smiles) {
        IAtomContainer container = parsed(smiles);
        try {
            String svg = new DepictionGenerator().depict(container).toSvgStr(Depiction.UNITS_PX);
            int start = svg.indexOf("<svg");
            return start > 0 ? svg.substring(start) : svg;
        } catch (CDKException e) {
            throw new IllegalArgumentException("CDK cannot depict " + smiles + ": " + e.getMessage(), e);
        }
    }

    private static IAtomContainer parsed(String smiles) {
        Objects.requireNonNull(smiles, "smiles");
        IAtomContainer container;
        try {
            container = new SmilesParser(BUILDER).parseSmiles(smiles);
        } catch (InvalidSmilesException e) {
            throw new IllegalArgumentException("not SMILES: " + e.getMessage(), e);
        }
        if (container.getAtomCount() == 0) {
            throw new IllegalArgumentException("not SMILES: no atoms");
        }
        return container;
    }

    /** Whether the InChI native library loaded and works here (probed once). */
    public static boolean inchiAvailable() {
        return InchiProbe.AVAILABLE;
    }

    /** Why InChI is unavailable, or null when it is available. */
    public static String inchiUnavailableReason() {
        return InchiProbe.REASON;
    }

    /**
     * The molecule as a CDK container: explicit hydrogens, implicit hydrogen count 0, single electrons on atoms below
     * their usual valence, 2-D coordinates in ångström. Public so tests and callers can reuse the exact conversion.
     */
    public static IAtomContainer toContainer(MoleculeGraph molecule) {
        Objects.requireNonNull(molecule, "molecule");
        if (!molecule.allElemental()) {
            throw new IllegalArgumentException("CDK needs real elements, got kinds in " + molecule);
        }
        int n = molecule.atomCount();
        IAtomContainer container = BUILDER.newAtomContainer();
        int[] bonded = new int[n];
        for (int i = 0; i < n; i++) {
            String symbol = molecule.labels()[i];
            Elements element = Elements.ofString(symbol);
            if (element == Elements.Unknown || !element.symbol().equals(symbol)) {
                throw new IllegalArgumentException("not an element symbol: '" + symbol + "' in " + molecule);
            }
            IAtom atom = newAtom(element, 0);
            container.addAtom(atom);
            container.getAtom(i).setPoint2d(new Point2d(molecule.x()[i] * NM_TO_ANGSTROM, molecule.y()[i] * NM_TO_ANGSTROM));
        }
        for (int b = 0; b < molecule.bondCount(); b++) {
            int a = molecule.bondA()[b];
            int c = molecule.bondB()[b];
            int order = molecule.bondOrder()[b];
            IBond.Order o = switch (order) {
                case 1 -> IBond.Order.SINGLE;
                case 2 -> IBond.Order.DOUBLE;
                case 3 -> IBond.Order.TRIPLE;
                default -> throw new IllegalArgumentException("bond order " + order + " not in 1..3 in " + molecule);
            };
            if (a == c || a < 0 || c < 0 || a >= n || c >= n) {
                throw new IllegalArgumentException("bad bond " + a + "-" + c + " in " + molecule);
            }
            container.addBond(a, c, o);
            bonded[a] += order;
            bonded[c] += order;
        }
        for (int i = 0; i < n; i++) {
            int radicals = radicalCount(molecule.labels()[i], bonded[i]);
            for (int r = 0; r < radicals; r++) {
                container.addSingleElectron(i);
            }
        }
        return container;
    }

    private static IAtom newAtom(Elements element, int implicitHydrogens) {
        IAtom atom = BUILDER.newAtom();
        atom.setAtomicNumber(element.number());
        atom.setSymbol(element.symbol());
        atom.setImplicitHydrogenCount(implicitHydrogens);
        return atom;
    }

    /** Unpaired electrons of an atom with the given bonded valence: distance to the next usual valence. */
    static int radicalCount(String symbol, int bondedValence) {
        int[] valences = VALENCES.get(symbol);
        if (valences == null) {
            return 0;
        }
        for (int v : valences) {
            if (v >= bondedValence) {
                return v - bondedValence;
            }
        }
        return 0; // above every usual valence: hypervalent or charged, no unpaired electrons assumed
    }

    private static IAtomContainer suppressed(MoleculeGraph molecule) {
        // a fresh container each time, so suppression never touches one used elsewhere
        return AtomContainerManipulator.suppressHydrogens(toContainer(molecule));
    }

    private static boolean degenerateLayout(IAtomContainer container) {
        for (IBond bond : container.bonds()) {
            Point2d p = bond.getBegin().getPoint2d();
            Point2d q = bond.getEnd().getPoint2d();
            if (p == null || q == null || p.distance(q) < 1e-3) {
                return true;
            }
        }
        return false;
    }

    private static String inchiKey(IAtomContainer container) {
        if (!InchiProbe.AVAILABLE) {
            return null;
        }
        try {
            return rawInchiKey(container);
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    private static String rawInchiKey(IAtomContainer container) throws CDKException {
        synchronized (INCHI_LOCK) {
            InChIGenerator generator = InChIGeneratorFactory.getInstance().getInChIGenerator(container);
            String key = generator.getInchiKey();
            return key == null || key.isEmpty() ? null : key;
        }
    }

    /**
     * MDLV2000Writer stamps the current date and time on the program line (columns 11-20); blank it so the same
     * molecule always gives the same bytes.
     */
    private static String withoutTimestamp(String molfile) {
        int first = molfile.indexOf('\n');
        int second = first < 0 ? -1 : molfile.indexOf('\n', first + 1);
        if (second < 0 || second - first - 1 < 20) {
            return molfile;
        }
        String line = molfile.substring(first + 1, second);
        String fixed = line.substring(0, 10) + " ".repeat(10) + line.substring(20);
        return molfile.substring(0, first + 1) + fixed + molfile.substring(second);
    }

    /** Lazy, once-only probe of the InChI native library: methane must give its known InChIKey. */
    private static final class InchiProbe {
        static final boolean AVAILABLE;
        static final String REASON;

        static {
            boolean ok;
            String reason;
            try {
                IAtomContainer methane = BUILDER.newAtomContainer();
                methane.addAtom(newAtom(Elements.Carbon, 4));
                String key = rawInchiKey(methane);
                ok = "VNWKTOKETHGBQD-UHFFFAOYSA-N".equals(key);
                reason = ok ? null : "InChI returned an unexpected key for methane: " + key;
            } catch (Exception | LinkageError t) {
                ok = false;
                reason = t.getClass().getName() + ": " + t.getMessage();
            }
            AVAILABLE = ok;
            REASON = reason;
        }
    }
}
