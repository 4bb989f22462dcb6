package io.live2.model.config;

import io.live2.model.PhysicsDatabase;
import io.live2.model.build.Templates;
import io.live2.model.config.SimulationConfig.CustomType;
import io.live2.model.config.SimulationConfig.OpenChemistry;
import io.live2.model.kinds.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * What a composition entry may name: a built-in molecule template, a single atom of an element, a custom type,
 * or (in open chemistry) an initial kind K1..Kn.
 */
final class MoleculeNames {
    private MoleculeNames() {
    }

    static boolean isKnown(String name, List<CustomType> types, OpenChemistry open) {
        if (Templates.builtIn().has(name) || PhysicsDatabase.builtIn().hasElement(name)) {
            return true;
        }
        if (types.stream().anyMatch(t -> t.name().equals(name))) {
            return true;
        }
        return open != null && Kind.indexOf(name) >= 1 && Kind.indexOf(name) <= open.kinds();
    }

    /** Names a custom type may not take. */
    static boolean isReserved(String name) {
        return Templates.builtIn().has(name) || PhysicsDatabase.builtIn().hasElement(name) || Kind.indexOf(name) > 0;
    }

    static String describe(List<CustomType> types, OpenChemistry open) {
        List<String> all = new ArrayList<>(Templates.builtIn().names());
        all.add("an element (" + String.join(", ", PhysicsDatabase.builtIn().elements().keySet()) + ")");
        types.forEach(t -> all.add(t.name()));
        if (open != null) {
            all.add("K1..K" + open.kinds());
        }
        return String.join(", ", all);
    }
}
