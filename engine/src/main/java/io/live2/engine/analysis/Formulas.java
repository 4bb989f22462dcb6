package io.live2.engine.analysis;

import io.live2.model.analysis.MoleculeGraph;

import java.util.Map;
import java.util.TreeMap;

/**
 * Formulas computed from the graph itself: Hill order for real elements (C, then H, then the rest alphabetically;
 * alphabetical when there is no carbon), and a readable kind formula for open-chemistry molecules, where each kind
 * is written in braces followed by its count, e.g. "{K1}2{K3}".
 */
final class Formulas {
    private Formulas() {
    }

    static String of(MoleculeGraph g) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String label : g.labels()) {
            counts.merge(label, 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder();
        if (!g.allElemental()) {
            counts.forEach((label, n) -> b.append('{').append(label).append('}').append(n > 1 ? n.toString() : ""));
            return b.toString();
        }
        if (counts.containsKey("C")) {
            append(b, "C", counts.remove("C"));
            Integer h = counts.remove("H");
            if (h != null) {
                append(b, "H", h);
            }
        }
        counts.forEach((label, n) -> append(b, label, n));
        return b.toString();
    }

    private static void append(StringBuilder b, String label, int n) {
        b.append(label);
        if (n > 1) {
            b.append(n);
        }
    }
}
