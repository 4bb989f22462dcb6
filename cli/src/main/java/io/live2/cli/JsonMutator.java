package io.live2.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The fuzz drill's seeded, structure-aware mutator: from one valid JSON document it derives mutants by editing the
 * tree (drop, duplicate, rename, add and retype fields; huge, negative, fractional and NaN-like numbers; long and
 * odd unicode strings; deep nesting; a non-object root), then sometimes the bytes (truncation, bit flips, invalid
 * UTF-8, cut and repeated spans), sometimes the content type, sometimes nothing at all (an empty body). Input
 * {@code i} of a target depends only on (seed, target, i): a failure is reproduced from those three numbers alone.
 */
final class JsonMutator {
    /** A mutant: its bytes, the Content-Type to send (null: none), and the operations that made it, for the reproducer. */
    record Mutant(byte[] body, String contentType, String ops) {
    }

    static final String JSON_TYPE = "application/json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Numbers a parser must refuse or range-check; some are not JSON at all (NaN, Infinity, leading zeros, a bare minus). */
    private static final String[] ODD_NUMBERS = {"0", "-0", "-1", "1e400", "-1e400", "1e-400", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649", "1" + "0".repeat(400), "0.5", "1.0",
        "3.141592653589793238462643383279", "NaN", "Infinity", "-Infinity", "00", "012", "-", "1e", "0x10", "1_000", "+1"};
    /** String contents as JSON escapes: lone surrogates, NUL, controls, RTL override, zero-width, combining, emoji, BOM. */
    private static final String[] ODD_STRINGS = {"\"\"", "\" \"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\u0000\"",
        "\"a\\nb\\r\\tc\"", "\"\\u202e\\u0644\\u0627\"", "\"\\u200b\\u200d\\ufeff\"", "\"e\\u0301\\u0301\\u0301\"", "\"\\ud83e\\uddea\"",
        "\"%s%n%x\"", "\"../../../etc/passwd\"", "\"'; DROP TABLE jobs; --\"", "\"<script>alert(1)</script>\"", "\"\\\\\"",
        "\"null\"", "\"true\"", "\"-1\"", "\"1e400\"", "\"\\u00ff\\u0100\\uffff\""};
    private static final int[] DEPTHS = {10, 100, 999, 1000, 1001, 5000, 50_000};
    private static final String[] CONTENT_TYPES = {null, "", "text/plain", "application/xml", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "application/json; charset=utf-16", "APPLICATION/JSON", "application/json;;;",
        "application/jsonp", "application/json-patch+json"};

    private final JsonNode seed;
    private final long seedNumber;
    private final int maxBytes;

    /**
     * @param seedJson a valid document of the target
     * @param seedNumber the drill's --seed
     * @param maxBytes the largest mutant (the server's body limit is another drill's subject)
     */
    JsonMutator(String seedJson, long seedNumber, int maxBytes) {
        try {
            this.seed = JSON.readTree(seedJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("seed is not JSON: " + seedJson, e);
        }
        this.seedNumber = seedNumber;
        this.maxBytes = maxBytes;
    }

    /** Mutant number {@code index} of target number {@code target}; the same arguments give the same bytes. */
    Mutant mutant(int target, long index) {
        SplittableRandom r = new SplittableRandom(mix(mix(seedNumber, target), index));
        List<String> ops = new ArrayList<>();
        if (r.nextInt(50) == 0) {
            return new Mutant(new byte[0], JSON_TYPE, "empty");
        }
        JsonNode tree = seed.deepCopy();
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits; e++) {
            tree = edit(tree, r, ops);
        }
        byte[] body = write(tree);
        if (r.nextInt(6) == 0) {
            body = duplicateField(body, r, ops);
        }
        if (r.nextInt(4) == 0) {
            body = bytes(body, r, ops);
        }
        if (body.length > maxBytes) {
            body = Arrays.copyOf(body, maxBytes);
            ops.add("cut-to-limit");
        }
        String type = JSON_TYPE;
        if (r.nextInt(20) == 0) {
            type = CONTENT_TYPES[r.nextInt(CONTENT_TYPES.length)];
            ops.add("content-type=" + type);
        }
        return new Mutant(body, type, String.join(",", ops));
    }

    private JsonNode edit(JsonNode root, SplittableRandom r, List<String> ops) {
        if (r.nextInt(40) == 0) {
            ops.add("root");
            return F.pojoNode(new RawValue(value(r, 0)));
        }
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty()) {
            return root;
        }
        JsonNode c = containers.get(r.nextInt(containers.size()));
        if (c instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            String name = names.isEmpty() ? null : names.get(r.nextInt(names.size()));
            int op = name == null ? 0 : r.nextInt(5);
            switch (op) {
                case 0 -> {
                    String added = r.nextBoolean() ? "x" + r.nextInt(100) : rawText(ODD_STRINGS[r.nextInt(ODD_STRINGS.length)]);
                    o.set(added, raw(value(r, 0)));
                    ops.add("add");
                }
                case 1 -> {
                    o.remove(name);
                    ops.add("drop " + name);
                }
                case 2 -> {
                    JsonNode v = o.remove(name);
                    o.set(rename(name, r), v);
                    ops.add("rename " + name);
                }
                default -> {
                    o.set(name, raw(value(r, 0)));
                    ops.add("retype " + name);
                }
            }
        } else if (c instanceof ArrayNode a) {
            if (a.isEmpty() || r.nextInt(3) == 0) {
                a.add(raw(value(r, 0)));
                ops.add("append");
            } else if (r.nextBoolean()) {
                a.remove(r.nextInt(a.size()));
                ops.add("remove element");
            } else {
                a.set(r.nextInt(a.size()), raw(value(r, 0)));
                ops.add("retype element");
            }
        }
        return root;
    }

    /** A replacement value as JSON text: any type, odd numbers and strings, long strings, deep nesting. */
    private static String value(SplittableRandom r, int depth) {
        return switch (r.nextInt(depth > 1 ? 7 : 10)) {
            case 0 -> ODD_NUMBERS[r.nextInt(ODD_NUMBERS.length)];
            case 1 -> ODD_STRINGS[r.nextInt(ODD_STRINGS.length)];
            case 2 -> Long.toString(r.nextLong());
            case 3 -> r.nextBoolean() ? "true" : "null";
            case 4 -> Double.toString(r.nextDouble() * Math.pow(10, r.nextInt(-20, 20)));
            case 5 -> "\"" + "abcdefghij".substring(r.nextInt(10)) + "\"";
            case 6 -> r.nextBoolean() ? "{}" : "[]";
            case 7 -> "\"" + String.valueOf((char) ('a' + r.nextInt(26))).repeat(1 << r.nextInt(19)) + "\"";
            case 8 -> nested(r);
            default -> r.nextBoolean() ? "[" + value(r, depth + 1) + "," + value(r, depth + 1) + "]"
                    : "{\"" + (char) ('a' + r.nextInt(26)) + "\":" + value(r, depth + 1) + "}";
        };
    }

    private static String nested(SplittableRandom r) {
        int d = DEPTHS[r.nextInt(DEPTHS.length)];
        boolean arrays = r.nextBoolean();
        StringBuilder b = new StringBuilder(d * 6 + 2);
        b.append((arrays ? "[" : "{\"a\":").repeat(d)).append('1').append((arrays ? "]" : "}").repeat(d));
        return b.toString();
    }

    private static String rename(String name, SplittableRandom r) {
        return switch (r.nextInt(5)) {
            case 0 -> name.toUpperCase(java.util.Locale.ROOT);
            case 1 -> name + "_";
            case 2 -> "";
            case 3 -> name.substring(0, name.length() / 2);
            default -> name + "\u0000";
        };
    }

    /** Writes {@code "name":<value>,} once more before a field's first occurrence: the same key twice in one object. */
    private static byte[] duplicateField(byte[] body, SplittableRandom r, List<String> ops) {
        String s = new String(body, StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([a-z_]+)\":").matcher(s);
        List<int[]> at = new ArrayList<>();
        while (m.find()) {
            at.add(new int[] {m.start(), m.end()});
        }
        if (at.isEmpty()) {
            return body;
        }
        int[] f = at.get(r.nextInt(at.size()));
        String name = s.substring(f[0], f[1]);
        ops.add("duplicate " + name);
        return (s.substring(0, f[0]) + name + value(r, 0) + "," + s.substring(f[0])).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(byte[] b, SplittableRandom r, List<String> ops) {
        if (b.length == 0) {
            return b;
        }
        switch (r.nextInt(5)) {
            case 0 -> {
                ops.add("truncate");
                return Arrays.copyOf(b, r.nextInt(b.length));
            }
            case 1 -> {
                byte[] c = b.clone();
                int flips = 1 + r.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    c[r.nextInt(c.length)] ^= (byte) (1 << r.nextInt(8));
                }
                ops.add("bitflip x" + flips);
                return c;
            }
            case 2 -> {
                // invalid UTF-8: a lone continuation byte, an overlong encoding, a byte no UTF-8 has
                byte[] bad = {(byte) 0x80, (byte) 0xC0, (byte) 0xAF, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
                int at = r.nextInt(b.length + 1);
                int n = 1 + r.nextInt(bad.length);
                byte[] c = new byte[b.length + n];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(bad, 0, c, at, n);
                System.arraycopy(b, at, c, at + n, b.length - at);
                ops.add("invalid utf-8");
                return c;
            }
            case 3 -> {
                int from = r.nextInt(b.length);
                int to = from + r.nextInt(b.length - from + 1);
                byte[] c = new byte[b.length - (to - from)];
                System.arraycopy(b, 0, c, 0, from);
                System.arraycopy(b, to, c, from, b.length - to);
                ops.add("cut span");
                return c;
            }
            default -> {
                int from = r.nextInt(b.length);
                int to = from + r.nextInt(Math.min(64, b.length - from) + 1);
                byte[] c = new byte[b.length + (to - from)];
                System.arraycopy(b, 0, c, 0, to);
                System.arraycopy(b, from, c, to, b.length - from);
                ops.add("repeat span");
                return c;
            }
        }
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            n.elements().forEachRemaining(c -> collect(c, out));
        }
    }

    private static JsonNode raw(String json) {
        return F.pojoNode(new RawValue(json));
    }

    /** An odd string's text as a field name (the JSON escapes resolved where Jackson can write them). */
    private static String rawText(String jsonString) {
        try {
            return JSON.readTree(jsonString).asText();
        } catch (JsonProcessingException e) {
            return "x";
        }
    }

    private static byte[] write(JsonNode tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            // a field name Jackson cannot encode (a lone surrogate): an unfinished object is still a mutant
            return "{\"x\":".getBytes(StandardCharsets.UTF_8);
        }
    }

    private static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
