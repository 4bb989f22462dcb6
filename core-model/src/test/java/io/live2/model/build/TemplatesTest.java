package io.live2.model.build;

import io.live2.model.MorseParams;
import io.live2.model.PhysicsDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplatesTest {
    private static final PhysicsDatabase DB = PhysicsDatabase.builtIn();

    static List<String> names() {
        return Templates.builtIn().names();
    }

    @Test
    void theRequiredMoleculesExist() {
        for (String m : List.of("H2", "H2O", "NH3", "CH4", "CO2", "H2S", "HCN", "HCONH2", "HCOOH", "CH3OH", "CH2O", "N2")) {
            assertTrue(Templates.builtIn().has(m), m);
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void noAtomExceedsItsElementValence(String name) {
        MoleculeTemplate t = Templates.builtIn().get(name);
        for (int i = 0; i < t.size(); i++) {
            String el = t.atoms().get(i).type();
            assertTrue(t.valenceUsed(i) <= DB.element(el).maxValence(), name + " atom " + i + " " + el);
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyBondHasMorseParametersAndALengthWithin15PercentOfRe(String name) {
        MoleculeTemplate t = Templates.builtIn().get(name);
        for (MoleculeTemplate.Bond b : t.bonds()) {
            MoleculeTemplate.Atom a = t.atoms().get(b.a());
            MoleculeTemplate.Atom c = t.atoms().get(b.b());
            MorseParams m = DB.morse(a.type(), c.type(), b.order());
            assertNotNull(m, name + ": no Morse row for " + a.type() + "-" + c.type() + " order " + b.order());
            double r = Math.hypot(a.x() - c.x(), a.y() - c.y());
            assertEquals(m.reNm(), r, 0.15 * m.reNm(), name + " " + a.type() + "-" + c.type());
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void templatesAreConnectedAndCentred(String name) {
        MoleculeTemplate t = Templates.builtIn().get(name);
        assertEquals(t.size() - 1, t.bonds().size(), name + " is a tree (no rings among the built-ins)");
        double cx = t.atoms().stream().mapToDouble(MoleculeTemplate.Atom::x).sum();
        double cy = t.atoms().stream().mapToDouble(MoleculeTemplate.Atom::y).sum();
        assertEquals(0, cx, 1e-12);
        assertEquals(0, cy, 1e-12);
    }

    @Test
    void formulasMatchTheNames() {
        Map<String, String> hill = Map.of("H2O", "H2O", "NH3", "H3N", "CH4", "CH4", "CO2", "CO2", "HCN", "CHN",
                "HCONH2", "CH3NO", "HCOOH", "CH2O2", "CH3OH", "CH4O", "CH2O", "CH2O", "H2S", "H2S");
        hill.forEach((name, formula) -> assertEquals(formula, hillFormula(Templates.builtIn().get(name)), name));
    }

    private static String hillFormula(MoleculeTemplate t) {
        java.util.TreeMap<String, Integer> n = new java.util.TreeMap<>();
        t.atoms().forEach(a -> n.merge(a.type(), 1, Integer::sum));
        StringBuilder s = new StringBuilder();
        for (String first : List.of("C", "H")) {
            if (n.containsKey("C") && n.containsKey(first)) {
                append(s, first, n.remove(first));
            }
        }
        n.forEach((el, k) -> append(s, el, k));
        return s.toString();
    }

    private static void append(StringBuilder s, String el, int k) {
        s.append(el);
        if (k > 1) {
            s.append(k);
        }
    }
}
