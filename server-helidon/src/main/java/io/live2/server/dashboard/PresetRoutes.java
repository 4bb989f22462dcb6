package io.live2.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.Method;
import io.live2.model.config.ConfigLoader;
import io.live2.model.config.ConfigSchema;
import io.live2.model.config.PresetInfo;
import io.live2.model.config.Presets;
import io.live2.server.auth.Scope;
import io.live2.server.http.ApiRoutes;
import io.live2.server.http.Json;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GET /presets: the built-in presets (name, description, every form field's value) and the form's fields with the
 * ranges, choices and units of the config schema (config.schema.json, which a core-model test keeps equal to the
 * validator's ranges), so the dashboard's form offers exactly what POST /jobs accepts. Keys are the config's JSON
 * keys, dotted for nested objects ("reactions.interval"); arrays (types, composition) are left to the advanced
 * JSON editor. A field's "default" is its value in the first preset (the one `live run` documents first), null when
 * that preset leaves it unset (the open_chemistry fields). The answer never changes while the server runs, so it
 * is built once.
 */
public final class PresetRoutes {
    /** Unit-like parts of a schema description ("K", "Langevin gamma, 1/ps", "kJ/mol per pulse", "u; >= mass_min"). */
    private static final Pattern UNIT = Pattern.compile("(K|ps|1/ps|nm|u|kJ/mol|atoms per nm\\^2)(?: per [a-z ]+)?");

    private final byte[] body;

    public PresetRoutes() {
        this.body = Json.write(build()).getBytes(StandardCharsets.UTF_8);
    }

    public void register(ApiRoutes api) {
        api.user(Method.GET, "/presets", Scope.JOBS_READ, (req, res, caller) -> {
            res.headers().contentType(MediaTypes.APPLICATION_JSON);
            res.send(body);
        });
    }

    static ObjectNode build() {
        ObjectNode fields = Json.object();
        JsonNode schema = Json.readStored(ConfigSchema.text());
        fields(schema.get("properties"), "", fields);
        ObjectNode out = Json.object();
        ArrayNode presets = out.putArray("presets");
        for (PresetInfo p : Presets.list()) {
            JsonNode config = Json.readStored(ConfigLoader.toJson(ConfigLoader.fromPreset(p.name())));
            ObjectNode defaults = Json.object();
            for (Iterator<String> it = fields.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                JsonNode v = at(config, key);
                if (v != null && !v.isNull()) {
                    defaults.set(key, v);
                }
            }
            presets.addObject().put("name", p.name()).put("description", p.description()).set("defaults", defaults);
        }
        JsonNode first = presets.get(0).get("defaults");
        for (Map.Entry<String, JsonNode> f : fields.properties()) {
            JsonNode v = first.get(f.getKey());
            ((ObjectNode) f.getValue()).set("default", v == null ? Json.MAPPER.nullNode() : v);
        }
        out.set("fields", fields);
        return out;
    }

    /** Every scalar property of the schema object, recursing into nested objects (also a oneOf of null and object). */
    private static void fields(JsonNode properties, String prefix, ObjectNode out) {
        for (Map.Entry<String, JsonNode> p : properties.properties()) {
            String key = prefix + p.getKey();
            JsonNode s = p.getValue();
            if (key.equals("preset")) {
                continue; // the presets list is its choice
            }
            JsonNode object = objectOf(s);
            if (object != null) {
                fields(object.get("properties"), key + ".", out);
                continue;
            }
            String type = s.path("type").asText("");
            ObjectNode f = Json.object();
            if (s.has("enum")) {
                f.put("type", "string");
                f.set("values", s.get("enum").deepCopy());
            } else if (type.equals("string") && s.has("examples")) {
                // backend: the shipped backends (another installed backend's name is accepted too: see "pattern")
                f.put("type", "string");
                f.set("values", s.get("examples").deepCopy());
                if (s.has("pattern")) {
                    f.put("pattern", s.get("pattern").asText());
                }
            } else if (type.equals("integer") || type.equals("number")) {
                f.put("type", type);
                f.set("min", s.has("exclusiveMinimum") ? s.get("exclusiveMinimum") : s.get("minimum"));
                f.set("max", s.has("exclusiveMaximum") ? s.get("exclusiveMaximum") : s.get("maximum"));
                f.put("min_exclusive", s.has("exclusiveMinimum"));
                f.put("max_exclusive", s.has("exclusiveMaximum"));
            } else if (type.equals("boolean")) {
                f.put("type", "boolean");
            } else {
                continue; // arrays: the advanced JSON editor's
            }
            String description = s.path("description").asText("");
            f.put("unit", unit(description));
            f.put("description", description);
            out.set(key, f);
        }
    }

    private static JsonNode objectOf(JsonNode s) {
        if ("object".equals(s.path("type").asText()) && s.has("properties")) {
            return s;
        }
        for (JsonNode alt : s.path("oneOf")) {
            if ("object".equals(alt.path("type").asText()) && alt.has("properties")) {
                return alt;
            }
        }
        return null;
    }

    static String unit(String description) {
        for (String part : description.split("[,;]")) {
            Matcher m = UNIT.matcher(part.trim());
            if (m.matches()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static JsonNode at(JsonNode config, String dotted) {
        JsonNode n = config;
        for (String part : dotted.split("\\.")) {
            n = n == null ? null : n.get(part);
        }
        return n;
    }
}
