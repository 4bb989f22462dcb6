package io.live2.model.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;

/**
 * Typed, range-checked reads from one JSON object, with every error naming the full field path. Unknown fields
 * are rejected on construction, so a typo ("tempreature") fails loudly instead of being silently ignored.
 */
final class JsonFields {
    private final ObjectNode node;
    private final String path;
    private final String rangePrefix;

    /**
     * @param node        the object to read
     * @param path        display path of the object ("" for the root, "types[2]" for an array element)
     * @param rangePrefix key prefix into {@link Limits} ("" / "types[]")
     * @param known       the field names this object may have
     */
    JsonFields(JsonNode node, String path, String rangePrefix, List<String> known) {
        if (!(node instanceof ObjectNode obj)) {
            throw new ConfigException(label(path) + "expected an object, got " + kind(node));
        }
        this.node = obj;
        this.path = path;
        this.rangePrefix = rangePrefix;
        Iterator<String> names = obj.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (!known.contains(f)) {
                throw new ConfigException("unknown field '" + child(path, clip(f)) + "'; known fields"
                        + (path.isEmpty() ? "" : " of " + path) + ": " + String.join(", ", known));
            }
        }
    }

    String path(String field) {
        return child(path, field);
    }

    boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    JsonNode required(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new ConfigException(path(field) + ": missing; a value is required");
        }
        return v;
    }

    long integer(String field) {
        JsonNode v = required(field);
        Range r = Limits.of(rangeKey(field));
        if (!v.isNumber()) {
            throw typeError(field, "an integer", v);
        }
        BigDecimal d = decimal(field, v);
        if (d.precision() - d.scale() > 25) {
            // more than 25 integer digits: out of every range, and setScale would build a huge number
            throw outOfRange(field, show(v), r);
        }
        BigDecimal whole;
        try {
            whole = d.setScale(0);
        } catch (ArithmeticException notWhole) {
            throw new ConfigException(path(field) + ": " + show(v) + " is not a whole number; allowed " + r.describe(field));
        }
        if (whole.compareTo(BigDecimal.valueOf((long) r.min())) < 0 || whole.compareTo(maxOf(r)) > 0) {
            throw outOfRange(field, show(v), r);
        }
        return whole.longValueExact();
    }

    int intValue(String field) {
        return Math.toIntExact(integer(field));
    }

    double real(String field) {
        JsonNode v = required(field);
        Range r = Limits.of(rangeKey(field));
        if (!v.isNumber()) {
            throw typeError(field, "a number", v);
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d) && (v.isBigDecimal() || v.isBigInteger())) {
            throw outOfRange(field, show(v), r); // 1e400 written out: too large, not "not a number"
        }
        if (!Double.isFinite(d)) {
            throw new ConfigException(path(field) + ": " + show(v) + " is not a finite number; allowed " + r.describe(field));
        }
        if (!r.contains(d)) {
            throw outOfRange(field, show(v), r);
        }
        return d + 0.0; // -0.0 becomes 0.0, so equal configs compare equal and write the same JSON
    }

    boolean bool(String field) {
        JsonNode v = required(field);
        if (!v.isBoolean()) {
            throw typeError(field, "true or false", v);
        }
        return v.booleanValue();
    }

    String text(String field) {
        JsonNode v = required(field);
        if (!v.isTextual()) {
            throw typeError(field, "a string", v);
        }
        return v.textValue();
    }

    String choice(String field, List<String> allowed) {
        String s = text(field);
        if (!allowed.contains(s)) {
            throw new ConfigException(path(field) + ": '" + clip(s) + "' is not allowed; allowed " + String.join("|", allowed));
        }
        return s;
    }

    /** A string matching a pattern (described in words for the message). */
    String matching(String field, java.util.regex.Pattern pattern, String description) {
        String s = text(field);
        if (!pattern.matcher(s).matches()) {
            throw new ConfigException(path(field) + ": '" + clip(s) + "' is not allowed; allowed " + description);
        }
        return s;
    }

    ArrayNode array(String field, int maxSize) {
        JsonNode v = required(field);
        if (!(v instanceof ArrayNode a)) {
            throw typeError(field, "an array", v);
        }
        if (a.size() > maxSize) {
            throw new ConfigException(path(field) + ": " + a.size() + " entries is out of range; allowed 0.." + maxSize);
        }
        return a;
    }

    /** A nested object field, or null when the field is absent or JSON null. */
    JsonNode objectOrNull(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    private BigDecimal decimal(String field, JsonNode v) {
        if ((v.isDouble() || v.isFloat()) && !Double.isFinite(v.doubleValue())) {
            throw new ConfigException(path(field) + ": " + show(v) + " is not a finite number; allowed "
                    + Limits.of(rangeKey(field)).describe(field));
        }
        return v.decimalValue();
    }

    /** A number as the user would recognise it: NaN and Infinity unquoted (Jackson quotes them). */
    private static String show(JsonNode v) {
        return (v.isDouble() || v.isFloat()) && !Double.isFinite(v.doubleValue()) ? Double.toString(v.doubleValue()) : v.toString();
    }

    private static BigDecimal maxOf(Range r) {
        return r.max() >= Long.MAX_VALUE ? BigDecimal.valueOf(Long.MAX_VALUE) : BigDecimal.valueOf((long) r.max());
    }

    private String rangeKey(String field) {
        return rangePrefix.isEmpty() ? field : rangePrefix + "." + field;
    }

    private ConfigException outOfRange(String field, String given, Range r) {
        return new ConfigException(path(field) + ": " + clip(given) + " is out of range; allowed " + r.describe(field));
    }

    private ConfigException typeError(String field, String expected, JsonNode v) {
        return new ConfigException(path(field) + ": expected " + expected + ", got " + kind(v));
    }

    static String kind(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return "string \"" + clip(v.textValue()) + "\"";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "an array";
        }
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + clip(v.toString());
    }

    /** Keep messages one short line even when the input holds a megabyte-long string. */
    static String clip(String s) {
        String one = s.replaceAll("[\\r\\n\\t]", " ");
        return one.length() > 60 ? one.substring(0, 57) + "..." : one;
    }

    static String child(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    private static String label(String path) {
        return path.isEmpty() ? "configuration: " : path + ": ";
    }
}
