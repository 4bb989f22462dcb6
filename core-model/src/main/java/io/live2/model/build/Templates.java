package io.live2.model.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in molecule templates, read from templates.json (data, not code). The file is checked on load:
 * bond indices in range, orders 1..3, no duplicate bonds.
 */
public final class Templates {
    private final Map<String, MoleculeTemplate> byName;

    private Templates(Map<String, MoleculeTemplate> byName) {
        this.byName = byName;
    }

    private static final class Holder {
        static final Templates BUILT_IN = load();
    }

    public static Templates builtIn() {
        return Holder.BUILT_IN;
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }

    /** The template, or null when there is none of that name. */
    public MoleculeTemplate get(String name) {
        return byName.get(name);
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    private static Templates load() {
        JsonNode root;
        try (InputStream in = Templates.class.getResourceAsStream("templates.json")) {
            if (in == null) {
                throw new IllegalStateException("templates.json missing from the jar");
            }
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, MoleculeTemplate> out = new LinkedHashMap<>();
        for (JsonNode t : root.get("templates")) {
            String name = t.get("name").textValue();
            List<MoleculeTemplate.Atom> atoms = new ArrayList<>();
            for (JsonNode a : t.get("atoms")) {
                atoms.add(new MoleculeTemplate.Atom(a.get("element").textValue(), a.get("x").doubleValue(), a.get("y").doubleValue()));
            }
            List<MoleculeTemplate.Bond> bonds = new ArrayList<>();
            for (JsonNode b : t.get("bonds")) {
                int i = b.get(0).intValue();
                int j = b.get(1).intValue();
                int o = b.get(2).intValue();
                if (i == j || i < 0 || j < 0 || i >= atoms.size() || j >= atoms.size() || o < 1 || o > 3) {
                    throw new IllegalStateException("templates.json: bad bond " + b + " in " + name);
                }
                for (MoleculeTemplate.Bond e : bonds) {
                    if (Math.min(e.a(), e.b()) == Math.min(i, j) && Math.max(e.a(), e.b()) == Math.max(i, j)) {
                        throw new IllegalStateException("templates.json: duplicate bond " + b + " in " + name);
                    }
                }
                bonds.add(new MoleculeTemplate.Bond(i, j, o));
            }
            out.put(name, new MoleculeTemplate(name, atoms, bonds).centred());
        }
        return new Templates(java.util.Collections.unmodifiableMap(out));
    }
}
