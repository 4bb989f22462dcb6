package io.live2.model.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** config.schema.json must state exactly the validator's ranges, enums and field names. */
class ConfigSchemaTest {
    private static final JsonNode SCHEMA = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(ConfigSchema.text());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyRangeMatchesTheValidator() {
        for (Map.Entry<String, Range> e : Limits.all().entrySet()) {
            JsonNode p = property(e.getKey());
            assertNotNull(p, "schema lacks " + e.getKey());
            Range r = e.getValue();
            assertEquals(r.integral() ? "integer" : "number", p.get("type").asText(), e.getKey());
            JsonNode lo = p.get(r.minOpen() ? "exclusiveMinimum" : "minimum");
            JsonNode hi = p.get(r.maxOpen() ? "exclusiveMaximum" : "maximum");
            assertNotNull(lo, e.getKey() + " lower bound kind");
            assertNotNull(hi, e.getKey() + " upper bound kind");
            assertEquals(0, lo.decimalValue().compareTo(java.math.BigDecimal.valueOf(r.min())), e.getKey());
            if (r.max() >= Long.MAX_VALUE) {
                assertEquals(Long.MAX_VALUE, hi.longValue(), e.getKey());
            } else {
                assertEquals(0, hi.decimalValue().compareTo(java.math.BigDecimal.valueOf(r.max())), e.getKey());
            }
        }
    }

    @Test
    void fieldNamesAndEnumsMatchTheReader() {
        assertEquals(ConfigReader.ROOT, names(SCHEMA.get("properties")));
        assertEquals(ConfigReader.REACTIONS, names(SCHEMA.at("/properties/reactions/properties")));
        assertEquals(ConfigReader.PULSES, names(SCHEMA.at("/properties/pulses/properties")));
        assertEquals(ConfigReader.OUTPUT, names(SCHEMA.at("/properties/output/properties")));
        assertEquals(ConfigReader.OPEN, names(SCHEMA.at("/properties/open_chemistry/oneOf/1/properties")));
        assertEquals(ConfigReader.DRIVER, names(SCHEMA.at("/properties/driver/oneOf/1/properties")));
        assertEquals(SimulationConfig.Driver.TYPES, texts(SCHEMA.at("/properties/driver/oneOf/1/properties/type/enum")));
        assertEquals(ConfigReader.TYPE, names(SCHEMA.at("/properties/types/items/properties")));
        assertEquals(ConfigReader.COMPONENT, names(SCHEMA.at("/properties/composition/items/properties")));
        assertEquals(Limits.BACKENDS, texts(SCHEMA.at("/properties/backend/examples")));
        assertEquals("^" + Limits.BACKEND_NAME.pattern() + "$", SCHEMA.at("/properties/backend/pattern").asText());
        assertEquals(Limits.ENSEMBLES, texts(SCHEMA.at("/properties/ensemble/enum")));
        assertEquals(Limits.PULSE_KINDS, texts(SCHEMA.at("/properties/pulses/properties/kind/enum")));
        assertEquals(Presets.names(), texts(SCHEMA.at("/properties/preset/enum")));
        assertEquals(SimulationConfig.PLACEMENTS, texts(SCHEMA.at("/properties/placement/enum")));
        assertTrue(SCHEMA.get("$schema").asText().contains("2020-12"));
    }

    private static JsonNode property(String path) {
        JsonNode at = SCHEMA;
        for (String part : path.split("\\.")) {
            boolean array = part.endsWith("[]");
            String name = array ? part.substring(0, part.length() - 2) : part;
            at = at.get("properties").get(name);
            if (at != null && at.has("oneOf")) {
                at = at.get("oneOf").get(1);
            }
            if (at != null && array) {
                at = at.get("items");
            }
            if (at == null) {
                return null;
            }
        }
        return at;
    }

    private static List<String> names(JsonNode obj) {
        List<String> out = new ArrayList<>();
        Iterator<String> it = obj.fieldNames();
        it.forEachRemaining(out::add);
        return out;
    }

    private static List<String> texts(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asText()));
        return out;
    }
}
