package io.live2.model.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.TreeMap;

/**
 * The only way user input becomes a {@link SimulationConfig}. Layers, later wins:
 * preset (if named) ← JSON document ← CLI overrides. Objects merge field by field; scalars and arrays replace.
 * Every problem is a {@link ConfigException} whose one-line message names the field and what is allowed.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /** A built-in preset exactly as shipped. */
    public static SimulationConfig fromPreset(String name) {
        return ConfigReader.read(Presets.tree(name), name);
    }

    /** A JSON document, which may name a preset and override any of its fields. */
    public static SimulationConfig fromJson(String json) {
        return resolve(json, Map.of());
    }

    /**
     * A JSON document (or null) plus CLI overrides keyed by JSON field path ("particles",
     * "output.snapshot_every", "preset"). An override "preset" replaces the document's preset.
     */
    public static SimulationConfig resolve(String jsonOrNull, Map<String, Object> overrides) {
        ObjectNode doc = jsonOrNull == null ? JsonNodeFactory.instance.objectNode()
                : JsonTrees.parseObject(jsonOrNull, "config");
        // sorted, so "output" is applied before "output.snapshot_every" whatever the caller's map order
        Map<String, Object> over = new TreeMap<>();
        if (overrides != null) {
            for (Map.Entry<String, Object> e : overrides.entrySet()) {
                if (e.getKey() == null) {
                    throw new ConfigException("override: empty field name");
                }
                over.put(e.getKey(), e.getValue());
            }
        }
        String preset = presetName(doc.get("preset"));
        if (over.containsKey("preset")) {
            Object v = over.remove("preset");
            if (v != null && !(v instanceof String)) {
                throw new ConfigException("preset: expected a preset name string, got " + v.getClass().getSimpleName()
                        + "; known: " + String.join(", ", Presets.names()));
            }
            preset = (String) v;
        }
        doc.remove("preset");
        ObjectNode merged = preset == null ? JsonNodeFactory.instance.objectNode() : Presets.tree(preset);
        JsonTrees.merge(merged, doc);
        for (Map.Entry<String, Object> e : over.entrySet()) {
            JsonTrees.set(merged, e.getKey(), e.getValue());
        }
        return ConfigReader.read(merged, preset);
    }

    /** Canonical, deterministic, pretty JSON; {@code fromJson(toJson(c)).equals(c)}. */
    public static String toJson(SimulationConfig config) {
        return ConfigWriter.write(config);
    }

    private static String presetName(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new ConfigException("preset: expected a preset name string, got " + JsonFields.kind(n) + "; known: "
                    + String.join(", ", Presets.names()));
        }
        return n.textValue();
    }
}
