package io.live2.model.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Parsing with hostile-input limits, deep merging (objects merge, everything else replaces) and dotted-path
 * overrides. Every failure is a {@link ConfigException} with a one-line message.
 */
final class JsonTrees {
    /** A config is a few kilobytes; these limits stop deep nesting, huge numbers and huge documents early. */
    static final int MAX_DEPTH = 32;
    static final int MAX_NUMBER_CHARS = 100;
    static final int MAX_STRING_CHARS = 10_000;
    static final long MAX_DOCUMENT_CHARS = Limits.MAX_DOCUMENT_CHARS;

    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(MAX_NUMBER_CHARS)
                            .maxStringLength(MAX_STRING_CHARS)
                            .maxDocumentLength(MAX_DOCUMENT_CHARS)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // NaN/Infinity literals stay malformed JSON (Jackson's default); keep the user's digits: 1e400 is reported as 1E+400, not as Infinity
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private JsonTrees() {
    }

    static ObjectNode parseObject(String json, String source) {
        if (json == null) {
            throw new ConfigException(source + ": no JSON given");
        }
        if (json.length() > MAX_DOCUMENT_CHARS) {
            throw new ConfigException(source + ": " + json.length() + " characters is too long; allowed up to "
                    + MAX_DOCUMENT_CHARS);
        }
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ConfigException(source + ": malformed JSON" + where + ": " + JsonFields.clip(
                    String.valueOf(e.getOriginalMessage())), e);
        } catch (NumberFormatException e) {
            // found by `live drill fuzz`: Jackson's BigDecimal reader throws this, not a JacksonException, for a
            // number whose exponent has too many digits (5.0E0776686742118707)
            throw new ConfigException(source + ": malformed JSON: a number that cannot be read: " + JsonFields.clip(
                    String.valueOf(e.getMessage())), e);
        }
        if (n == null || n.isMissingNode()) {
            throw new ConfigException(source + ": empty; expected a JSON object");
        }
        if (!(n instanceof ObjectNode o)) {
            throw new ConfigException(source + ": expected a JSON object at the top level, got " + JsonFields.kind(n));
        }
        return o;
    }

    /** Merges {@code over} into {@code base} in place: objects merge field by field, other values replace. */
    static void merge(ObjectNode base, ObjectNode over) {
        Iterator<Map.Entry<String, JsonNode>> it = over.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode old = base.get(e.getKey());
            if (old instanceof ObjectNode oldObj && e.getValue() instanceof ObjectNode newObj) {
                merge(oldObj, newObj);
            } else {
                base.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    /** Sets a dotted path ("output.snapshot_every") to a plain Java value from the CLI. */
    static void set(ObjectNode root, String path, Object value) {
        if (path == null || path.isEmpty()) {
            throw new ConfigException("override: empty field name");
        }
        String[] parts = path.split("\\.", -1);
        ObjectNode at = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = at.get(parts[i]);
            if (!(next instanceof ObjectNode)) {
                if (!List.of("reactions", "pulses", "open_chemistry", "output").contains(parts[i]) || i > 0) {
                    throw new ConfigException("unknown field '" + JsonFields.clip(path) + "'");
                }
                next = at.putObject(parts[i]);
            }
            at = (ObjectNode) next;
        }
        at.set(parts[parts.length - 1], toNode(path, value));
    }

    private static JsonNode toNode(String path, Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (v) {
            case null -> f.nullNode();
            case Integer i -> f.numberNode(i);
            case Long l -> f.numberNode(l);
            case Short s -> f.numberNode(s);
            case Byte b -> f.numberNode(b);
            case Double d -> f.numberNode(d);
            case Float fl -> f.numberNode(fl.doubleValue());
            case java.math.BigInteger b -> f.numberNode(b);
            case java.math.BigDecimal b -> f.numberNode(b);
            case Boolean b -> f.booleanNode(b);
            case String s -> f.textNode(s);
            case Enum<?> e -> f.textNode(e.name().toLowerCase(java.util.Locale.ROOT));
            default -> throw new ConfigException(path + ": unsupported override value of type "
                    + v.getClass().getSimpleName());
        };
    }
}
