package io.live2.model.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in presets: JSON resources in io/live2/model/presets, listed (with one-line descriptions) in
 * index.json. A preset file is a complete config document without the "preset" field.
 */
public final class Presets {
    private static final String DIR = "/io/live2/model/presets/";

    private Presets() {
    }

    private static final class Holder {
        static final List<PresetInfo> LIST = loadIndex();
    }

    /** All presets in index order. */
    public static List<PresetInfo> list() {
        return Holder.LIST;
    }

    public static List<String> names() {
        return list().stream().map(PresetInfo::name).toList();
    }

    /** The preset's raw JSON tree (a fresh copy the caller may modify). */
    static ObjectNode tree(String name) {
        if (!names().contains(name)) {
            throw new ConfigException("preset: '" + JsonFields.clip(String.valueOf(name)) + "' is not a known preset; known: "
                    + String.join(", ", names()));
        }
        return JsonTrees.parseObject(resource(name + ".json"), "preset " + name);
    }

    /** The JSON text of a built-in resource of this directory. */
    static String resource(String file) {
        try (InputStream in = Presets.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("built-in preset resource missing from the jar: " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<PresetInfo> loadIndex() {
        List<PresetInfo> out = new ArrayList<>();
        JsonNode presets = JsonTrees.parseObject(resource("index.json"), "presets/index.json").get("presets");
        for (JsonNode p : presets) {
            out.add(new PresetInfo(p.get("name").textValue(), p.get("description").textValue()));
        }
        return List.copyOf(out);
    }
}
