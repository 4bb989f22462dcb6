package io.live2.model.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * Canonical keys for a frame's molecules, re-keying only molecules that changed since the previous frame.
 *
 * <p>Two caches, both holding only what the latest frame contained (older entries are dropped each frame):
 * <ol>
 *   <li>by molecule: atom ids, labels, and bonds with orders ({@link MoleculeGraph#equals}, which ignores
 *       coordinates), so an unchanged molecule reuses its key however it moved;</li>
 *   <li>by local shape: labels and bonds in local index order, ignoring atom ids. Two molecules with the same local
 *       shape are the same labelled graph, so they share a key; this keys the thousands of identical template
 *       molecules of a first frame, or a molecule re-formed from other atoms, without a new canonical search.</li>
 * </ol>
 * Not thread-safe.
 */
public final class SpeciesKeyer {
    private HashMap<MoleculeGraph, String> byMolecule = new HashMap<>();
    private HashMap<Shape, String> byShape = new HashMap<>();
    private long rekeyed;
    private long reused;
    private long shapeReused;

    public List<String> keys(List<MoleculeGraph> molecules) {
        int cap = Math.max(16, molecules.size() * 4 / 3 + 1);
        HashMap<MoleculeGraph, String> nextMolecule = new HashMap<>(cap);
        HashMap<Shape, String> nextShape = new HashMap<>();
        List<String> out = new ArrayList<>(molecules.size());
        for (MoleculeGraph g : molecules) {
            String k = byMolecule.get(g);
            if (k != null) {
                reused++;
            } else {
                Shape s = new Shape(g);
                k = nextShape.get(s);
                if (k == null) {
                    k = byShape.get(s);
                }
                if (k != null) {
                    reused++;
                    shapeReused++;
                } else {
                    k = CanonicalKey.of(g);
                    rekeyed++;
                }
                nextShape.put(s, k);
            }
            nextMolecule.put(g, k);
            out.add(k);
        }
        // shapes of molecules reused by identity stay known only through their molecule entry; that is enough
        byMolecule = nextMolecule;
        byShape = nextShape;
        return out;
    }

    /** Molecules whose key was computed by a canonical search. */
    public long rekeyed() {
        return rekeyed;
    }

    /** Molecules whose key came from a cache (by molecule or by shape). */
    public long reused() {
        return reused;
    }

    /** Of {@link #reused()}, those found by local shape (a different molecule with the same labelled graph). */
    public long shapeReused() {
        return shapeReused;
    }

    /** Molecules held in the by-molecule cache (those of the latest frame). */
    public int cached() {
        return byMolecule.size();
    }

    /** Labels and bonds in local index order. */
    private static final class Shape {
        private final MoleculeGraph g;
        private final int hash;

        Shape(MoleculeGraph g) {
            this.g = g;
            int h = Arrays.hashCode(g.labels());
            h = 31 * h + Arrays.hashCode(g.bondA());
            h = 31 * h + Arrays.hashCode(g.bondB());
            hash = 31 * h + Arrays.hashCode(g.bondOrder());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Shape s && s.hash == hash && Arrays.equals(s.g.labels(), g.labels())
                    && Arrays.equals(s.g.bondA(), g.bondA()) && Arrays.equals(s.g.bondB(), g.bondB())
                    && Arrays.equals(s.g.bondOrder(), g.bondOrder());
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
