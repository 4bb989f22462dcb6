package io.live2.chemistry.cdk;

import io.live2.model.analysis.MoleculeGraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test builder for {@link MoleculeGraph}s with real 2-D geometry (nm): atoms placed by angle and bond length. */
final class Mol {
    private final List<String> labels = new ArrayList<>();
    private final List<double[]> xy = new ArrayList<>();
    private final List<int[]> bonds = new ArrayList<>();

    static Mol start(String symbol) {
        Mol m = new Mol();
        m.labels.add(symbol);
        m.xy.add(new double[]{0, 0});
        return m;
    }

    /** Adds an atom bonded to {@code parent} at {@code angleDeg}, {@code lengthNm} away; returns this. */
    Mol attach(String symbol, int parent, double angleDeg, double lengthNm, int order) {
        double[] p = xy.get(parent);
        double a = Math.toRadians(angleDeg);
        labels.add(symbol);
        xy.add(new double[]{p[0] + lengthNm * Math.cos(a), p[1] + lengthNm * Math.sin(a)});
        bonds.add(new int[]{parent, labels.size() - 1, order});
        return this;
    }

    Mol attach(String symbol, int parent, double angleDeg, int order) {
        return attach(symbol, parent, angleDeg, symbol.equals("H") || labels.get(parent).equals("H") ? 0.105 : 0.140, order);
    }

    Mol h(int parent, double angleDeg) {
        return attach("H", parent, angleDeg, 0.105, 1);
    }

    MoleculeGraph graph() {
        int n = labels.size();
        boolean[] el = new boolean[n];
        java.util.Arrays.fill(el, true);
        long[] ids = new long[n];
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = 100 + i;
            x[i] = xy.get(i)[0] + 3.0; // unwrapped, away from the origin, like a real box position
            y[i] = xy.get(i)[1] + 2.0;
        }
        int m = bonds.size();
        int[] a = new int[m], b = new int[m], o = new int[m];
        for (int k = 0; k < m; k++) {
            a[k] = bonds.get(k)[0];
            b[k] = bonds.get(k)[1];
            o[k] = bonds.get(k)[2];
        }
        return new MoleculeGraph(labels.toArray(String[]::new), el, ids, a, b, o, x, y);
    }

    /** The same molecule with atoms renumbered by a random permutation (and bond list shuffled, ends swapped). */
    static MoleculeGraph renumbered(MoleculeGraph g, Random random) {
        int n = g.atomCount();
        int[] perm = new int[n]; // old index -> new index
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, random);
        for (int i = 0; i < n; i++) {
            perm[order.get(i)] = i;
        }
        String[] labels = new String[n];
        boolean[] el = new boolean[n];
        long[] ids = new long[n];
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            int j = perm[i];
            labels[j] = g.labels()[i];
            el[j] = g.elemental()[i];
            ids[j] = g.atomIds()[i];
            x[j] = g.x()[i];
            y[j] = g.y()[i];
        }
        int m = g.bondCount();
        List<Integer> bondOrder = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            bondOrder.add(k);
        }
        java.util.Collections.shuffle(bondOrder, random);
        int[] a = new int[m], b = new int[m], o = new int[m];
        for (int k = 0; k < m; k++) {
            int src = bondOrder.get(k);
            int pa = perm[g.bondA()[src]], pb = perm[g.bondB()[src]];
            boolean swap = random.nextBoolean();
            a[k] = swap ? pb : pa;
            b[k] = swap ? pa : pb;
            o[k] = g.bondOrder()[src];
        }
        return new MoleculeGraph(labels, el, ids, a, b, o, x, y);
    }

    // ---- the known molecules ----

    static MoleculeGraph methane() {
        return start("C").h(0, 0).h(0, 90).h(0, 180).h(0, 270).graph();
    }

    static MoleculeGraph water() {
        return start("O").attach("H", 0, 0, 0.096, 1).attach("H", 0, 104.5, 0.096, 1).graph();
    }

    static MoleculeGraph ammonia() {
        return start("N").h(0, 90).h(0, 210).h(0, 330).graph();
    }

    static MoleculeGraph hydrogenCyanide() {
        return start("C").h(0, 180).attach("N", 0, 0, 0.116, 3).graph();
    }

    /** HC(=O)NH2: 0 C, 1 O, 2 N, 3 H(C), 4 H(N), 5 H(N). */
    static MoleculeGraph formamide() {
        return start("C").attach("O", 0, 90, 0.123, 2).attach("N", 0, 330, 0.135, 1).h(0, 210).h(2, 30).h(2, 270).graph();
    }

    static MoleculeGraph hydrogen() {
        return start("H").attach("H", 0, 0, 0.074, 1).graph();
    }

    static MoleculeGraph carbonDioxide() {
        return start("C").attach("O", 0, 0, 0.116, 2).attach("O", 0, 180, 0.116, 2).graph();
    }

    static MoleculeGraph methanol() {
        return start("C").attach("O", 0, 0, 0.143, 1).h(0, 90).h(0, 180).h(0, 270).h(1, 60).graph();
    }

    static MoleculeGraph formicAcid() {
        return start("C").attach("O", 0, 90, 0.120, 2).attach("O", 0, 330, 0.134, 1).h(0, 210).h(2, 30).graph();
    }

    static MoleculeGraph methylRadical() {
        return start("C").h(0, 90).h(0, 210).h(0, 330).graph();
    }

    static MoleculeGraph hydrogenAtom() {
        return start("H").graph();
    }

    /** CH3-CH2-OH. */
    static MoleculeGraph ethanol() {
        return start("C").attach("C", 0, 30, 0.152, 1).attach("O", 1, -30, 0.143, 1)
                .h(0, 120).h(0, 210).h(0, 300).h(1, 90).h(1, 150).h(2, 30).graph();
    }

    /** CH3-O-CH3. */
    static MoleculeGraph dimethylEther() {
        return start("C").attach("O", 0, 30, 0.141, 1).attach("C", 1, -30, 0.141, 1)
                .h(0, 120).h(0, 210).h(0, 300).h(2, 60).h(2, -30).h(2, -120).graph();
    }

    /** Glycine NH2-CH2-COOH, for the renumbering property. */
    static MoleculeGraph glycine() {
        return start("N").attach("C", 0, 30, 0.147, 1).attach("C", 1, -30, 0.152, 1)
                .attach("O", 2, 30, 0.121, 2).attach("O", 2, -90, 0.134, 1)
                .h(0, 120).h(0, 240).h(1, 90).h(1, 150).h(4, -30).graph();
    }
}
