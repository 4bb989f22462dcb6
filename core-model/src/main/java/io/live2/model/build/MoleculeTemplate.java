package io.live2.model.build;

import java.util.List;

/**
 * A rigid 2-D starting geometry for one molecule: atoms (element or type name, position in nm) and explicit bonds
 * with orders. Positions are relative to the template's centroid after {@link #centred()}.
 */
public record MoleculeTemplate(String name, List<Atom> atoms, List<Bond> bonds) {

    /** @param type element symbol or custom/kind type name */
    public record Atom(String type, double x, double y) {
    }

    /** Bond between atom indices {@code a} and {@code b} of this template, order 1..3. */
    public record Bond(int a, int b, int order) {
    }

    public MoleculeTemplate {
        atoms = List.copyOf(atoms);
        bonds = List.copyOf(bonds);
    }

    /** A single atom of an element, a custom type or an open-chemistry kind. */
    public static MoleculeTemplate atom(String type) {
        return new MoleculeTemplate(type, List.of(new Atom(type, 0, 0)), List.of());
    }

    public int size() {
        return atoms.size();
    }

    /** Sum of bond orders on atom i. */
    public int valenceUsed(int i) {
        int s = 0;
        for (Bond b : bonds) {
            if (b.a() == i || b.b() == i) {
                s += b.order();
            }
        }
        return s;
    }

    /** The same molecule shifted so its centroid is the origin (rotations then turn it about its middle). */
    public MoleculeTemplate centred() {
        double cx = 0;
        double cy = 0;
        for (Atom a : atoms) {
            cx += a.x();
            cy += a.y();
        }
        cx /= atoms.size();
        cy /= atoms.size();
        final double mx = cx;
        final double my = cy;
        return new MoleculeTemplate(name, atoms.stream().map(a -> new Atom(a.type(), a.x() - mx, a.y() - my)).toList(), bonds);
    }

    /** Largest distance of an atom from the origin, nm. */
    public double radius() {
        double r = 0;
        for (Atom a : atoms) {
            r = Math.max(r, Math.hypot(a.x(), a.y()));
        }
        return r;
    }
}
