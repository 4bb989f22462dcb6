package io.live2.model.analysis;

import java.util.Arrays;

/**
 * One molecule (a connected component of the bond graph) as a labelled graph with local atom indices 0..n-1.
 * Labels are element symbols for real atoms and kind names (K1, K2, ...) for open-chemistry kinds. Coordinates
 * are unwrapped across the periodic boundary so the molecule is whole (nm); they serve depiction and SDF only,
 * never identity.
 *
 * @param labels    per atom: element symbol or kind name
 * @param elemental per atom: true when the label is a real element
 * @param atomIds   per atom: the stable global atom id
 * @param bondA     per bond: first local atom index
 * @param bondB     per bond: second local atom index
 * @param bondOrder per bond: 1, 2 or 3
 * @param x         per atom: nm, unwrapped
 * @param y         per atom: nm, unwrapped
 */
public record MoleculeGraph(String[] labels, boolean[] elemental, long[] atomIds, int[] bondA, int[] bondB,
                            int[] bondOrder, double[] x, double[] y) {

    public int atomCount() {
        return labels.length;
    }

    public int bondCount() {
        return bondA.length;
    }

    /** True when every atom is a real element (so SMILES, InChI and SDF make sense). */
    public boolean allElemental() {
        for (boolean e : elemental) {
            if (!e) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MoleculeGraph g && Arrays.equals(labels, g.labels) && Arrays.equals(atomIds, g.atomIds)
                && Arrays.equals(bondA, g.bondA) && Arrays.equals(bondB, g.bondB) && Arrays.equals(bondOrder, g.bondOrder);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(atomIds) * 31 + Arrays.hashCode(bondA);
    }

    @Override
    public String toString() {
        return "MoleculeGraph" + Arrays.toString(labels) + " bonds=" + bondA.length;
    }
}
